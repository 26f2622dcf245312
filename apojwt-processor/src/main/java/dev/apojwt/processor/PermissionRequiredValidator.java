package dev.apojwt.processor;

import dev.apojwt.processor.AnnotationValues.Entry;
import dev.apojwt.processor.Reporter.Diagnostics;
import dev.apojwt.processor.RuleResolver.RuleRead;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Reads the contents of a {@code @PermissionRequired}: at least one permission, in {@code value} or
 * {@code anyOf} but not both, none blank, padded or listed twice (compile error 3), each in the
 * permission catalog when there is one (error 4). Without any catalog the names cannot be checked:
 * one note per compilation says so, or, with {@code -Aapojwt.requireCatalog=true}, each
 * {@code @PermissionRequired} is an error.
 */
final class PermissionRequiredValidator {
  private final Catalogs catalogs;
  private final boolean requireCatalog;
  private boolean uncheckedNoted;

  PermissionRequiredValidator(Catalogs catalogs, boolean requireCatalog) {
    this.catalogs = catalogs;
    this.requireCatalog = requireCatalog;
  }

  /** The rule that {@code mirror}, a {@code @PermissionRequired} on {@code element}, says. */
  RuleRead read(Element element, AnnotationMirror mirror, Diagnostics diagnostics) {
    List<Entry> allOf = AnnotationValues.strings(mirror, "value");
    List<Entry> anyOf = AnnotationValues.strings(mirror, "anyOf");
    if (!allOf.isEmpty() && !anyOf.isEmpty()) {
      diagnostics.report(
          element, mirror, AnnotationValues.member(mirror, "anyOf"), Message.PERMISSIONS_BOTH);
      return RuleRead.BROKEN;
    }
    if (allOf.isEmpty() && anyOf.isEmpty()) {
      diagnostics.report(element, mirror, Message.PERMISSIONS_NONE);
      return RuleRead.BROKEN;
    }
    boolean checked = catalogChecks(element, mirror, diagnostics);
    boolean any = allOf.isEmpty();
    List<String> names = new ArrayList<>();
    boolean ok = checked;
    boolean unresolved = false;
    for (Entry entry : any ? anyOf : allOf) {
      if (entry.erroneous()) {
        unresolved = true;
        continue;
      }
      String name = entry.string();
      if (name.isBlank()) {
        diagnostics.report(element, mirror, entry.value(), Message.PERMISSION_BLANK);
      } else if (!name.strip().equals(name)) {
        diagnostics.report(
            element, mirror, entry.value(), Message.PERMISSION_PADDED, name, name.strip());
      } else if (names.contains(name)) {
        diagnostics.report(element, mirror, entry.value(), Message.PERMISSION_DUPLICATE, name);
      } else if (!catalogs.isEmpty() && !catalogs.declares(name)) {
        String suggestion = catalogs.suggestionFor(name);
        diagnostics.report(
            element,
            mirror,
            entry.value(),
            Message.PERMISSION_UNKNOWN,
            name,
            catalogs.describe(),
            suggestion == null
                ? "declare it there, or fix the name"
                : "did you mean \"" + suggestion + "\"?");
      } else {
        names.add(name);
        continue;
      }
      ok = false;
    }
    if (unresolved) {
      return RuleRead.UNRESOLVED_VALUE;
    }
    if (!ok) {
      return RuleRead.BROKEN;
    }
    return RuleRead.of(new Rule(any ? Rule.Kind.ANY_OF : Rule.Kind.ALL_OF, names));
  }

  /**
   * Whether the names can be used as they are: with a catalog they are checked against it; without
   * one, a note (once) says they are not, or the annotation is an error when a catalog is required.
   */
  private boolean catalogChecks(Element element, AnnotationMirror mirror, Diagnostics diagnostics) {
    if (!catalogs.isEmpty()) {
      return true;
    }
    if (requireCatalog) {
      diagnostics.report(element, mirror, Message.PERMISSION_WITHOUT_CATALOG);
      return false;
    }
    if (!uncheckedNoted) {
      uncheckedNoted = true;
      diagnostics.report(element, mirror, Message.PERMISSIONS_UNCHECKED);
    }
    return true;
  }
}
