package dev.apojwt.processor;

import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.NOTE;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic this processor reports, in one place, each with its kind and a stable id. Each
 * says what is wrong and how to fix it. Arguments are filled in with {@link String#format}; a text
 * that names one argument twice refers to it by position ({@code %1$s}), so callers pass it once.
 * Only {@link Reporter} prints them.
 */
enum Message {
  // 1. no access rule
  NO_ACCESS_RULE(
      ERROR,
      "no-access-rule",
      "%s has no access rule: annotate it with @TokenRequired, @PermissionRequired, @Refresh or"
          + " @Public, or put a default on the interface"),
  NO_ACCESS_RULE_INHERITED(
      ERROR,
      "no-access-rule-inherited",
      "inherited method %s has no access rule: annotate it in %s with @TokenRequired,"
          + " @PermissionRequired, @Refresh or @Public, redeclare it here with one, or put a"
          + " default on the interface"),
  CONFLICTING_RULES(
      ERROR,
      "conflicting-rules",
      "%s inherits different access rules (%s from %s, %s from %s): redeclare it in %s with the"
          + " rule it should have"),
  REDECLARED_WITHOUT_RULE(
      ERROR,
      "redeclared-without-rule",
      "%s redeclares %s without an access rule, so it would get %s instead of %s: annotate the"
          + " redeclaration with the rule it should have"),
  CONFLICTING_PARAMETERS(
      ERROR,
      "conflicting-parameters",
      "%s inherits different parameter annotations from %s and %s: redeclare it in %s with the"
          + " parameters it should have"),

  // 2. two access rules
  TWO_RULES_ON_METHOD(
      ERROR, "two-rules-on-method", "%s has two access rules (%s and %s): keep exactly one"),
  TWO_RULES_ON_INTERFACE(
      ERROR,
      "two-rules-on-interface",
      "%s has two default access rules (%s and %s): keep one, and annotate the methods that need"
          + " another rule"),

  // 3. @PermissionRequired contents
  PERMISSIONS_NONE(
      ERROR,
      "permissions-none",
      "@PermissionRequired lists no permission: name at least one, e.g."
          + " @PermissionRequired(\"orders:read\"), or use @TokenRequired for any valid token"),
  PERMISSIONS_BOTH(
      ERROR,
      "permissions-both",
      "@PermissionRequired has both value and anyOf: use value (the token must hold all) or anyOf"
          + " (it must hold at least one), not both"),
  PERMISSION_BLANK(
      ERROR,
      "permission-blank",
      "a permission name must not be blank: write the permission, e.g. \"orders:read\""),
  PERMISSION_PADDED(
      ERROR,
      "permission-padded",
      "permission \"%s\" has leading or trailing whitespace: write \"%s\""),
  PERMISSION_DUPLICATE(
      ERROR, "permission-duplicate", "permission \"%s\" is listed twice: remove the duplicate"),

  // 4. unknown permission
  PERMISSION_UNKNOWN(
      ERROR, "permission-unknown", "permission \"%s\" is not in the permission catalog (%s): %s"),

  // 5. the catalog and @Implies
  IMPLIES_CYCLE(
      ERROR,
      "implies-cycle",
      "@Implies cycle: %s; a permission cannot imply itself: remove one of these @Implies"),
  IMPLIES_UNKNOWN(
      ERROR, "implies-unknown", "@Implies names \"%s\", which is not a permission of %s: %s"),
  IMPLIES_MISPLACED(
      ERROR,
      "implies-misplaced",
      "@Implies belongs on a permission constant (a static final String with a constant value)"
          + " of a @PermissionCatalog: move it there or remove it"),
  CATALOG_NOT_CONSTANT(
      ERROR,
      "catalog-not-constant",
      "%s is not a compile-time constant String: initialise a catalog permission with a string"
          + " literal or a constant expression"),
  CATALOG_BLANK(
      ERROR,
      "catalog-blank",
      "%s is blank: a permission name must not be blank; write e.g. \"orders:read\""),
  CATALOG_PADDED(
      ERROR, "catalog-padded", "%s has leading or trailing whitespace (\"%s\"): write \"%s\""),
  CATALOG_DUPLICATE(
      ERROR,
      "catalog-duplicate",
      "%s has the same value \"%s\" as %s: declare each permission once; remove one or change its"
          + " value"),
  CATALOG_MISPLACED(
      ERROR,
      "catalog-misplaced",
      "@PermissionCatalog is not allowed on %s %s: declare the permission constants in a class or"
          + " interface"),
  CATALOG_NOT_MEMBER(
      ERROR,
      "catalog-not-member",
      "@PermissionCatalog is not allowed on local or anonymous class %s: make it a top-level or"
          + " member type"),
  CATALOG_OPTION_NOT_FOUND(
      ERROR,
      "catalog-option-not-found",
      "-Aapojwt.catalog names %s, which is not on the class path: add the library that declares"
          + " it, or fix the name"),
  CATALOG_OPTION_NOT_CATALOG(
      ERROR,
      "catalog-option-not-catalog",
      "-Aapojwt.catalog names %s, which is not annotated @PermissionCatalog: name a permission"
          + " catalog"),

  // 6. misplaced annotations
  ON_NON_INTERFACE(
      ERROR,
      "on-non-interface",
      "%s is not allowed on %s %s: apojwt guards only interfaces, so it would protect nothing"
          + " here; put it on the handler interface and create the guard with"
          + " new Guarded<Interface>(implementation, jwt)"),
  ON_MEMBER_OF_NON_INTERFACE(
      ERROR,
      "on-member-of-non-interface",
      "%s is not allowed on a member of %s %s: apojwt guards only interfaces, so it would protect"
          + " nothing here; put it on the handler interface's method and create the guard with"
          + " new Guarded<Interface>(implementation, jwt)"),
  PRIVATE_INTERFACE(
      ERROR,
      "private-interface",
      "handler interface %s is private, so no guard can implement it: make it package-private or"
          + " public"),
  INTERFACE_IN_PRIVATE_TYPE(
      ERROR,
      "interface-in-private-type",
      "handler interface %1$s is nested in private type %2$s, so no guard can implement it: make"
          + " %2$s package-private or public"),
  SEALED_INTERFACE(
      ERROR,
      "sealed-interface",
      "handler interface %s is sealed, so no guard can implement it: add %s to its permits"
          + " clause, or do not seal it"),
  LOCAL_INTERFACE(
      ERROR,
      "local-interface",
      "handler interface %s is local, so no guard can implement it: make it a top-level or member"
          + " interface"),
  ON_STATIC_METHOD(
      ERROR,
      "on-static-method",
      "%s on static method %s has no effect: static methods are not guarded; remove it, or make"
          + " the method abstract or default"),
  ON_PRIVATE_METHOD(
      ERROR,
      "on-private-method",
      "%s on private method %s has no effect: private methods are not guarded; remove it"),
  ON_OBJECT_METHOD(
      ERROR,
      "on-object-method",
      "%s on %s has no effect: equals, hashCode and toString are not guarded; remove it"),

  // 7. parameters
  INJECTION_WRONG_TYPE(
      ERROR,
      "injection-wrong-type",
      "%1$s needs a parameter that accepts %2$s, but %3$s is %4$s: change the parameter type to"
          + " %2$s"),
  TWO_INJECTIONS(
      ERROR,
      "two-injections",
      "parameter %s has two injection annotations (%s and %s): keep one; each parameter receives"
          + " one value"),
  INJECTION_ON_PUBLIC(
      ERROR,
      "injection-on-public",
      "%s on @Public method %s: a public method reads no token, so there is nothing to fill in;"
          + " remove it, or give the method a rule that needs a token"),
  REFRESH_ONLY(
      ERROR,
      "refresh-only",
      "%s in %s: only @Refresh methods receive the refresh token; remove it, or make the method"
          + " @Refresh"),
  ACCESS_INJECTION_ON_REFRESH(
      ERROR,
      "access-injection-on-refresh",
      "%s on @Refresh method %s: a @Refresh method receives a refresh token, not an access"
          + " token; use @RefreshData or a VerifiedRefresh parameter"),
  TWO_BEARER_TOKENS(
      ERROR,
      "two-bearer-tokens",
      "%s has more than one @BearerToken parameter: keep one, on the parameter that carries the"
          + " token"),
  BEARER_NOT_STRING(
      ERROR,
      "bearer-not-string",
      "@BearerToken needs a String parameter, but %s is %s: declare it as String"),
  BEARER_WITH_INJECTION(
      ERROR,
      "bearer-with-injection",
      "@BearerToken parameter %1$s also has %2$s: the token parameter is passed on unchanged; put"
          + " %2$s on a separate parameter"),

  // 8. what a compilation without a catalog, or an interface without a rule, would miss
  INJECTION_WITHOUT_RULE(
      ERROR,
      "injection-without-rule",
      "%1$s uses %2$s but declares no access rule, so no %3$s is generated and nothing fills in its"
          + " parameters: annotate %1$s or its methods with @TokenRequired, @PermissionRequired,"
          + " @Refresh or @Public"),
  PERMISSION_WITHOUT_CATALOG(
      ERROR,
      "permission-without-catalog",
      "@PermissionRequired needs a permission catalog (-Aapojwt.requireCatalog=true), but none is"
          + " known: declare the permissions as constants of a @PermissionCatalog, or name a"
          + " library's catalog with -Aapojwt.catalog"),
  PERMISSIONS_UNCHECKED(
      NOTE,
      "permissions-unchecked",
      "permission names are not checked: no @PermissionCatalog is known, so a misspelt permission in"
          + " @PermissionRequired compiles; declare the permissions as constants of a"
          + " @PermissionCatalog (or name a library's catalog with -Aapojwt.catalog), and add"
          + " -Aapojwt.requireCatalog=true to make a missing catalog an error"),
  REQUIRE_CATALOG_OPTION_INVALID(
      ERROR,
      "require-catalog-option-invalid",
      "-Aapojwt.requireCatalog is \"%s\": write -Aapojwt.requireCatalog=true, or false"),

  // default-method bodies
  DEFAULT_CALLS_STRICTER(
      ERROR,
      "default-calls-stricter",
      "%1$s is a default method with %2$s, but it calls %3$s, which requires %4$s; the guard checks"
          + " only %5$s's rule before your implementation runs this body, so %6$s would run"
          + " unchecked: give %5$s a rule at least as strict, or do not call %6$s from the default"
          + " method"),
  DEFAULT_CALLS_STRICTER_THROUGH_PRIVATE(
      ERROR,
      "default-calls-stricter-through-private",
      "%1$s is a default method with %2$s, but through private method %3$s it calls %4$s, which"
          + " requires %5$s; the guard checks only %6$s's rule before your implementation runs this"
          + " body, so %7$s would run unchecked: give %6$s a rule at least as strict, or do not call"
          + " %7$s from the default method"),
  DEFAULT_BODY_FROM_CLASS_FILE(
      NOTE,
      "default-body-from-class-file",
      "apojwt cannot check default method %1$s: it comes from a class file, so its body is not"
          + " available. If it calls a method of %2$s that requires more than %3$s, that method runs"
          + " without its check; if so, give %4$s a rule at least as strict as what it calls, or"
          + " override it in %2$s"),
  DEFAULT_BODIES_NOT_CHECKED(
      NOTE,
      "default-bodies-not-checked",
      "apojwt did not check the bodies of default methods: this compiler does not provide javac's"
          + " tree API (com.sun.source.util.Trees). A default method that calls a stricter method"
          + " of its interface on this runs that method without its check; compile with javac to"
          + " have this checked"),

  // the guard's overloads without injected parameters
  OVERLOAD_LEFT_OUT(
      NOTE,
      "overload-left-out",
      "%s has no %s for %s: it would clash with %s; pass null for the parameters the guard fills"
          + " in, or rename one of the methods"),

  // other
  ACCESS_TABLE_CLASH(
      ERROR,
      "access-table-clash",
      "handler method accessTable() would clash with the static accessTable() of the generated"
          + " %s: rename the method"),
  RUNTIME_MISSING(
      ERROR,
      "runtime-missing",
      "apojwt-runtime is not on the class path (dev.apojwt.ApoJwt not found), so no guard can be"
          + " generated: add the dependency dev.apojwt:apojwt-runtime"),
  UNRESOLVED(
      ERROR,
      "unresolved",
      "%s was not generated: %s uses %s, which cannot be resolved; fix it, or add what is"
          + " missing"),
  WRITE_FAILED(
      ERROR, "write-failed", "could not write %s (%s): rename the type that clashes with it"),
  FACTORY_NOT_PROVIDED(
      NOTE,
      "factory-not-provided",
      "%s is in module %s, whose ServiceLoader ignores META-INF/services, so frameworks (the"
          + " Spring Boot starter) cannot find its guard factory: add \"provides"
          + " dev.apojwt.GuardFactory with %s;\" to the module's module-info.java (one provides"
          + " lists every factory, separated by commas)"),
  SERVICES_READ_FAILED(
      ERROR,
      "services-read-failed",
      "could not read the existing %s (%s), so it was left as it was and may miss this"
          + " compilation's guard factories: make the file readable, or delete it and rebuild"),
  SERVICES_WRITE_FAILED(
      ERROR,
      "services-write-failed",
      "could not write %s (%s), so frameworks cannot find the guard factories: make the class"
          + " output directory writable, or rebuild"),
  CRASH(
      ERROR,
      "crash",
      "apojwt could not process this %s (%s); please report it, with this stack trace:\n%s");

  private final Diagnostic.Kind kind;
  private final String id;
  private final String format;

  Message(Diagnostic.Kind kind, String id, String format) {
    this.kind = kind;
    this.id = id;
    this.format = format;
  }

  /** An error (the element gets no guard) or a note. */
  Diagnostic.Kind kind() {
    return kind;
  }

  /** A stable name of the diagnostic, for tests, documentation and bug reports; never printed. */
  String id() {
    return id;
  }

  String format(Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
