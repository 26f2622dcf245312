package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.SimpleAnnotationValueVisitor14;

/** Reads the String and String[] members of apojwt annotations, tolerating broken source. */
final class AnnotationValues {
  /** What javac gives for a value it could not attribute (e.g. an unresolvable constant). */
  private static final String JAVAC_ERROR = "<error>";

  private AnnotationValues() {}

  /**
   * One String of an annotation member; {@code string} is null when javac could not attribute it.
   */
  record Entry(AnnotationValue value, String string) {
    boolean erroneous() {
      return string == null;
    }
  }

  /** The member {@code name} as written in the source, or null when it is not written. */
  static AnnotationValue member(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The strings of member {@code name} (a String[] member; a single value counts as one), each with
   * its own {@link AnnotationValue}; empty when the member is not written.
   */
  static List<Entry> strings(AnnotationMirror mirror, String name) {
    AnnotationValue member = member(mirror, name);
    List<Entry> entries = new ArrayList<>();
    if (member != null) {
      collect(member, entries);
    }
    return entries;
  }

  private static void collect(AnnotationValue value, List<Entry> entries) {
    value.accept(
        new SimpleAnnotationValueVisitor14<Void, Void>() {
          @Override
          public Void visitArray(List<? extends AnnotationValue> values, Void unused) {
            for (AnnotationValue v : values) {
              collect(v, entries);
            }
            return null;
          }

          @Override
          public Void visitString(String s, Void unused) {
            entries.add(new Entry(value, JAVAC_ERROR.equals(s) ? null : s));
            return null;
          }

          @Override
          protected Void defaultAction(Object o, Void unused) {
            entries.add(new Entry(value, null));
            return null;
          }
        },
        null);
  }
}
