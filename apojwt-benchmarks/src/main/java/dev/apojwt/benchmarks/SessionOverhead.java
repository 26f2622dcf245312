package dev.apojwt.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What sessions add to verifying an access token, measured so that a shared, busy machine does not
 * drown a difference of a few percent: the four configurations of {@link SessionBenchmark.Verify}
 * (sessions off, off with tokens carrying a {@code sid}, in memory, on a real {@code redis-server})
 * run in one JVM in blocks of a few milliseconds, interleaved in a rotating order, so that each
 * sees the same machine; each block's CPU time (this thread's, which waiting for a core does not
 * count) is compared with the neighbouring block of sessions off. Prints, per configuration, the
 * median over all rounds of that ratio and the CPU time per verification. JMH's {@code
 * SessionBenchmark} measures each configuration in forks of its own, seconds apart.
 *
 * <pre>{@code
 * java -cp apojwt-benchmarks/target/benchmarks.jar dev.apojwt.benchmarks.SessionOverhead [rounds]
 * }</pre>
 */
public final class SessionOverhead {
  static final String[] CONFIGURATIONS = {"off", "off-sid", "memory", "redis"};

  /** Verifications per block: about 5 ms of work at 2-3 µs each. */
  static final int BLOCK = 2_000;

  private SessionOverhead() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<SessionBenchmark.Verify> states = new ArrayList<>();
    try {
      for (String configuration : CONFIGURATIONS) {
        SessionBenchmark.Verify state = new SessionBenchmark.Verify();
        state.sessions = configuration;
        state.setUp();
        states.add(state);
      }
      long accepted = 0;
      for (int warm = 0; warm < rounds / 4; warm++) { // let the JIT settle every path first
        for (SessionBenchmark.Verify state : states) {
          accepted += block(state);
        }
      }
      double[][] ratios = new double[CONFIGURATIONS.length][rounds];
      long[] totals = new long[CONFIGURATIONS.length];
      long[] cpu = new long[CONFIGURATIONS.length];
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < CONFIGURATIONS.length; k++) {
          int c = (k + round) % CONFIGURATIONS.length; // a rotating order: none always goes first
          long start = threads.getCurrentThreadCpuTime();
          accepted += block(states.get(c));
          cpu[c] = threads.getCurrentThreadCpuTime() - start;
          totals[c] += cpu[c];
        }
        for (int c = 0; c < CONFIGURATIONS.length; c++) {
          ratios[c][round] = (double) cpu[c] / cpu[0];
        }
      }
      System.out.printf(
          "%d rounds of %d verifications per configuration, interleaved; %d accepted%n",
          rounds, BLOCK, accepted);
      System.out.printf("%-8s %14s %22s%n", "sessions", "CPU ns/verify", "vs off (median ratio)");
      for (int c = 0; c < CONFIGURATIONS.length; c++) {
        double[] sorted = ratios[c].clone();
        Arrays.sort(sorted);
        System.out.printf(
            "%-8s %14.0f %15.3f (p25 %.3f, p75 %.3f)%n",
            CONFIGURATIONS[c],
            (double) totals[c] / ((long) rounds * BLOCK),
            sorted[rounds / 2],
            sorted[rounds / 4],
            sorted[rounds * 3 / 4]);
      }
    } finally {
      for (SessionBenchmark.Verify state : states) {
        state.tearDown();
      }
    }
  }

  /** Runs one block; answers how many verified tokens held the permission (all of them). */
  private static int block(SessionBenchmark.Verify state) {
    int accepted = 0;
    for (int i = 0; i < BLOCK; i++) {
      if (state.verify()) {
        accepted++;
      }
    }
    return accepted;
  }
}
