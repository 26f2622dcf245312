package dev.apojwt.processor;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports errors through the {@link Messager}, each problem once per compilation (the same
 * inherited method may be checked for several handler interfaces), and each on the element that has
 * it. An element that javac read from a class file has no source position: its problem is reported
 * on the element being processed instead, naming where it is.
 */
final class Reporter {
  private final Messager messager;

  /** Qualified names of the top-level types of this compilation (its root elements). */
  private final Set<String> compilationTypes = new HashSet<>();

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
      if (top != null) {
        compilationTypes.add(top.getQualifiedName().toString());
      }
    }
  }

  /** Whether {@code element} belongs to a type compiled (or processed) in this compilation. */
  boolean inCompilation(Element element) {
    TypeElement top = ElementSupport.outermostType(element);
    return top != null && compilationTypes.contains(top.getQualifiedName().toString());
  }

  /** A diagnostics scope for one interface or catalog; it remembers whether it had errors. */
  Diagnostics scope(Element owner) {
    return new Diagnostics(this, owner);
  }

  /** An error with no element (e.g. about a processor option). */
  void error(String text) {
    if (reported.add(new Key(Diagnostic.Kind.ERROR, null, null, null, text))) {
      messager.printMessage(Diagnostic.Kind.ERROR, text);
    }
  }

  /** A note with no element, once per compilation. */
  void note(String text) {
    if (reported.add(new Key(Diagnostic.Kind.NOTE, null, null, null, text))) {
      messager.printMessage(Diagnostic.Kind.NOTE, text);
    }
  }

  /**
   * A note on {@code element}, once; on {@code fallback} when {@code element} is from a class file.
   */
  void note(Element element, String text, Element fallback) {
    Element at = inCompilation(element) ? element : fallback;
    if (at != null && !inCompilation(at)) {
      at = null;
    }
    if (reported.add(new Key(Diagnostic.Kind.NOTE, at, null, null, text))) {
      if (at == null) {
        messager.printMessage(Diagnostic.Kind.NOTE, text);
      } else {
        messager.printMessage(Diagnostic.Kind.NOTE, text, at);
      }
    }
  }

  /**
   * Whether the error {@code text} at {@code position}, a place only the caller can print at (a
   * tree in a method body), is reported for the first time; records it.
   */
  boolean firstErrorAt(Object position, String text) {
    return reported.add(new Key(Diagnostic.Kind.ERROR, position, null, null, text));
  }

  /**
   * An error on {@code element} (and its annotation {@code mirror} and {@code value} when not
   * null), or on {@code fallback} when {@code element} comes from a class file.
   */
  void error(
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      String text,
      Element fallback) {
    Objects.requireNonNull(element, "element");
    if (inCompilation(element)) {
      print(element, mirror, value, text);
    } else {
      String located = "in " + Describe.element(element) + ": " + text;
      if (fallback != null && fallback != element && inCompilation(fallback)) {
        print(fallback, null, null, located);
      } else {
        error(located);
      }
    }
  }

  private void print(Element element, AnnotationMirror mirror, AnnotationValue value, String text) {
    if (!reported.add(new Key(Diagnostic.Kind.ERROR, element, mirror, value, text))) {
      return;
    }
    if (mirror == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror, value);
    }
  }

  /** Errors found while processing one element; nothing is generated for it if there are any. */
  static final class Diagnostics {
    private final Reporter reporter;
    private final Element owner;
    private boolean failed;

    private Diagnostics(Reporter reporter, Element owner) {
      this.reporter = reporter;
      this.owner = owner;
    }

    void error(Element element, Message message, Object... args) {
      error(element, null, null, message, args);
    }

    void error(Element element, AnnotationMirror mirror, Message message, Object... args) {
      error(element, mirror, null, message, args);
    }

    void error(
        Element element,
        AnnotationMirror mirror,
        AnnotationValue value,
        Message message,
        Object... args) {
      failed = true;
      reporter.error(element, mirror, value, message.format(args), owner);
    }

    /**
     * An error at {@code position} (a tree in a method body, which the {@link
     * javax.annotation.processing.Messager} cannot point at): {@code print} prints it, unless it
     * was reported there before.
     */
    void errorAt(Object position, Consumer<String> print, Message message, Object... args) {
      failed = true;
      String text = message.format(args);
      if (reporter.firstErrorAt(position, text)) {
        print.accept(text);
      }
    }

    /** Marks a failure that javac reports itself (an erroneous annotation value). */
    void failSilently() {
      failed = true;
    }

    boolean failed() {
      return failed;
    }
  }
}
