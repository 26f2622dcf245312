package dev.apojwt.processor;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * {@code META-INF/services/dev.apojwt.GuardFactory}: every guard factory of the class output, one
 * line each ({@code com.example.GuardedOrders$Factory # com.example.Orders}; ServiceLoader ignores
 * what follows {@code #}, and the handler it names lets a later compilation judge the line).
 *
 * <p>Handlers are named by binary name ({@code com.example.store.Store$Repo}), as class files are.
 * Written once, at the end of the compilation. An incremental build recompiles only some sources,
 * so the file already in the class output is read and merged, as AutoService does, but a line also
 * goes when it no longer holds: its handler was processed in this compilation and got no factory
 * (it failed validation), its handler is gone or no longer carries an access rule, or its factory
 * class is gone. Lines that apojwt did not write (no handler named) are kept as they are. A file
 * that exists but cannot be read is left alone (an error): rewriting it from this compilation alone
 * would drop the factories of the handlers not recompiled, and a framework would then leave those
 * handlers unguarded.
 */
final class ServicesFile {
  static final String PATH = "META-INF/services/dev.apojwt.GuardFactory";

  /** One line: a factory's binary name, and the handler it guards (null: not apojwt's line). */
  private record Line(String factory, String handler) {
    static Line parse(String text) {
      int hash = text.indexOf('#');
      String factory = (hash < 0 ? text : text.substring(0, hash)).strip();
      if (factory.isEmpty()) {
        return null;
      }
      String handler = hash < 0 ? "" : text.substring(hash + 1).strip();
      return new Line(factory, handler.isEmpty() ? null : handler);
    }

    @Override
    public String toString() {
      return handler == null ? factory : factory + " # " + handler;
    }
  }

  /** This compilation's factories, by binary name. */
  private final Map<String, Line> generated = new TreeMap<>();

  private final List<Element> originatingElements = new ArrayList<>();

  /**
   * A factory written in this compilation: {@code factory} (binary name) guards {@code handler}.
   */
  void add(String factory, TypeElement handler, Elements elements) {
    generated.put(factory, new Line(factory, elements.getBinaryName(handler).toString()));
    originatingElements.add(handler);
  }

  /**
   * Merges this compilation's factories into the file in the class output and writes it, unless
   * nothing changed.
   *
   * @param processed whether a handler (canonical name) was processed in this compilation
   */
  void write(Filer filer, Elements elements, Reporter reporter, Predicate<String> processed) {
    Map<String, Line> existing;
    try {
      existing = read(filer);
    } catch (IOException | IllegalArgumentException e) {
      // javac's file manager throws IllegalArgumentException for, e.g., a directory at PATH.
      reporter.compilation().report(Message.SERVICES_READ_FAILED, PATH, reason(e));
      return;
    }
    Map<String, Line> merged = new TreeMap<>(generated);
    for (Line line : existing.values()) {
      if (!merged.containsKey(line.factory()) && stillHolds(line, filer, elements, processed)) {
        merged.put(line.factory(), line);
      }
    }
    if (List.copyOf(merged.values()).equals(List.copyOf(existing.values()))) {
      return; // as it was: an unchanged file is not touched
    }
    try {
      FileObject file =
          filer.createResource(
              StandardLocation.CLASS_OUTPUT, "", PATH, originatingElements.toArray(new Element[0]));
      try (Writer writer = file.openWriter()) {
        for (Line line : merged.values()) {
          writer.write(line + "\n");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      reporter.compilation().report(Message.SERVICES_WRITE_FAILED, PATH, reason(e));
    }
  }

  /** What went wrong, for the message: the exception's own text, else its type. */
  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The lines of the file in the class output, by factory; empty when there is none. */
  private static Map<String, Line> read(Filer filer) throws IOException {
    String text;
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (InputStream in = file.openInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException | NoSuchFileException absent) {
      return Map.of();
    }
    Map<String, Line> lines = new LinkedHashMap<>();
    for (String raw : text.split("\n", -1)) {
      Line line = Line.parse(raw);
      if (line != null) {
        lines.putIfAbsent(line.factory(), line);
      }
    }
    return lines;
  }

  /**
   * Whether a line from an earlier compilation, not rewritten by this one, still holds. A handler
   * that javac cannot see (the class output need not be on the class path of an incremental
   * compilation) was not recompiled, so it is what it was: its line holds while the class files of
   * the handler and its factory are in the class output.
   */
  private static boolean stillHolds(
      Line line, Filer filer, Elements elements, Predicate<String> processed) {
    if (line.handler() == null) {
      return true; // not apojwt's: kept as it is
    }
    String handlerName = line.handler().replace('$', '.');
    if (processed.test(handlerName)) {
      return false; // processed now, yet no factory: it failed validation
    }
    TypeElement handler = elements.getTypeElement(handlerName);
    if (handler == null) {
      return classFileExists(filer, line.handler()) && classFileExists(filer, line.factory());
    }
    if (!ElementSupport.isInterface(handler) || !carriesRule(handler)) {
      return false;
    }
    return elements.getTypeElement(line.factory().replace('$', '.')) != null
        || classFileExists(filer, line.factory());
  }

  /**
   * Whether {@code handler} is (still) a handler interface: it, or a method it declares, carries an
   * access rule.
   */
  private static boolean carriesRule(TypeElement handler) {
    if (!ApoAnnotation.rules(handler).isEmpty()) {
      return true;
    }
    for (Element member : handler.getEnclosedElements()) {
      if (member instanceof ExecutableElement && !ApoAnnotation.rules(member).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class output holds the class file of the type with this binary name. */
  private static boolean classFileExists(Filer filer, String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
    String file = binaryName.substring(dot + 1) + ".class";
    try (InputStream in =
        filer.getResource(StandardLocation.CLASS_OUTPUT, pkg, file).openInputStream()) {
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
