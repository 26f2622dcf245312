package dev.apojwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile JWK Sets from the JWKS URI itself: keys with their private parts published, {@code alg:
 * none}, symmetric secrets, keys whose {@code kty} and {@code alg} disagree, points off the curve.
 * Each such key is refused, so a token that relies on it is refused too; the set's other keys keep
 * working.
 */
class JwkSetAttackTest {
  private static HttpServer server;
  private static volatile String served = "{\"keys\":[]}";
  private static final String PAYLOAD = AttackCorpus.claims().toString();

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          byte[] body = served.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  /** A verifier of the set served now, with ES256 and RS256 allowed. */
  private static ApoJwt consumer(String jwks) {
    served = jwks;
    return ApoJwt.builder()
        .jwksUri(uri())
        .algorithms("ES256", "RS256")
        .issuer(Services.ISSUER)
        .serverAudience(Services.AUDIENCE)
        .clock(Services.CLOCK)
        .build();
  }

  private static AuthFailure.Reason reason(ApoJwt jwt, String token) {
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.verify(token));
    AttackCorpusTest.assertEchoesNothing(token, e.failure());
    return e.reason();
  }

  private static String b64(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    if (size == 0) {
      return Forge.b64(
          bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
    byte[] out = new byte[size];
    int n = Math.min(bytes.length, size);
    System.arraycopy(bytes, bytes.length - n, out, size - n, n);
    return Forge.b64(out);
  }

  /** The attacker's EC key as a JWK, with its private part {@code d} when asked. */
  private static String attackerEc(String kid, String extra, boolean withD) {
    ECPublicKey pub = (ECPublicKey) AttackerKeys.EC.getPublic();
    return "{\"kty\":\"EC\",\"kid\":\""
        + kid
        + "\",\"crv\":\"P-256\",\"x\":\""
        + b64(pub.getW().getAffineX(), 32)
        + "\",\"y\":\""
        + b64(pub.getW().getAffineY(), 32)
        + "\""
        + (withD
            ? ",\"d\":\"" + b64(((ECPrivateKey) AttackerKeys.EC.getPrivate()).getS(), 32) + "\""
            : "")
        + extra
        + "}";
  }

  /** The attacker's RSA key as a full private JWK. */
  private static String attackerRsaPrivate(String kid) {
    RSAPublicKey pub = (RSAPublicKey) AttackerKeys.RSA.getPublic();
    RSAPrivateCrtKey priv = (RSAPrivateCrtKey) AttackerKeys.RSA.getPrivate();
    return "{\"kty\":\"RSA\",\"kid\":\""
        + kid
        + "\",\"n\":\""
        + b64(pub.getModulus(), 0)
        + "\",\"e\":\"AQAB\",\"d\":\""
        + b64(priv.getPrivateExponent(), 0)
        + "\",\"p\":\""
        + b64(priv.getPrimeP(), 0)
        + "\",\"q\":\""
        + b64(priv.getPrimeQ(), 0)
        + "\",\"dp\":\""
        + b64(priv.getPrimeExponentP(), 0)
        + "\",\"dq\":\""
        + b64(priv.getPrimeExponentQ(), 0)
        + "\",\"qi\":\""
        + b64(priv.getCrtCoefficient(), 0)
        + "\"}";
  }

  @Test
  void keysWithTheirPrivatePartsPublishedAreRefusedTheRestServes() {
    // "good" is the attacker's public key without private parts: the control that the set works.
    String jwks =
        "{\"keys\":["
            + attackerEc("leaked-ec", "", true)
            + ","
            + attackerRsaPrivate("leaked-rsa")
            + ","
            + attackerEc("good", "", false)
            + "]}";
    try (ApoJwt jwt = consumer(jwks)) {
      String ec =
          Forge.es256(
              AttackerKeys.EC.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"leaked-ec\"}", PAYLOAD);
      String rsa =
          Forge.rs256(
              AttackerKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"kid\":\"leaked-rsa\"}", PAYLOAD);
      assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, ec));
      assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, rsa));
      String control =
          Forge.es256(
              AttackerKeys.EC.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"good\"}", PAYLOAD);
      assertEquals(AttackCorpus.MARKER + "-subject", jwt.verify(control).subject());
      assertEquals(List.of(), findPrivateMembers(jwt.jwks()));
    }
  }

  private static List<String> findPrivateMembers(String jwks) {
    return List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"k\"", "\"oth\"")
        .stream()
        .filter(jwks::contains)
        .collect(java.util.stream.Collectors.toList());
  }

  @Test
  void algNoneSymmetricKeysAndMismatchesAreRefused() {
    String secret =
        Forge.b64("attacker-secret-attacker-secret-attacker".getBytes(StandardCharsets.UTF_8));
    String jwks =
        "{\"keys\":["
            + attackerEc("none", ",\"alg\":\"none\"", false)
            + ",{\"kty\":\"oct\",\"kid\":\"oct\",\"k\":\""
            + secret
            + "\",\"alg\":\"HS256\"}"
            + ","
            + attackerEc("rsa-alg", ",\"alg\":\"RS256\"", false)
            + ","
            + attackerEc("p384-alg", ",\"alg\":\"ES384\"", false)
            + ","
            + attackerEc("k1", "", false).replace("P-256", "secp256k1")
            + "]}";
    try (ApoJwt jwt = consumer(jwks)) {
      assertEquals(
          AuthFailure.Reason.BAD_ALGORITHM,
          reason(
              jwt,
              Forge.b64("{\"alg\":\"none\",\"kid\":\"none\"}") + "." + Forge.b64(PAYLOAD) + "."));
      for (String kid : List.of("none", "rsa-alg", "p384-alg", "k1")) {
        String token =
            Forge.es256(
                AttackerKeys.EC.getPrivate(),
                "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}",
                PAYLOAD);
        assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, token), kid);
      }
      String hmac =
          Forge.hmacToken(
              "HmacSHA256",
              "attacker-secret-attacker-secret-attacker".getBytes(StandardCharsets.UTF_8),
              "{\"alg\":\"HS256\",\"kid\":\"oct\"}",
              PAYLOAD);
      assertEquals(AuthFailure.Reason.BAD_ALGORITHM, reason(jwt, hmac));
      assertEquals("{\"keys\":[]}", jwt.jwks());
    }
  }

  @Test
  void aPointOffTheCurveIsRefused() {
    ECPublicKey pub = (ECPublicKey) AttackerKeys.EC.getPublic();
    String y = b64(pub.getW().getAffineY(), 32);
    String offCurve =
        attackerEc("off", "", false)
            .replace(y, b64(pub.getW().getAffineY().add(BigInteger.ONE), 32));
    try (ApoJwt jwt = consumer("{\"keys\":[" + offCurve + "]}")) {
      String token =
          Forge.es256(AttackerKeys.EC.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"off\"}", PAYLOAD);
      assertEquals(AuthFailure.Reason.BAD_SIGNATURE, reason(jwt, token));
    }
  }
}
