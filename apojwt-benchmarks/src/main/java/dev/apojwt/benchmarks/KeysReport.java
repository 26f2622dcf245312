package dev.apojwt.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link KeysBenchmark} (several kid keys against one, the verified-token cache off, missing
 * and hitting, EdDSA against ES256 and RS256) in one JMH run, and prints README's tables of it.
 * Ratios are of the CPU time of the benchmark thread ({@link CpuTimeProfiler}), which a shared
 * machine disturbs less than wall-clock time. {@code java -cp
 * apojwt-benchmarks/target/benchmarks.jar dev.apojwt.benchmarks.KeysReport} (about 6 minutes).
 */
public final class KeysReport {
  private final Map<String, RunResult> results = new HashMap<>();

  private KeysReport(Collection<RunResult> runs) {
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      String key = name.substring(name.lastIndexOf('.') + 1);
      for (String param : List.of("algorithm", "keys", "cache")) {
        String value = run.getParams().getParam(param);
        if (value != null) {
          key += "@" + value;
        }
      }
      results.put(key, run);
    }
  }

  public static void main(String[] args) throws Exception {
    Collection<RunResult> runs =
        new Runner(
                new OptionsBuilder()
                    .include(KeysBenchmark.class.getName())
                    .addProfiler(GCProfiler.class)
                    .addProfiler(CpuTimeProfiler.class)
                    .shouldFailOnError(true)
                    .build())
            .run();
    KeysReport report = new KeysReport(runs);
    System.out.println();
    System.out.println("Measured on " + Report.machine() + ".");
    System.out.println();
    report.kids();
    report.cache();
    report.algorithms();
  }

  private RunResult get(String key) {
    RunResult run = results.get(key);
    if (run == null) {
      throw new IllegalStateException("no result for " + key);
    }
    return run;
  }

  /** A table's title and header row. */
  private static void table(String title, String... columns) {
    System.out.println("#### " + title);
    System.out.println();
    row(columns);
    System.out.println("|---".repeat(columns.length) + "|");
  }

  private static void row(String... cells) {
    System.out.println("| " + String.join(" | ", cells) + " |");
  }

  private void kids() {
    table(
        "Verification with five kid keys against one key (CPU time per call)",
        "algorithm",
        "one key",
        "five kid keys",
        "five / one",
        "bytes/call, one / five");
    for (String algorithm : List.of("HS256", "ES256")) {
      RunResult one = get("kids@" + algorithm + "@one");
      RunResult five = get("kids@" + algorithm + "@five");
      row(
          algorithm,
          Report.cpuTime(one),
          Report.cpuTime(five),
          Report.cpuRatio(five, one),
          Report.allocation(one) + " / " + Report.allocation(five));
    }
    System.out.println();
  }

  private void cache() {
    table(
        "The verified-token cache: off, missing, hitting (CPU time per call)",
        "algorithm",
        "off",
        "miss",
        "hit",
        "hit: faster than off",
        "miss: time relative to off",
        "bytes/call, off / miss / hit");
    for (String algorithm : List.of("HS256", "RS256", "ES256", "EdDSA")) {
      RunResult off = get("verifiedCache@" + algorithm + "@off");
      RunResult miss = get("verifiedCache@" + algorithm + "@miss");
      RunResult hit = get("verifiedCache@" + algorithm + "@hit");
      row(
          algorithm,
          Report.cpuTime(off),
          Report.cpuTime(miss),
          Report.cpuTime(hit),
          Report.cpuRatio(off, hit),
          Report.cpuRatio(miss, off),
          Report.allocation(off)
              + " / "
              + Report.allocation(miss)
              + " / "
              + Report.allocation(hit));
    }
    System.out.println();
  }

  private void algorithms() {
    table(
        "EdDSA against ES256 and RS256, verification without the cache",
        "algorithm",
        "CPU time per call",
        "wall-clock time",
        "time relative to ES256 (CPU)");
    RunResult es256 = get("verifiedCache@ES256@off");
    for (String algorithm : List.of("EdDSA", "ES256", "RS256")) {
      RunResult run = get("verifiedCache@" + algorithm + "@off");
      row(algorithm, Report.cpuTime(run), Report.time(run), Report.cpuRatio(run, es256));
    }
    System.out.println();
  }
}
