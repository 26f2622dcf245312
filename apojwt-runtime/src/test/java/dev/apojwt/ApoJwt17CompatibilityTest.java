package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wire compatibility with apojwt 1.7 (Python, PyJWT) in both directions.
 *
 * <p>Python to Java: {@code apojwt17/tokens.properties} holds tokens made exactly as apojwt 1.7
 * makes them (by {@code src/test/python/make_apojwt17_tokens.py} with PyJWT 2.6.0); they verify
 * here under a clock at their issue time.
 *
 * <p>Java to Python: {@code apojwt17/java-made.properties} holds tokens this library made under a
 * fixed clock and token ids; a test pins that we still make them byte for byte, and when PyJWT is
 * installed (Debian's python3-jwt is on the project's machines) they, and freshly made ones, are
 * decoded with the call apojwt makes: {@code jwt.decode(token, secret, issuer=, audience=,
 * algorithms=[alg])}.
 */
class ApoJwt17CompatibilityTest {
  private static final Properties PYTHON = load("apojwt17/tokens.properties");
  private static final Properties JAVA_MADE = load("apojwt17/java-made.properties");
  private static final String ISSUER = "apogee";
  private static final List<String> AUDIENCE =
      List.of("https://orders.example.com", "https://billing.example.com");
  private static final String REFRESH_SECRET = PYTHON.getProperty("refresh.secret");

  /** Java-made fixtures are valid for 60 years, so that PyJWT accepts them on any test day. */
  private static final Duration FIXTURE_LIFETIME = Duration.ofDays(365L * 60);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in =
        ApoJwt17CompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return properties;
  }

  private static ApoJwt.Builder pythonConfig(String algorithm, Clock clock) {
    ApoJwt.Builder builder =
        ApoJwt.builder().algorithm(algorithm).issuer(ISSUER).serverAudience(AUDIENCE).clock(clock);
    if (algorithm.startsWith("HS")) {
      builder
          .secret(PYTHON.getProperty(algorithm + ".secret"))
          .refresh(REFRESH_SECRET, Duration.ofDays(1), c -> null);
    }
    return builder;
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS256", "HS384", "HS512"})
  void apojwtAccessAndRefreshTokensVerifyHere(String algorithm) {
    ApoJwt jwt = pythonConfig(algorithm, TestTokens.CLOCK).build();
    VerifiedToken token = jwt.verify(PYTHON.getProperty(algorithm + ".access"));
    assertPythonAccessClaims(token);

    VerifiedRefresh refresh = jwt.verifyRefresh(PYTHON.getProperty(algorithm + ".refresh"));
    assertNull(refresh.subject()); // apojwt's refresh tokens carry no sub
    assertEquals(Map.of("user_id", "user-1"), refresh.data());
    assertEquals(TestTokens.NOW.plusSeconds(86400), refresh.expiresAt());
    assertNull(refresh.id());
  }

  private static void assertPythonAccessClaims(VerifiedToken token) {
    assertEquals("user-1", token.subject());
    assertEquals(List.of("orders:read", "orders:write"), List.copyOf(token.permissions()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tenant", "acme");
    data.put("level", 3);
    data.put("ratio", 2.5);
    data.put("tags", List.of("a", "b"));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("on", true);
    extra.put("none", null);
    data.put("extra", extra);
    assertEquals(data, token.data());
    assertEquals(ISSUER, token.issuer());
    assertEquals(AUDIENCE, token.audience());
    assertEquals(TestTokens.NOW, token.issuedAt());
    assertEquals(TestTokens.NOW, token.notBefore());
    assertEquals(TestTokens.NOW.plusSeconds(900), token.expiresAt());
    assertNull(token.id());
  }

  @Test
  void apojwtTokensExpireWhenPythonSaysSo() {
    Clock later = Clock.fixed(TestTokens.NOW.plusSeconds(900), ZoneOffset.UTC);
    ApoJwt jwt = pythonConfig("HS256", later).build();
    assertEquals(
        AuthFailure.Reason.EXPIRED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(PYTHON.getProperty("HS256.access")))
            .reason());
  }

  @Test
  void apojwtTokensAreRefusedUnderAnotherAudienceOrIssuer() {
    ApoJwt otherAudience =
        ApoJwt.builder()
            .secret(PYTHON.getProperty("HS256.secret"))
            .issuer(ISSUER)
            .serverAudience("https://other.example.com")
            .clock(TestTokens.CLOCK)
            .build();
    assertEquals(
        AuthFailure.Reason.BAD_AUDIENCE,
        assertThrows(
                ApoJwtException.class,
                () -> otherAudience.verify(PYTHON.getProperty("HS256.access")))
            .reason());
    ApoJwt otherIssuer =
        ApoJwt.builder()
            .secret(PYTHON.getProperty("HS256.secret"))
            .issuer("other")
            .serverAudience(AUDIENCE)
            .clock(TestTokens.CLOCK)
            .build();
    assertEquals(
        AuthFailure.Reason.BAD_ISSUER,
        assertThrows(
                ApoJwtException.class, () -> otherIssuer.verify(PYTHON.getProperty("HS256.access")))
            .reason());
  }

  @Test
  void apojwtDefaultsVerifyUnderJavaDefaults() {
    // apojwt's defaults: sub "", no permissions, empty data, iss "", aud [].
    ApoJwt jwt =
        ApoJwt.builder().secret(PYTHON.getProperty("HS256.secret")).clock(TestTokens.CLOCK).build();
    VerifiedToken token = jwt.verify(PYTHON.getProperty("HS256.defaults"));
    assertEquals("", token.subject());
    assertEquals(Set.of(), token.permissions());
    assertEquals(Map.of(), token.data());
    assertEquals(List.of(), token.audience());
  }

  @Test
  void pyjwtRsaAndEcTokensVerifyWithThePublicKey() throws Exception {
    ApoJwt rsa =
        pythonConfig("RS256", TestTokens.CLOCK).verificationKey(publicKey("rsa", "RSA")).build();
    assertPythonAccessClaims(rsa.verify(PYTHON.getProperty("RS256.access")));
    ApoJwt ec =
        pythonConfig("ES256", TestTokens.CLOCK).verificationKey(publicKey("ec", "EC")).build();
    assertPythonAccessClaims(ec.verify(PYTHON.getProperty("ES256.access")));
  }

  // ------------------------------------------------------------------ Java to Python

  /** Tokens made here with a fixed clock and ids: deterministic for HMAC and RSA (PKCS#1 v1.5). */
  static Map<String, String> javaMadeTokens() throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String algorithm : List.of("HS256", "HS384", "HS512", "RS256")) {
      ApoJwt.Builder builder =
          ApoJwt.builder()
              .algorithm(algorithm)
              .issuer(ISSUER)
              .serverAudience(AUDIENCE)
              .clock(TestTokens.CLOCK)
              .expPeriod(FIXTURE_LIFETIME)
              .ids(new Counter(algorithm)::next);
      if (algorithm.startsWith("HS")) {
        builder
            .secret(PYTHON.getProperty(algorithm + ".secret"))
            .refresh(REFRESH_SECRET, FIXTURE_LIFETIME.plusDays(1), c -> null);
      } else {
        builder.signingKeys(new KeyPair(publicKey("rsa", "RSA"), privateKey("rsa", "RSA")));
      }
      ApoJwt jwt = builder.build();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("tenant", "acme");
      data.put("level", 3);
      data.put("nested", Map.of("list", Arrays.asList(1, 2.5, true, null, "x")));
      if (algorithm.startsWith("HS")) {
        TokenPair pair =
            jwt.createTokens(
                "user-1",
                List.of("orders:read", "orders:write"),
                data,
                Map.of("user_id", "user-1"));
        tokens.put(algorithm + ".access", pair.access());
        tokens.put(algorithm + ".refresh", pair.refresh());
      } else {
        tokens.put(
            algorithm + ".access",
            jwt.createToken("user-1", List.of("orders:read", "orders:write"), data));
      }
    }
    return tokens;
  }

  private static final class Counter {
    private final String prefix;
    private int n;

    Counter(String prefix) {
      this.prefix = prefix;
    }

    String next() {
      return prefix + "-" + (++n);
    }
  }

  @Test
  void weStillMakeTheTokensThatPyjwtAccepted() throws Exception {
    Map<String, String> made = javaMadeTokens();
    assertEquals(made.size(), JAVA_MADE.size(), "java-made.properties is missing entries");
    made.forEach((name, token) -> assertEquals(JAVA_MADE.getProperty(name), token, name));
  }

  @Test
  void pyjwtDecodesTokensMadeHere() throws Exception {
    Path python = findPyJwt();
    Assumptions.assumeTrue(python != null, "PyJWT is not installed (apt-get install python3-jwt)");
    List<ObjectNode> requests = new ArrayList<>();
    // The committed fixtures...
    for (String name : JAVA_MADE.stringPropertyNames()) {
      String algorithm = name.substring(0, name.indexOf('.'));
      String key =
          algorithm.startsWith("HS")
              ? (name.endsWith(".refresh")
                  ? REFRESH_SECRET
                  : PYTHON.getProperty(algorithm + ".secret"))
              : pem("rsa-public.pem");
      requests.add(request(JAVA_MADE.getProperty(name), key, algorithm));
    }
    // ...and tokens made now, on the real clock, with random ids, for every algorithm.
    for (String algorithm : List.of("HS256", "HS384", "HS512", "RS256", "ES256")) {
      ApoJwt.Builder builder = pythonConfig(algorithm, Clock.systemUTC());
      String key;
      if (algorithm.startsWith("HS")) {
        key = PYTHON.getProperty(algorithm + ".secret");
      } else {
        String kind = algorithm.startsWith("RS") ? "rsa" : "ec";
        builder.signingKeys(
            new KeyPair(publicKey(kind, kind.toUpperCase()), privateKey(kind, kind.toUpperCase())));
        key = pem(kind + "-public.pem");
      }
      ApoJwt jwt = builder.build();
      requests.add(
          request(
              jwt.createToken("user-1", List.of("orders:read"), Map.of("tenant", "acme")),
              key,
              algorithm));
      if (algorithm.startsWith("HS")) {
        String refresh =
            jwt.createTokens("user-1", List.of(), Map.of(), Map.of("user_id", "user-1")).refresh();
        requests.add(request(refresh, REFRESH_SECRET, algorithm));
      }
    }
    List<JsonNode> results = runPython(python, requests);
    assertEquals(requests.size(), results.size());
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      assertTrue(result.get("ok").asBoolean(), () -> "PyJWT refused a token: " + result);
      JsonNode payload = result.get("payload");
      assertEquals(ISSUER, payload.get("iss").asText());
      assertTrue(
          payload.has("exp") && payload.has("iat") && payload.has("nbf") && payload.has("data"));
    }
  }

  private static ObjectNode request(String token, String key, String algorithm) {
    ObjectNode request = MAPPER.createObjectNode();
    request.put("token", token);
    request.put("key", key);
    request.put("algorithm", algorithm);
    request.put("issuer", ISSUER);
    AUDIENCE.forEach(request.putArray("audience")::add);
    return request;
  }

  private static List<JsonNode> runPython(Path python, List<ObjectNode> requests) throws Exception {
    Process process =
        new ProcessBuilder(python.toString(), "src/test/python/pyjwt_decode.py")
            .redirectErrorStream(true)
            .start();
    try (Writer in =
        new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (ObjectNode request : requests) {
        in.write(MAPPER.writeValueAsString(request));
        in.write('\n');
      }
    }
    List<JsonNode> results = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        results.add(MAPPER.readTree(line));
      }
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "PyJWT did not finish");
    assertEquals(0, process.exitValue());
    return results;
  }

  /** A Python 3 that can import jwt, or null. */
  static Path findPyJwt() {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import jwt, cryptography")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Path.of(candidate);
        }
      } catch (IOException | InterruptedException e) {
        // try the next one
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ keys

  static String pem(String file) throws IOException {
    try (InputStream in =
        ApoJwt17CompatibilityTest.class.getClassLoader().getResourceAsStream("apojwt17/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static byte[] der(String file) throws IOException {
    String body = pem(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  static PublicKey publicKey(String name, String algorithm) throws Exception {
    return KeyFactory.getInstance(algorithm)
        .generatePublic(new X509EncodedKeySpec(der(name + "-public.pem")));
  }

  static PrivateKey privateKey(String name, String algorithm) throws Exception {
    return KeyFactory.getInstance(algorithm)
        .generatePrivate(new PKCS8EncodedKeySpec(der(name + "-private.pem")));
  }

  /** Writes java-made.properties; run once when the token format deliberately changes. */
  public static void main(String[] args) throws Exception {
    StringBuilder out =
        new StringBuilder(
            "# Tokens made by apojwt for Java under a fixed clock; PyJWT 2.6.0 decodes them.\n");
    javaMadeTokens().forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    Files.writeString(Path.of(args[0]), out.toString());
  }
}
