package dev.apojwt.benchmarks;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
 * HS256 through the generated guard: the accepted path beside the common refusals (bad signature,
 * expired, missing permission) and a hostile 7 KB unsigned header, each with its own pool of
 * distinct tokens. Refusing must cost no more than accepting, or failures become the cheap way to
 * load a service.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RejectionBenchmark {
  private Orders guard;
  private Orders.Request[] accepted;
  private Orders.Request[] badSignature;
  private Orders.Request[] expired;
  private Orders.Request[] forbidden;
  private Orders.Request[] hugeHeader;
  private int next;

  @Setup
  public void setUp() {
    ApoJwt jwt =
        Fixtures.apoJwt("HS256", null)
            .tokenFinder(call -> call.argument(Orders.Request.class).authorization)
            .build();
    guard = new GuardedOrders(new Orders.Service(), jwt);
    accepted = requests(Fixtures.tokens(jwt, List.of(Fixtures.PERMISSION)));
    forbidden = requests(Fixtures.tokens(jwt, List.of("orders:write")));
    String[] tampered = Fixtures.tokens(jwt, List.of(Fixtures.PERMISSION));
    for (int i = 0; i < tampered.length; i++) {
      String t = tampered[i];
      char last = t.charAt(t.length() - 2);
      tampered[i] =
          t.substring(0, t.length() - 2) + (last == 'A' ? 'B' : 'A') + t.charAt(t.length() - 1);
    }
    badSignature = requests(tampered);
    // Made an hour and a half ago with a one-hour lifetime.
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(90)), ZoneOffset.UTC);
    expired =
        requests(
            Fixtures.tokens(
                Fixtures.apoJwt("HS256", null).clock(past).build(), List.of(Fixtures.PERMISSION)));
    // An unsigned header of 600 members (7 KB, within the token length cap): refused unparsed.
    StringBuilder header = new StringBuilder("{\"alg\":\"HS256\"");
    for (int i = 0; i < 600; i++) {
      header.append(",\"k").append(i).append("\":0");
    }
    String encoded =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                header.append('}').toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String[] hostile = Fixtures.tokens(jwt, List.of(Fixtures.PERMISSION));
    for (int i = 0; i < hostile.length; i++) {
      hostile[i] = encoded + hostile[i].substring(hostile[i].indexOf('.'));
    }
    hugeHeader = requests(hostile);
  }

  private static Orders.Request[] requests(String[] tokens) {
    Orders.Request[] requests = new Orders.Request[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      requests[i] = new Orders.Request("Bearer " + tokens[i]);
    }
    return requests;
  }

  private Orders.Request pick(Orders.Request[] pool) {
    Orders.Request request = pool[next];
    next = (next + 1) & (Fixtures.POOL - 1);
    return request;
  }

  private Object call(Orders.Request request) {
    try {
      return guard.get(request, "ord-1");
    } catch (ApoJwtException e) {
      return e.reason();
    }
  }

  @Benchmark
  public Object accepted() {
    return call(pick(accepted));
  }

  @Benchmark
  public Object badSignature() {
    return call(pick(badSignature));
  }

  @Benchmark
  public Object expired() {
    return call(pick(expired));
  }

  @Benchmark
  public Object forbidden() {
    return call(pick(forbidden));
  }

  @Benchmark
  public Object hugeHeader() {
    return call(pick(hugeHeader));
  }
}
