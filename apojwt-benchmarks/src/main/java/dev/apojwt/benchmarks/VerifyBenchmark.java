package dev.apojwt.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.apojwt.ApoJwt;
import dev.apojwt.VerifiedToken;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification alone: apojwt's strict single-pass verify against java-jwt's JWTVerifier with the
 * same checks (algorithm, signature, exp/nbf/iat, issuer, audience) and the same permission test,
 * and against the floor, a hand-written verifier with a reused {@code Mac} or {@code Signature}
 * ({@link HandWritten#verify}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class VerifyBenchmark {
  @Param({"HS256", "RS256", "ES256"})
  public String algorithm;

  private ApoJwt apoJwt;
  private JWTVerifier javaJwt;
  private HandWritten handWritten;
  private String[] tokens;
  private int next;

  @Setup
  public void setUp() {
    KeyPair keys = algorithm.equals("HS256") ? null : Fixtures.keyPair(algorithm);
    apoJwt = Fixtures.apoJwt(algorithm, keys).build();
    javaJwt =
        JWT.require(javaJwtAlgorithm(algorithm, keys))
            .withIssuer(Fixtures.ISSUER)
            .withAudience(Fixtures.AUDIENCE)
            .build();
    tokens = Fixtures.tokens(apoJwt, List.of(Fixtures.PERMISSION, "orders:write"));
    handWritten = new HandWritten(algorithm, keys);
  }

  static Algorithm javaJwtAlgorithm(String algorithm, KeyPair keys) {
    switch (algorithm) {
      case "HS256":
        return Algorithm.HMAC256(Fixtures.SECRET);
      case "RS256":
        return Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate());
      case "ES256":
        return Algorithm.ECDSA256((ECPublicKey) keys.getPublic(), (ECPrivateKey) keys.getPrivate());
      default:
        throw new IllegalArgumentException(algorithm);
    }
  }

  private String nextToken() {
    String token = tokens[next];
    next = (next + 1) & (Fixtures.POOL - 1);
    return token;
  }

  @Benchmark
  public boolean apojwtVerify() {
    VerifiedToken token = apoJwt.verify(nextToken());
    return token.hasPermission(Fixtures.PERMISSION);
  }

  @Benchmark
  public boolean handWrittenVerify() {
    HandWritten.Claims token = handWritten.verify(nextToken(), Fixtures.ISSUER, Fixtures.AUDIENCE);
    return token != null && token.permissions.contains(Fixtures.PERMISSION);
  }

  @Benchmark
  public boolean javaJwtVerify() {
    DecodedJWT token = javaJwt.verify(nextToken());
    List<String> permissions = token.getClaim("perms").asList(String.class);
    return permissions != null && permissions.contains(Fixtures.PERMISSION);
  }
}
