package dev.apojwt.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.apojwt.ApoJwt;
import dev.apojwt.VerifiedToken;
import java.security.KeyPair;
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
 * A guarded handler call, end to end: from the request's Authorization header to the
 * implementation's return value, each way side by side in one run.
 *
 * <ul>
 *   <li>{@code direct}: the implementation without any check (the floor for any wrapper);
 *   <li>{@code handWrittenJavaJwt}: java-jwt's JWTVerifier (same checks: algorithm, signature,
 *       exp/nbf/iat, issuer, audience), an inline permission test, the call;
 *   <li>{@code handWrittenApojwt}: apojwt's verify, an inline permission test, the call (the floor
 *       for the generated guard: the difference is the guard's own overhead);
 *   <li>{@code guardFinder} / {@code guardBearer}: the generated guard, token from the TokenFinder
 *       or from a {@code @BearerToken} parameter;
 *   <li>{@code proxyGuard}: a java.lang.reflect.Proxy doing the same checks (reflection-based).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class GuardBenchmark {
  @Param({"HS256", "RS256", "ES256"})
  public String algorithm;

  private Orders direct;
  private Orders guard;
  private ProxyGuard.ReflectiveOrders proxy;
  private ApoJwt apoJwt;
  private JWTVerifier javaJwt;
  private String[] headers;
  private Orders.Request[] requests;
  private int next;

  @Setup
  public void setUp() {
    KeyPair keys = algorithm.equals("HS256") ? null : Fixtures.keyPair(algorithm);
    apoJwt =
        Fixtures.apoJwt(algorithm, keys)
            .tokenFinder(call -> call.argument(Orders.Request.class).authorization)
            .build();
    javaJwt =
        JWT.require(VerifyBenchmark.javaJwtAlgorithm(algorithm, keys))
            .withIssuer(Fixtures.ISSUER)
            .withAudience(Fixtures.AUDIENCE)
            .build();
    direct = new Orders.Service();
    guard = new GuardedOrders(direct, apoJwt);
    proxy = ProxyGuard.guard(new ProxyGuard.Service(), apoJwt);
    String[] tokens = Fixtures.tokens(apoJwt, List.of(Fixtures.PERMISSION, "orders:write"));
    headers = new String[tokens.length];
    requests = new Orders.Request[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      headers[i] = "Bearer " + tokens[i];
      requests[i] = new Orders.Request(headers[i]);
    }
  }

  private int nextIndex() {
    int i = next;
    next = (next + 1) & (Fixtures.POOL - 1);
    return i;
  }

  /** What a hand-written check does with the header: drop the scheme. */
  static String stripBearer(String header) {
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : header;
  }

  @Benchmark
  public String direct() {
    return direct.get(requests[nextIndex()], "ord-1");
  }

  @Benchmark
  public String handWrittenJavaJwt() {
    Orders.Request request = requests[nextIndex()];
    DecodedJWT token = javaJwt.verify(stripBearer(request.authorization));
    List<String> permissions = token.getClaim("perms").asList(String.class);
    if (permissions == null || !permissions.contains(Fixtures.PERMISSION)) {
      throw new IllegalStateException("forbidden");
    }
    return direct.get(request, "ord-1");
  }

  @Benchmark
  public String handWrittenApojwt() {
    Orders.Request request = requests[nextIndex()];
    VerifiedToken token = apoJwt.verify(stripBearer(request.authorization));
    if (!token.hasPermission(Fixtures.PERMISSION)) {
      throw new IllegalStateException("forbidden");
    }
    return direct.get(request, "ord-1");
  }

  @Benchmark
  public String guardFinder() {
    return guard.get(requests[nextIndex()], "ord-1");
  }

  @Benchmark
  public String guardBearer() {
    return guard.byHeader(headers[nextIndex()], "ord-1");
  }

  @Benchmark
  public String proxyGuard() {
    return proxy.get(requests[nextIndex()], "ord-1");
  }
}
