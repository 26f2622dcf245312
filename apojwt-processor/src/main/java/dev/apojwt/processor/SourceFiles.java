package dev.apojwt.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * The write stage: renders each generated file and writes it through the {@link Filer}.
 *
 * <p>Building a file's JavaPoet spec and rendering its text is most of the processor's own work,
 * and asks javac nothing (the model holds JavaPoet's names), so on a machine with more than one
 * core it runs on a worker thread while javac's thread validates the next interfaces. Files are
 * created on javac's thread, in the order they were added, so the output does not depend on the
 * timing; every file of a round is written before the round ends. A file that fails to render is a
 * crash report on its element.
 */
final class SourceFiles implements AutoCloseable {
  /** One file to write: where it comes from, and how to make it. */
  private record Pending(
      Element origin, String what, CompletableFuture<Rendered> rendered, Runnable written) {}

  /** A rendered file. */
  private record Rendered(String name, String source, Element[] originatingElements) {}

  private final Filer filer;
  private final Reporter reporter;

  /** Null on a single core: files are rendered where they are added. */
  private final ExecutorService worker;

  private final Deque<Pending> pending = new ArrayDeque<>();

  SourceFiles(Filer filer, Reporter reporter, boolean parallel) {
    this.filer = filer;
    this.reporter = reporter;
    if (parallel) {
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              1,
              1,
              1,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              task -> {
                Thread thread = new Thread(task, "apojwt-processor-render");
                thread.setDaemon(true); // never keeps a build's JVM alive
                return thread;
              });
      executor.allowCoreThreadTimeOut(true);
      this.worker = executor;
    } else {
      this.worker = null;
    }
  }

  /** Whether a worker thread can render beside javac's here. */
  static boolean parallelByDefault() {
    return Runtime.getRuntime().availableProcessors() > 1;
  }

  /**
   * Renders {@code file} (in the background where possible) for writing later; {@code origin} (a
   * {@code what}: "interface", "catalog") is where a failure is reported. Writes the files ahead of
   * it that are ready.
   */
  void add(Element origin, String what, Supplier<JavaFile> file) {
    add(origin, what, file, () -> {});
  }

  /** As {@link #add(Element, String, Supplier)}; {@code written} runs once the file is written. */
  void add(Element origin, String what, Supplier<JavaFile> file, Runnable written) {
    Supplier<Rendered> render =
        () -> {
          JavaFile javaFile = file.get();
          String name =
              javaFile.packageName().isEmpty()
                  ? javaFile.typeSpec().name()
                  : javaFile.packageName() + "." + javaFile.typeSpec().name();
          // Rendered to a String, then written at once: JavaPoet appends in small pieces, which
          // costs far more on the Filer's encoding writer than on a StringBuilder.
          return new Rendered(
              name,
              javaFile.toString(),
              javaFile.typeSpec().originatingElements().toArray(new Element[0]));
        };
    CompletableFuture<Rendered> rendered;
    if (worker == null) {
      rendered = new CompletableFuture<>();
      try {
        rendered.complete(render.get());
      } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
        rendered.completeExceptionally(e);
      }
    } else {
      rendered = CompletableFuture.supplyAsync(render, worker);
    }
    pending.add(new Pending(origin, what, rendered, written));
    writeReady();
  }

  /** Writes the files at the head of the queue that are rendered already; never waits. */
  void writeReady() {
    while (!pending.isEmpty() && pending.peekFirst().rendered().isDone()) {
      write(pending.removeFirst());
    }
  }

  /** Writes every file added so far, waiting for those still rendering: at the end of a round. */
  void writeAll() {
    while (!pending.isEmpty()) {
      write(pending.removeFirst());
    }
  }

  private void write(Pending file) {
    Rendered rendered;
    try {
      rendered = file.rendered().get();
    } catch (ExecutionException e) {
      reporter.scope(file.origin()).reportCrash(file.origin(), file.what(), e.getCause());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reporter.scope(file.origin()).reportCrash(file.origin(), file.what(), e);
      return;
    }
    try {
      JavaFileObject output =
          filer.createSourceFile(rendered.name(), rendered.originatingElements());
      try (Writer writer = output.openWriter()) {
        writer.write(rendered.source());
      }
    } catch (IOException e) {
      reporter
          .scope(file.origin())
          .report(file.origin(), Message.WRITE_FAILED, rendered.name(), e.getMessage());
      return;
    }
    try {
      file.written().run();
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      // Its own crash: the files after it are still written.
      reporter.scope(file.origin()).reportCrash(file.origin(), file.what(), e);
    }
  }

  /** Writes what is left and lets the worker go. */
  @Override
  public void close() {
    try {
      writeAll();
    } finally {
      if (worker != null) {
        worker.shutdown();
      }
    }
  }
}
