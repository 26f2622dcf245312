package dev.apojwt.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark side by side in one JMH run (with the GC profiler for allocation per
 * operation) and the compile-time measurement, then prints the results as ratios in Markdown, ready
 * for README.md. {@code java -jar apojwt-benchmarks/target/benchmarks.jar [--quick] [--no-jmh]
 * [--no-compile] [--forks N]}; the table is also written to {@code
 * apojwt-benchmarks/target/benchmark-report.md} when run from the repository root.
 */
public final class Report {
  private final Map<String, RunResult> results = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  private Report() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    boolean quick = options.contains("--quick");
    int forks =
        options.contains("--forks")
            ? Integer.parseInt(options.get(options.indexOf("--forks") + 1))
            : -1;
    Report report = new Report();
    report.line("Measured on " + machine() + ".");
    report.line("");
    if (!options.contains("--no-jmh")) {
      report.runJmh(quick, forks);
    }
    if (!options.contains("--no-compile")) {
      report.compileTime(quick);
    }
    System.out.println();
    System.out.println(report.out);
    Path file = Path.of("apojwt-benchmarks", "target", "benchmark-report.md");
    if (Files.isDirectory(file.getParent())) {
      Files.writeString(file, report.out);
      System.out.println("Written to " + file);
    }
  }

  private void runJmh(boolean quick, int forks) throws Exception {
    ChainedOptionsBuilder builder =
        new OptionsBuilder()
            .include(VerifyBenchmark.class.getName())
            .include(GuardBenchmark.class.getName())
            .include(RejectionBenchmark.class.getName())
            .include(CreateBenchmark.class.getName())
            .addProfiler(GCProfiler.class)
            .addProfiler(CpuTimeProfiler.class)
            .shouldFailOnError(true);
    if (forks > 0) {
      builder.forks(forks);
    }
    if (quick) {
      builder
          .forks(1)
          .warmupIterations(1)
          .warmupTime(TimeValue.milliseconds(500))
          .measurementIterations(2)
          .measurementTime(TimeValue.milliseconds(500));
    }
    Collection<RunResult> runs = new Runner(builder.build()).run();
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String algorithm = run.getParams().getParam("algorithm");
      results.put(algorithm == null ? simple : simple + "@" + algorithm, run);
    }
    guardTable();
    overheadTable();
    rejectionTable();
    verifyAndCreateTable();
    targetsTable();
  }

  private RunResult get(String benchmark, String algorithm) {
    RunResult result = results.get(algorithm == null ? benchmark : benchmark + "@" + algorithm);
    if (result == null) {
      throw new IllegalStateException("no result for " + benchmark + " " + algorithm);
    }
    return result;
  }

  /** Nanoseconds per operation (the benchmarks run in average-time mode). */
  private static double nanos(RunResult run) {
    return run.getPrimaryResult().getScore();
  }

  static String time(RunResult run) {
    double ns = nanos(run);
    double error = run.getPrimaryResult().getScoreError();
    if (ns >= 10_000) {
      return String.format(Locale.ROOT, "%.1f ± %.1f µs", ns / 1000, error / 1000);
    }
    return String.format(Locale.ROOT, "%,.0f ± %,.0f ns", ns, error);
  }

  /** How many times faster {@code run} is than {@code baseline}. */
  private static String speed(RunResult baseline, RunResult run) {
    return ratio(nanos(baseline) / nanos(run));
  }

  static String allocation(RunResult run) {
    Result<?> norm = run.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", norm.getScore());
  }

  /**
   * {@code run}'s time over {@code baseline}'s, with the error of the two scores carried over
   * (their relative errors added in quadrature).
   */
  static String timeRatio(RunResult run, RunResult baseline) {
    return ratioWithError(
        nanos(run),
        run.getPrimaryResult().getScoreError(),
        nanos(baseline),
        baseline.getPrimaryResult().getScoreError());
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  private void guardTable() {
    line(
        "#### A guarded call, end to end (time per call; speed relative to hand-written java-jwt)");
    line("");
    line("| path | algorithm | time per call | speed | bytes/call |");
    line("|---|---|---|---|---|");
    String[][] rows = {
      {"GuardBenchmark.direct", "direct call, no auth (the floor)"},
      {"GuardBenchmark.handWrittenJavaJwt", "hand-written: java-jwt verify + permission check"},
      {"GuardBenchmark.handWrittenApojwt", "hand-written: apojwt verify + permission check"},
      {"GuardBenchmark.guardFinder", "**generated guard, token from TokenFinder**"},
      {"GuardBenchmark.guardBearer", "**generated guard, token from @BearerToken**"},
      {"GuardBenchmark.proxyGuard", "java.lang.reflect.Proxy guard, same checks"},
    };
    for (String algorithm : List.of("HS256", "RS256", "ES256")) {
      RunResult baseline = get("GuardBenchmark.handWrittenJavaJwt", algorithm);
      for (String[] row : rows) {
        RunResult run = get(row[0], algorithm);
        String speed = row[0].endsWith(".direct") ? "–" : speed(baseline, run);
        line(
            "| "
                + row[1]
                + " | "
                + algorithm
                + " | "
                + time(run)
                + " | "
                + speed
                + " | "
                + allocation(run)
                + " |");
      }
    }
    line("");
  }

  /** The wrapper's own cost: time per call minus that of the same checks written by hand. */
  private void overheadTable() {
    line("#### Wrapper overhead, HS256: time per call minus the same checks written by hand");
    line("");
    line(
        "| wrapper | overhead per call | time relative to the same checks by hand (apojwt verify) | relative to the generated guard (finder) |");
    line("|---|---|---|---|");
    RunResult byHand = get("GuardBenchmark.handWrittenApojwt", "HS256");
    RunResult finder = get("GuardBenchmark.guardFinder", "HS256");
    double finderOverhead = nanos(finder) - nanos(byHand);
    overheadRow("generated guard, TokenFinder", finder, byHand, finderOverhead);
    overheadRow(
        "generated guard, @BearerToken",
        get("GuardBenchmark.guardBearer", "HS256"),
        byHand,
        finderOverhead);
    overheadRow("Proxy guard", get("GuardBenchmark.proxyGuard", "HS256"), byHand, finderOverhead);
    line("");
    line(
        "Each overhead is the difference of two measurements of a few µs, so it carries the noise of both (see their ± above); a negative value means the wrapper is within that noise of the hand-written checks. With RS256 and ES256 the signature check dominates every path.");
    line("");
  }

  private void overheadRow(String wrapper, RunResult run, RunResult byHand, double finderOverhead) {
    double overhead = nanos(run) - nanos(byHand);
    line(
        String.format(
            Locale.ROOT,
            "| %s | %.0f ns | %s | %s |",
            wrapper,
            overhead,
            timeRatio(run, byHand),
            finderOverhead > 0 ? ratio(overhead / finderOverhead) : "n/a"));
  }

  private void rejectionTable() {
    line("#### Refusing through the guard, HS256 (speed relative to the accepted call)");
    line("");
    line("| path | time per call | speed | bytes/call |");
    line("|---|---|---|---|");
    RunResult accepted = get("RejectionBenchmark.accepted", null);
    for (String name : List.of("accepted", "badSignature", "expired", "forbidden", "hugeHeader")) {
      RunResult run = get("RejectionBenchmark." + name, null);
      line(
          "| "
              + name
              + " | "
              + time(run)
              + " | "
              + speed(accepted, run)
              + " | "
              + allocation(run)
              + " |");
    }
    line("");
  }

  private void verifyAndCreateTable() {
    line(
        "#### Verification alone and token creation (against the hand-written floor, and java-jwt)");
    line("");
    line(
        "| operation | algorithm | apojwt | hand-written floor | java-jwt | apojwt / floor (time) | speed vs java-jwt | bytes/call: apojwt / floor / java-jwt |");
    line("|---|---|---|---|---|---|---|---|");
    for (String algorithm : List.of("HS256", "RS256", "ES256")) {
      operationRow(
          "verify + permission test",
          algorithm,
          get("VerifyBenchmark.apojwtVerify", algorithm),
          get("VerifyBenchmark.handWrittenVerify", algorithm),
          get("VerifyBenchmark.javaJwtVerify", algorithm));
    }
    operationRow(
        "createToken",
        "HS256",
        get("CreateBenchmark.apojwtCreateToken", null),
        get("CreateBenchmark.handWrittenSign", null),
        get("CreateBenchmark.javaJwtCreate", null));
    line("");
  }

  private void operationRow(
      String operation, String algorithm, RunResult ours, RunResult floor, RunResult theirs) {
    line(
        "| "
            + operation
            + " | "
            + algorithm
            + " | "
            + time(ours)
            + " | "
            + time(floor)
            + " | "
            + time(theirs)
            + " | "
            + timeRatio(ours, floor)
            + " | "
            + speed(theirs, ours)
            + " | "
            + allocation(ours)
            + " / "
            + allocation(floor)
            + " / "
            + allocation(theirs)
            + " |");
  }

  /**
   * The HS256 targets against the hand-written floors, in wall-clock time and in the CPU time of
   * the benchmark thread ({@link CpuTimeProfiler}), which other work on the machine disturbs less.
   */
  private void targetsTable() {
    line("#### The HS256 targets: apojwt against the same work written by hand");
    line("");
    line(
        "| apojwt / baseline | wall-clock time per call | ratio | CPU time per call | ratio | bytes/call |");
    line("|---|---|---|---|---|---|");
    targetRow(
        "createToken / hand-written signer (reused Mac)",
        get("CreateBenchmark.apojwtCreateToken", null),
        get("CreateBenchmark.handWrittenSign", null));
    targetRow(
        "verify / hand-written verifier (reused Mac)",
        get("VerifyBenchmark.apojwtVerify", "HS256"),
        get("VerifyBenchmark.handWrittenVerify", "HS256"));
    targetRow(
        "generated guard, TokenFinder / the same checks by hand (apojwt verify)",
        get("GuardBenchmark.guardFinder", "HS256"),
        get("GuardBenchmark.handWrittenApojwt", "HS256"));
    targetRow(
        "generated guard, @BearerToken / the same checks by hand (apojwt verify)",
        get("GuardBenchmark.guardBearer", "HS256"),
        get("GuardBenchmark.handWrittenApojwt", "HS256"));
    line("");
  }

  private void targetRow(String pair, RunResult ours, RunResult baseline) {
    line(
        "| "
            + pair
            + " | "
            + time(ours)
            + " / "
            + time(baseline)
            + " | "
            + timeRatio(ours, baseline)
            + " | "
            + cpuTime(ours)
            + " / "
            + cpuTime(baseline)
            + " | "
            + cpuRatio(ours, baseline)
            + " | "
            + allocation(ours)
            + " / "
            + allocation(baseline)
            + " |");
  }

  static String cpuTime(RunResult run) {
    Result<?> cpu = run.getSecondaryResults().get("cpu.time.norm");
    return cpu == null
        ? "n/a"
        : String.format(Locale.ROOT, "%,.0f ± %,.0f ns", cpu.getScore(), cpu.getScoreError());
  }

  static String cpuRatio(RunResult run, RunResult baseline) {
    Result<?> a = run.getSecondaryResults().get("cpu.time.norm");
    Result<?> b = baseline.getSecondaryResults().get("cpu.time.norm");
    if (a == null || b == null) {
      return "n/a";
    }
    return ratioWithError(a.getScore(), a.getScoreError(), b.getScore(), b.getScoreError());
  }

  /** {@code a / b}, with the relative errors of the two added in quadrature. */
  private static String ratioWithError(double a, double errorA, double b, double errorB) {
    double value = a / b;
    double ea = errorA / a;
    double eb = errorB / b;
    double error = value * Math.sqrt(ea * ea + eb * eb);
    return Double.isFinite(error)
        ? String.format(Locale.ROOT, "%.2fx ± %.2f", value, error)
        : ratio(value);
  }

  private void compileTime(boolean quick) throws IOException, InterruptedException {
    CompileTime compileTime = new CompileTime(Path.of(System.getProperty("java.class.path")));
    line("#### Compile time: javac with the processor vs -proc:none (fresh JVM per run, median)");
    line("");
    line(
        "| handler interfaces x 10 methods | interfaces, -proc:none | interfaces + the guards as sources, -proc:none | a do-nothing processor writing the guards | apojwt's processor | apojwt's own cost (vs do-nothing) | javac's cost of a generating round | whole build vs interfaces alone | rounds |");
    line("|---|---|---|---|---|---|---|---|---|");
    int[][] sizes = quick ? new int[][] {{100, 1}, {1000, 1}} : new int[][] {{100, 7}, {1000, 7}};
    for (int[] size : sizes) {
      CompileTime.Result r = compileTime.measure(size[0], size[1]);
      line(
          String.format(
              Locale.ROOT,
              "| %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s | %s | %s | %d |",
              r.interfaces,
              r.withoutMillis,
              r.pregeneratedMillis,
              r.replayMillis,
              r.withProcessorMillis,
              ratio(r.processorRatio()),
              ratio(r.roundRatio()),
              ratio(r.ratio()),
              r.rounds));
      System.out.println(out);
    }
    line("");
    line(
        "Reading the columns: javac must compile the guards apojwt generates (one per interface, plus the catalog's hierarchy), which costs what compiling them as ordinary sources costs; and any processor that generates sources makes javac run a further round over them (javac enters every source again), which the do-nothing processor pays too. apojwt's own cost is its run against that do-nothing run. All generation happens in the first round; the second round has nothing left to do, the third is javac's final round.");
    line("");
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: keep "unknown CPU"
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB max heap, "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
