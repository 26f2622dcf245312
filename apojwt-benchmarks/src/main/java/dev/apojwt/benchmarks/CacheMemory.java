package dev.apojwt.benchmarks;

import dev.apojwt.ApoJwt;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * The heap a verified-token cache holds per token: the heap in use after filling the cache of an
 * ApoJwt with {@code N} distinct tokens (the tokens included: the cache keeps them as its keys),
 * less the heap in use before, divided by {@code N}, each after a full collection. Tokens as the
 * other benchmarks make them (one permission, two data members). Run: {@code java -cp
 * benchmarks.jar dev.apojwt.benchmarks.CacheMemory}.
 */
public final class CacheMemory {
  private CacheMemory() {}

  public static void main(String[] args) {
    measure("HS256", 100_000);
    measure("ES256", 10_000);
  }

  private static void measure(String algorithm, int n) {
    ApoJwt jwt =
        Fixtures.apoJwt(algorithm, algorithm.equals("HS256") ? null : Fixtures.keyPair(algorithm))
            .verifiedCache(n)
            .build();
    jwt.verify(Fixtures.token(jwt, List.of(Fixtures.PERMISSION), -1)); // loads what verify needs
    long before = usedAfterGc();
    long characters = 0;
    for (int i = 0; i < n; i++) {
      String token = Fixtures.token(jwt, List.of(Fixtures.PERMISSION), i);
      characters += token.length();
      jwt.verify(token);
    }
    long after = usedAfterGc();
    System.out.printf(
        "%s: %,d tokens of %,d characters on average: %,d bytes of heap per cached token%n",
        algorithm, n, characters / n, (after - before) / n);
    // Keeps the ApoJwt, and so its cache, reachable until after the measurement.
    System.out.println(jwt.toString().isEmpty() ? "" : "(" + jwt + ")");
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
