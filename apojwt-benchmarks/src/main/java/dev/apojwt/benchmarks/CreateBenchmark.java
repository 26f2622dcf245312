package dev.apojwt.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.apojwt.ApoJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token creation, HS256: apojwt's createToken against the same claims written with raw java-jwt
 * ({@code JWT.create()...sign()}) and against the floor, a hand-written signer with a reused {@code
 * Mac} ({@link HandWritten#sign}); each with a random {@code jti}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CreateBenchmark {
  private static final List<String> PERMISSIONS = List.of(Fixtures.PERMISSION, "orders:write");
  private static final Map<String, Object> DATA = Map.of("tenant", "acme", "seat", 7);

  private ApoJwt apoJwt;
  private Algorithm hmac;
  private HandWritten handWritten;
  private int next;

  @Setup
  public void setUp() {
    apoJwt = Fixtures.apoJwt("HS256", null).build();
    hmac = Algorithm.HMAC256(Fixtures.SECRET);
    handWritten = new HandWritten("HS256", null);
  }

  @Benchmark
  public String handWrittenSign() {
    return handWritten.sign(
        "user-" + (next++ & 1023),
        PERMISSIONS,
        DATA,
        Fixtures.ISSUER,
        Fixtures.AUDIENCE,
        Duration.ofHours(1).getSeconds());
  }

  @Benchmark
  public String apojwtCreateToken() {
    return apoJwt.createToken("user-" + (next++ & 1023), PERMISSIONS, DATA);
  }

  @Benchmark
  public String javaJwtCreate() {
    Instant now = Instant.now();
    return JWT.create()
        .withHeader(Map.of("typ", "at+jwt"))
        .withExpiresAt(now.plus(Duration.ofHours(1)))
        .withSubject("user-" + (next++ & 1023))
        .withNotBefore(now)
        .withIssuer(Fixtures.ISSUER)
        .withAudience(Fixtures.AUDIENCE)
        .withIssuedAt(now)
        .withClaim("data", DATA)
        .withClaim("perms", PERMISSIONS)
        .withJWTId(UUID.randomUUID().toString())
        .sign(hmac);
  }
}
