package dev.apojwt.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the processor costs javac: N generated handler interfaces of 10 methods each (every kind of
 * rule, injections, a catalog with an {@code @Implies} hierarchy), compiled in fresh JVMs with the
 * processor and with {@code -proc:none}, alternately, several times; the ratio of the medians. The
 * processor run also compiles the N guards it generates.
 */
final class CompileTime {
  /** One measured size. */
  static final class Result {
    final int interfaces;

    /** javac with the processor: the interfaces in, the interfaces and their guards out. */
    final double withProcessorMillis;

    /** javac -proc:none on the interfaces alone. */
    final double withoutMillis;

    /** javac -proc:none on the interfaces plus the guards the processor wrote: the same output. */
    final double pregeneratedMillis;

    /**
     * javac with {@link ReplayProcessor} writing those guards: javac's own cost of generated
     * sources.
     */
    final double replayMillis;

    final int rounds;
    final int generatedFiles;

    Result(
        int interfaces,
        double with,
        double without,
        double pregenerated,
        double replay,
        int rounds,
        int generatedFiles) {
      this.interfaces = interfaces;
      this.withProcessorMillis = with;
      this.withoutMillis = without;
      this.pregeneratedMillis = pregenerated;
      this.replayMillis = replay;
      this.rounds = rounds;
      this.generatedFiles = generatedFiles;
    }

    /** What adding apojwt costs the build: guards generated and compiled. */
    double ratio() {
      return withProcessorMillis / withoutMillis;
    }

    /** apojwt's own work: its run against a processor that only writes the same files. */
    double processorRatio() {
      return withProcessorMillis / replayMillis;
    }

    /** javac's cost of any generated source: a further round, against compiling it as input. */
    double roundRatio() {
      return replayMillis / pregeneratedMillis;
    }
  }

  private static final String[] PERMISSIONS = {
    "orders:read", "orders:write", "orders:admin", "billing:read", "billing:write", "support"
  };

  private final Path classPath;
  private final Path javac;

  CompileTime(Path classPath) {
    this.classPath = classPath;
    this.javac = Path.of(System.getProperty("java.home"), "bin", "javac");
  }

  Result measure(int interfaces, int repetitions) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("apojwt-compile-time");
    try {
      List<Path> sources = generate(work.resolve("src"), interfaces);
      Path argFile = work.resolve("sources.txt");
      Files.write(argFile, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
      // An untimed run of each warms the file system cache; the processor's run also leaves the
      // generated guards, which the third variant compiles as ordinary sources.
      run(work, argFile, false, false);
      run(work, argFile, true, false);
      Path pregenerated = work.resolve("pregenerated");
      copy(work.resolve("generated"), pregenerated);
      List<String> all = new ArrayList<>(Files.readAllLines(argFile));
      try (Stream<Path> files = Files.walk(pregenerated)) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(p -> all.add(p.toString()));
      }
      Path allFile = work.resolve("all-sources.txt");
      Files.write(allFile, all, StandardCharsets.UTF_8);
      run(work, allFile, false, false);
      run(work, argFile, pregenerated);
      List<Double> with = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      List<Double> same = new ArrayList<>();
      List<Double> replay = new ArrayList<>();
      for (int i = 0; i < repetitions; i++) {
        with.add(run(work, argFile, true, false));
        without.add(run(work, argFile, false, false));
        same.add(run(work, allFile, false, false));
        replay.add(run(work, argFile, pregenerated));
      }
      int rounds = countRounds(work, argFile);
      int generated = all.size() - sources.size();
      return new Result(
          interfaces,
          median(with),
          median(without),
          median(same),
          median(replay),
          rounds,
          generated);
    } finally {
      delete(work);
    }
  }

  /** Wall-clock milliseconds of javac with {@link ReplayProcessor} writing {@code guards}. */
  private double run(Path work, Path argFile, Path guards)
      throws IOException, InterruptedException {
    return run(
        work,
        argFile,
        List.of(
            "-processorpath",
            classPath.toString(),
            "-processor",
            ReplayProcessor.class.getName(),
            "-Areplay.dir=" + guards));
  }

  /** Wall-clock milliseconds of one javac process. */
  private double run(Path work, Path argFile, boolean processor, boolean printRounds)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>();
    if (processor) {
      options.addAll(
          List.of(
              "-processorpath",
              classPath.toString(),
              "-processor",
              "dev.apojwt.processor.ApoJwtProcessor"));
    } else {
      options.add("-proc:none");
    }
    if (printRounds) {
      options.add("-XprintRounds");
    }
    return run(work, argFile, options);
  }

  private double run(Path work, Path argFile, List<String> options)
      throws IOException, InterruptedException {
    Path out = work.resolve("out");
    Path generated = work.resolve("generated");
    delete(out);
    delete(generated);
    Files.createDirectories(out);
    Files.createDirectories(generated);
    List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "17", "-nowarn"));
    command.addAll(
        List.of("-d", out.toString(), "-s", generated.toString(), "-cp", classPath.toString()));
    command.addAll(options);
    command.add("@" + argFile);
    Path log = work.resolve("javac.log");
    long start = System.nanoTime();
    Process javacProcess =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!javacProcess.waitFor(30, TimeUnit.MINUTES) || javacProcess.exitValue() != 0) {
      throw new IllegalStateException("javac failed:\n" + Files.readString(log));
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /** How many processing rounds javac ran (generation happens in the first). */
  private int countRounds(Path work, Path argFile) throws IOException, InterruptedException {
    run(work, argFile, true, true);
    try (Stream<String> lines = Files.lines(work.resolve("javac.log"))) {
      return (int) lines.filter(l -> l.startsWith("Round ")).count();
    }
  }

  private static List<Path> generate(Path root, int interfaces) throws IOException {
    Path dir = root.resolve("gen");
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    StringBuilder catalog =
        new StringBuilder(
            "package gen;\n\nimport dev.apojwt.annotation.*;\n\n@PermissionCatalog\npublic interface Perms {\n");
    catalog.append("  String ORDERS_READ = \"orders:read\";\n");
    catalog.append("  @Implies(ORDERS_READ) String ORDERS_WRITE = \"orders:write\";\n");
    catalog.append("  @Implies(ORDERS_WRITE) String ORDERS_ADMIN = \"orders:admin\";\n");
    catalog.append("  String BILLING_READ = \"billing:read\";\n");
    catalog.append("  @Implies(BILLING_READ) String BILLING_WRITE = \"billing:write\";\n");
    catalog.append("  @Implies({ORDERS_READ, BILLING_READ}) String SUPPORT = \"support\";\n}\n");
    files.add(write(dir.resolve("Perms.java"), catalog.toString()));
    for (int n = 0; n < interfaces; n++) {
      String name = "Handler" + n;
      StringBuilder s = new StringBuilder();
      s.append(
          "package gen;\n\nimport dev.apojwt.VerifiedToken;\nimport dev.apojwt.annotation.*;\n");
      s.append(
          "import java.util.List;\nimport java.util.Map;\nimport java.util.concurrent.CompletionStage;\n\n");
      s.append("@TokenRequired\npublic interface ").append(name).append(" {\n");
      s.append("  @Public String health();\n");
      s.append("  String mine(Object request, @TokenSubject String user);\n");
      s.append(
          "  Map<String, Object> me(Object request, @TokenData Map<String, Object> data, VerifiedToken token);\n");
      s.append("  @PermissionRequired(\"")
          .append(PERMISSIONS[n % 3])
          .append("\") String get(Object request, String id);\n");
      s.append(
          "  @PermissionRequired({\"orders:read\", \"billing:read\"}) List<String> report(Object request, int page);\n");
      s.append(
          "  @PermissionRequired(anyOf = {\"orders:admin\", \"support\"}) List<String> all(Object request);\n");
      s.append(
          "  @PermissionRequired(\"orders:write\") CompletionStage<String> create(Object request, String item, int quantity) throws java.io.IOException;\n");
      s.append("  @PermissionRequired(\"")
          .append(PERMISSIONS[3 + n % 3])
          .append("\") String bill(@BearerToken String authorization, long amount);\n");
      s.append("  <T extends Comparable<T>> List<T> sorted(Object request, List<T> items);\n");
      s.append("  @Refresh String renew(Object request, @RefreshData Map<String, Object> data);\n");
      s.append("}\n");
      files.add(write(dir.resolve(name + ".java"), s.toString()));
    }
    return files;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
