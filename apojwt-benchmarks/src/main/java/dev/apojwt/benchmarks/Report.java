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
 * operation) and the compile-time measurement, then prints the results as ratios in Markdown,
 * ready for README.md. {@code java -jar apojwt-benchmarks/target/benchmarks.jar [--quick]
 * [--no-jmh] [--no-compile] [--forks N]}; the table is also written to
 * {@code apojwt-benchmarks/target/benchmark-report.md} when run from the repository root.
 */
public final class Report {
  private final Map<String, RunResult> results = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  private Report() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    boolean quick = options.contains("--quick");
    int forks = options.contains("--forks") ? Integer.parseInt(options.get(options.indexOf("--forks") + 1)) : 1;
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
            .forks(forks)
            .shouldFailOnError(true);
    if (quick) {
      builder
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
  }

  private RunResult get(String benchmark, String algorithm) {
    RunResult result = results.get(algorithm == null ? benchmark : benchmark + "@" + algorithm);
    if (result == null) {
      throw new IllegalStateException("no result for " + benchmark + " " + algorithm);
    }
    return result;
  }

  private static double score(RunResult run) {
    return run.getPrimaryResult().getScore();
  }

  private static String error(RunResult run) {
    return String.format(Locale.ROOT, "%.3f ± %.3f", score(run), run.getPrimaryResult().getScoreError());
  }

  private static String allocation(RunResult run) {
    Result<?> norm = run.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", norm.getScore());
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  private void guardTable() {
    line("#### A guarded call, end to end (throughput; ratio to hand-written java-jwt)");
    line("");
    line("| path | algorithm | ops/µs | ratio | bytes/op |");
    line("|---|---|---|---|---|");
    String[][] rows = {
      {"GuardBenchmark.direct", "direct call, no auth (the floor)"},
      {"GuardBenchmark.handWrittenJavaJwt", "hand-written: java-jwt verify + permission check"},
      {"GuardBenchmark.handWrittenApojwt", "hand-written: apojwt verify + permission check"},
      {"GuardBenchmark.guardFinder", "generated guard, token from TokenFinder"},
      {"GuardBenchmark.guardBearer", "generated guard, token from @BearerToken"},
      {"GuardBenchmark.proxyGuard", "java.lang.reflect.Proxy guard, same checks"},
    };
    for (String algorithm : List.of("HS256", "RS256", "ES256")) {
      double baseline = score(get("GuardBenchmark.handWrittenJavaJwt", algorithm));
      for (String[] row : rows) {
        RunResult run = get(row[0], algorithm);
        line("| " + row[1] + " | " + algorithm + " | " + error(run) + " | " + ratio(score(run) / baseline) + " | " + allocation(run) + " |");
      }
    }
    line("");
  }

  /** The wrapper's own cost: time per call minus that of the same checks written by hand. */
  private void overheadTable() {
    line("#### Wrapper overhead over the same checks written by hand (ns per call)");
    line("");
    line("| algorithm | generated guard (finder) | generated guard (@BearerToken) | Proxy guard | Proxy / generated |");
    line("|---|---|---|---|---|");
    for (String algorithm : List.of("HS256", "RS256", "ES256")) {
      double floor = 1000 / score(get("GuardBenchmark.handWrittenApojwt", algorithm));
      double finder = 1000 / score(get("GuardBenchmark.guardFinder", algorithm)) - floor;
      double bearer = 1000 / score(get("GuardBenchmark.guardBearer", algorithm)) - floor;
      double proxy = 1000 / score(get("GuardBenchmark.proxyGuard", algorithm)) - floor;
      line(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |", algorithm, finder, bearer, proxy,
          finder > 0 ? ratio(proxy / finder) : "generated is within noise of hand-written"));
    }
    line("");
    line("Overheads are differences of two measurements of a few µs each, so on a 2-core machine they carry the noise of both; the RS256/ES256 rows are dominated by the signature check.");
    line("");
  }

  private void rejectionTable() {
    line("#### Refusing through the guard, HS256 (ratio to the accepted call)");
    line("");
    line("| path | ops/µs | ratio | bytes/op |");
    line("|---|---|---|---|");
    double accepted = score(get("RejectionBenchmark.accepted", null));
    for (String name : List.of("accepted", "badSignature", "expired", "forbidden", "hugeHeader")) {
      RunResult run = get("RejectionBenchmark." + name, null);
      line("| " + name + " | " + error(run) + " | " + ratio(score(run) / accepted) + " | " + allocation(run) + " |");
    }
    line("");
  }

  private void verifyAndCreateTable() {
    line("#### Verification alone and token creation (ratio to java-jwt)");
    line("");
    line("| operation | algorithm | apojwt ops/µs | java-jwt ops/µs | ratio | apojwt / java-jwt bytes/op |");
    line("|---|---|---|---|---|---|");
    for (String algorithm : List.of("HS256", "RS256", "ES256")) {
      RunResult ours = get("VerifyBenchmark.apojwtVerify", algorithm);
      RunResult theirs = get("VerifyBenchmark.javaJwtVerify", algorithm);
      line("| verify + permission test | " + algorithm + " | " + error(ours) + " | " + error(theirs) + " | "
          + ratio(score(ours) / score(theirs)) + " | " + allocation(ours) + " / " + allocation(theirs) + " |");
    }
    RunResult ours = get("CreateBenchmark.apojwtCreateToken", null);
    RunResult theirs = get("CreateBenchmark.javaJwtCreate", null);
    line("| createToken vs JWT.create()...sign() | HS256 | " + error(ours) + " | " + error(theirs) + " | "
        + ratio(score(ours) / score(theirs)) + " | " + allocation(ours) + " / " + allocation(theirs) + " |");
    line("");
  }

  private void compileTime(boolean quick) throws IOException, InterruptedException {
    CompileTime compileTime = new CompileTime(Path.of(System.getProperty("java.class.path")));
    line("#### Compile time: javac with the processor vs -proc:none (fresh JVM per run, median)");
    line("");
    line("| handler interfaces x 10 methods | interfaces, -proc:none | interfaces + pre-generated guards, -proc:none | interfaces, with the processor | processor's own cost | whole build vs interfaces alone | generated files | rounds |");
    line("|---|---|---|---|---|---|---|---|");
    int[][] sizes = quick ? new int[][] {{100, 1}, {1000, 1}} : new int[][] {{100, 7}, {1000, 5}};
    for (int[] size : sizes) {
      CompileTime.Result r = compileTime.measure(size[0], size[1]);
      line(String.format(Locale.ROOT, "| %,d | %.0f ms | %.0f ms | %.0f ms | %s | %s | %d | %d |", r.interfaces,
          r.withoutMillis, r.pregeneratedMillis, r.withProcessorMillis, ratio(r.processorRatio()),
          ratio(r.ratio()), r.generatedFiles, r.rounds));
      System.out.println(out);
    }
    line("");
    line("With the processor javac also compiles the guards it generates (one per interface, plus the catalog's hierarchy). All generation happens in the first round; javac then runs one round over the generated files (nothing left to do) and the final round.");
    line("");
  }

  private static String machine() {
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
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
