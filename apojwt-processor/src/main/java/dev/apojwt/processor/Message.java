package dev.apojwt.processor;

/**
 * Every diagnostic this processor reports, in one place. Each says what is wrong and how to fix it.
 * Arguments are filled in with {@link String#format}.
 */
enum Message {
  // 1. no access rule
  NO_ACCESS_RULE(
      "%s has no access rule: annotate it with @TokenRequired, @PermissionRequired, @Refresh or"
          + " @Public, or put a default on the interface"),
  NO_ACCESS_RULE_INHERITED(
      "inherited method %s has no access rule: annotate it in %s with @TokenRequired,"
          + " @PermissionRequired, @Refresh or @Public, redeclare it here with one, or put a"
          + " default on the interface"),
  CONFLICTING_RULES(
      "%s inherits different access rules (%s from %s, %s from %s): redeclare it in %s with the"
          + " rule it should have"),
  REDECLARED_WITHOUT_RULE(
      "%s redeclares %s without an access rule, so it would get %s instead of %s: annotate the"
          + " redeclaration with the rule it should have"),
  CONFLICTING_PARAMETERS(
      "%s inherits different parameter annotations from %s and %s: redeclare it in %s with the"
          + " parameters it should have"),

  // 2. two access rules
  TWO_RULES_ON_METHOD("%s has two access rules (%s and %s): keep exactly one"),
  TWO_RULES_ON_INTERFACE(
      "%s has two default access rules (%s and %s): keep one, and annotate the methods that need"
          + " another rule"),

  // 3. @PermissionRequired contents
  PERMISSIONS_NONE(
      "@PermissionRequired lists no permission: name at least one, e.g."
          + " @PermissionRequired(\"orders:read\"), or use @TokenRequired for any valid token"),
  PERMISSIONS_BOTH(
      "@PermissionRequired has both value and anyOf: use value (the token must hold all) or anyOf"
          + " (it must hold at least one), not both"),
  PERMISSION_BLANK(
      "a permission name must not be blank: write the permission, e.g. \"orders:read\""),
  PERMISSION_PADDED("permission \"%s\" has leading or trailing whitespace: write \"%s\""),
  PERMISSION_DUPLICATE("permission \"%s\" is listed twice: remove the duplicate"),

  // 4. unknown permission
  PERMISSION_UNKNOWN("permission \"%s\" is not in the permission catalog (%s): %s"),

  // 5. the catalog and @Implies
  IMPLIES_CYCLE(
      "@Implies cycle: %s; a permission cannot imply itself: remove one of these @Implies"),
  IMPLIES_UNKNOWN("@Implies names \"%s\", which is not a permission of %s: %s"),
  IMPLIES_MISPLACED(
      "@Implies belongs on a permission constant (a static final String with a constant value)"
          + " of a @PermissionCatalog: move it there or remove it"),
  CATALOG_NOT_CONSTANT(
      "%s is not a compile-time constant String: initialise a catalog permission with a string"
          + " literal or a constant expression"),
  CATALOG_BLANK("%s is blank: a permission name must not be blank; write e.g. \"orders:read\""),
  CATALOG_PADDED("%s has leading or trailing whitespace (\"%s\"): write \"%s\""),
  CATALOG_DUPLICATE(
      "%s has the same value \"%s\" as %s: declare each permission once; remove one or change its"
          + " value"),
  CATALOG_MISPLACED(
      "@PermissionCatalog is not allowed on %s %s: declare the permission constants in a class or"
          + " interface"),
  CATALOG_NOT_MEMBER(
      "@PermissionCatalog is not allowed on local or anonymous class %s: make it a top-level or"
          + " member type"),
  CATALOG_OPTION_NOT_FOUND(
      "-Aapojwt.catalog names %s, which is not on the class path: add the library that declares"
          + " it, or fix the name"),
  CATALOG_OPTION_NOT_CATALOG(
      "-Aapojwt.catalog names %s, which is not annotated @PermissionCatalog: name a permission"
          + " catalog"),

  // 6. misplaced annotations
  ON_NON_INTERFACE(
      "%s is not allowed on %s %s: apojwt guards only interfaces, so it would protect nothing"
          + " here; put it on the handler interface and create the guard with"
          + " new Guarded<Interface>(implementation, jwt)"),
  ON_MEMBER_OF_NON_INTERFACE(
      "%s is not allowed on a member of %s %s: apojwt guards only interfaces, so it would protect"
          + " nothing here; put it on the handler interface's method and create the guard with"
          + " new Guarded<Interface>(implementation, jwt)"),
  PRIVATE_INTERFACE(
      "handler interface %s is private, so no guard can implement it: make it package-private or"
          + " public"),
  INTERFACE_IN_PRIVATE_TYPE(
      "handler interface %s is nested in private type %s, so no guard can implement it: make %s"
          + " package-private or public"),
  SEALED_INTERFACE(
      "handler interface %s is sealed, so no guard can implement it: add %s to its permits"
          + " clause, or do not seal it"),
  LOCAL_INTERFACE(
      "handler interface %s is local, so no guard can implement it: make it a top-level or member"
          + " interface"),
  ON_STATIC_METHOD(
      "%s on static method %s has no effect: static methods are not guarded; remove it, or make"
          + " the method abstract or default"),
  ON_PRIVATE_METHOD(
      "%s on private method %s has no effect: private methods are not guarded; remove it"),
  ON_OBJECT_METHOD(
      "%s on %s has no effect: equals, hashCode and toString are not guarded; remove it"),

  // 7. parameters
  INJECTION_WRONG_TYPE(
      "%s needs a parameter that accepts %s, but %s is %s: change the parameter type to %s"),
  TWO_INJECTIONS(
      "parameter %s has two injection annotations (%s and %s): keep one; each parameter receives"
          + " one value"),
  INJECTION_ON_PUBLIC(
      "%s on @Public method %s: a public method reads no token, so there is nothing to fill in;"
          + " remove it, or give the method a rule that needs a token"),
  REFRESH_ONLY(
      "%s in %s: only @Refresh methods receive the refresh token; remove it, or make the method"
          + " @Refresh"),
  ACCESS_INJECTION_ON_REFRESH(
      "%s on @Refresh method %s: a @Refresh method receives a refresh token, not an access"
          + " token; use @RefreshData or a VerifiedRefresh parameter"),
  TWO_BEARER_TOKENS(
      "%s has more than one @BearerToken parameter: keep one, on the parameter that carries the"
          + " token"),
  BEARER_NOT_STRING("@BearerToken needs a String parameter, but %s is %s: declare it as String"),
  BEARER_WITH_INJECTION(
      "@BearerToken parameter %s also has %s: the token parameter is passed on unchanged; put %s"
          + " on a separate parameter"),

  // default-method bodies
  DEFAULT_CALLS_STRICTER(
      "%s is a default method with %s, but it calls %s, which requires %s; the guard checks only"
          + " %s's rule before your implementation runs this body, so %s would run unchecked: give"
          + " %s a rule at least as strict, or do not call %s from the default method"),
  DEFAULT_CALLS_STRICTER_THROUGH_PRIVATE(
      "%s is a default method with %s, but through private method %s it calls %s, which requires"
          + " %s; the guard checks only %s's rule before your implementation runs this body, so %s"
          + " would run unchecked: give %s a rule at least as strict, or do not call %s from the"
          + " default method"),
  DEFAULT_BODY_FROM_CLASS_FILE(
      "apojwt cannot check default method %s: it comes from a class file, so its body is not"
          + " available. If it calls a method of %s that requires more than %s, that method runs"
          + " without its check; if so, give %s a rule at least as strict as what it calls, or"
          + " override it in %s"),
  DEFAULT_BODIES_NOT_CHECKED(
      "apojwt did not check the bodies of default methods: this compiler does not provide javac's"
          + " tree API (com.sun.source.util.Trees). A default method that calls a stricter method"
          + " of its interface on this runs that method without its check; compile with javac to"
          + " have this checked"),

  // other
  ACCESS_TABLE_CLASH(
      "handler method accessTable() would clash with the static accessTable() of the generated"
          + " %s: rename the method"),
  RUNTIME_MISSING(
      "apojwt-runtime is not on the class path (dev.apojwt.ApoJwt not found), so no guard can be"
          + " generated: add the dependency dev.apojwt:apojwt-runtime"),
  UNRESOLVED(
      "%s was not generated: %s uses %s, which cannot be resolved; fix it, or add what is"
          + " missing"),
  WRITE_FAILED("could not write %s (%s): rename the type that clashes with it"),
  CRASH("apojwt could not process this %s (%s); please report it");

  private final String format;

  Message(String format) {
    this.format = format;
  }

  String format(Object... args) {
    return String.format(format, args);
  }
}
