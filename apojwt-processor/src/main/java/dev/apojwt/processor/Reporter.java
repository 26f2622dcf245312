package dev.apojwt.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Prints every diagnostic of the processor through the {@link Messager}: each problem once per
 * compilation (the same inherited method may be checked for several handler interfaces), and each
 * on the element that has it. An element that javac read from a class file has no source position:
 * its problem is reported on the element being processed instead (an error then says where it is; a
 * note names its subject itself).
 *
 * <p>Code reports through a {@link Diagnostics} scope, the one reporting API: a {@link Message} and
 * its arguments, on an element, its annotation, or one of the annotation's values.
 */
final class Reporter {
  /** How many frames of each throwable a crash report shows. */
  private static final int CRASH_FRAMES = 40;

  private final Messager messager;

  /** Qualified names of the top-level types of this compilation (its root elements). */
  private final Set<String> compilationTypes = new HashSet<>();

  /** Whether each top-level type asked about is in {@link #compilationTypes}. */
  private final Map<TypeElement, Boolean> inCompilation = new HashMap<>();

  private final Set<Key> reported = new HashSet<>();

  /** Where and what was reported; {@code where} is an element, or a tree for errors in bodies. */
  private record Key(
      Diagnostic.Kind kind,
      Object where,
      AnnotationMirror mirror,
      AnnotationValue value,
      String text) {}

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void addRootElements(Set<? extends Element> roots) {
    for (Element root : roots) {
      TypeElement top = ElementSupport.outermostType(root);
      if (top != null && compilationTypes.add(top.getQualifiedName().toString())) {
        inCompilation.clear();
      }
    }
  }

  /** Whether {@code element} belongs to a type compiled (or processed) in this compilation. */
  boolean inCompilation(Element element) {
    TypeElement top = ElementSupport.outermostType(element);
    if (top == null) {
      return false;
    }
    return inCompilation.computeIfAbsent(
        top, t -> compilationTypes.contains(t.getQualifiedName().toString()));
  }

  /**
   * A scope for the diagnostics of one interface or catalog ({@code owner}, where problems on
   * elements from class files are reported); it remembers whether it had errors.
   */
  Diagnostics scope(Element owner) {
    return new Diagnostics(this, owner);
  }

  /** A scope for diagnostics of the compilation as a whole (an option, a crash of a round). */
  Diagnostics compilation() {
    return new Diagnostics(this, null);
  }

  private void print(
      Message message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      String text,
      Element fallback) {
    Diagnostic.Kind kind = message.kind();
    if (element != null && !inCompilation(element)) {
      if (kind != Diagnostic.Kind.NOTE) {
        text = "in " + Describe.element(element) + ": " + text;
      }
      element = fallback != null && inCompilation(fallback) ? fallback : null;
      mirror = null;
      value = null;
    }
    if (!reported.add(new Key(kind, element, mirror, value, text))) {
      return;
    }
    if (element == null) {
      messager.printMessage(kind, text);
    } else if (mirror == null) {
      messager.printMessage(kind, text, element);
    } else if (value == null) {
      messager.printMessage(kind, text, element, mirror);
    } else {
      messager.printMessage(kind, text, element, mirror, value);
    }
  }

  /**
   * {@code e} and its causes, each with its first frames, for a crash report: what a user pastes
   * into an issue.
   */
  static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    PrintWriter writer = new PrintWriter(out);
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      writer.print(t == e ? "" : "Caused by: ");
      writer.println(t);
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, CRASH_FRAMES); i++) {
        writer.println("\tat " + frames[i]);
      }
      if (frames.length > CRASH_FRAMES) {
        writer.println("\t... " + (frames.length - CRASH_FRAMES) + " more");
      }
    }
    writer.flush();
    return out.toString().stripTrailing();
  }

  /**
   * The diagnostics of one interface or catalog, or of the compilation: the one way code reports.
   * An error marks the scope failed, and nothing is generated for its owner.
   */
  static final class Diagnostics {
    private final Reporter reporter;
    private final Element owner;
    private boolean failed;

    private Diagnostics(Reporter reporter, Element owner) {
      this.reporter = reporter;
      this.owner = owner;
    }

    /** A diagnostic on no element (e.g. about a processor option). */
    void report(Message message, Object... args) {
      record(message);
      reporter.print(message, null, null, null, message.format(args), null);
    }

    void report(Element element, Message message, Object... args) {
      report(element, null, null, message, args);
    }

    void report(Element element, AnnotationMirror mirror, Message message, Object... args) {
      report(element, mirror, null, message, args);
    }

    /**
     * A diagnostic on {@code element} (and its annotation {@code mirror} and that annotation's
     * {@code value}, when not null); on this scope's owner when {@code element} comes from a class
     * file.
     */
    void report(
        Element element,
        AnnotationMirror mirror,
        AnnotationValue value,
        Message message,
        Object... args) {
      record(message);
      reporter.print(message, element, mirror, value, message.format(args), owner);
    }

    /**
     * A diagnostic at {@code position}, a tree in a method body, which the {@link Messager} cannot
     * point at: {@code print} prints it, unless it was reported there before.
     */
    void reportAt(Object position, Consumer<String> print, Message message, Object... args) {
      record(message);
      String text = message.format(args);
      if (reporter.reported.add(new Key(message.kind(), position, null, null, text))) {
        print.accept(text);
      }
    }

    /** An unexpected exception while processing {@code element}: an error asking for a report. */
    void reportCrash(Element element, String what, Throwable e) {
      report(element, Message.CRASH, what, e, stackTrace(e)); // a null element: the compilation's
    }

    /** Marks a failure that javac reports itself (an erroneous annotation value). */
    void failSilently() {
      failed = true;
    }

    boolean failed() {
      return failed;
    }

    private void record(Message message) {
      if (message.kind() == Diagnostic.Kind.ERROR) {
        failed = true;
      }
    }
  }
}
