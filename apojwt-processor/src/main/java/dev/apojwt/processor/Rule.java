package dev.apojwt.processor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The access rule of one handler method, as its annotations say. */
record Rule(Kind kind, List<String> permissions) {

  /**
   * What the guard checks: the constants of {@code dev.apojwt.AccessRule.Kind}, by name and in
   * order, each with the {@code AccessRule} builder method that declares it. The processor cannot
   * use the runtime's enum (the runtime need not be on the processor path); {@code RuleKindTest}
   * fails when the two differ.
   */
  enum Kind {
    PUBLIC("open"),
    TOKEN("token"),
    ALL_OF("allOf"),
    ANY_OF("anyOf"),
    REFRESH("refresh");

    /** {@code AccessRule.forMethod(...).open()}, {@code .allOf(hierarchy, permissions...)}. */
    final String builderMethod;

    Kind(String builderMethod) {
      this.builderMethod = builderMethod;
    }
  }

  static final Rule PUBLIC = new Rule(Kind.PUBLIC, List.of());
  static final Rule TOKEN = new Rule(Kind.TOKEN, List.of());
  static final Rule REFRESH = new Rule(Kind.REFRESH, List.of());

  Rule {
    permissions = List.copyOf(permissions);
  }

  boolean checksPermissions() {
    return kind == Kind.ALL_OF || kind == Kind.ANY_OF;
  }

  /** Same requirement: same kind and the same permissions in any order. */
  boolean sameAs(Rule other) {
    return kind == other.kind
        && permissions.size() == other.permissions.size()
        && permissions.containsAll(other.permissions);
  }

  /**
   * Whether every caller that passes this rule's check certainly passes {@code callee}'s too, with
   * {@code implied} mapping each permission to everything it implies (transitively), as the guard's
   * permission hierarchy resolves it. The admin permission (run-time configuration) is ignored: it
   * passes both checks alike.
   */
  boolean guarantees(Rule callee, Map<String, ? extends Collection<String>> implied) {
    switch (callee.kind) {
      case PUBLIC:
        return true;
      case TOKEN:
        return kind == Kind.TOKEN || kind == Kind.ALL_OF || kind == Kind.ANY_OF;
      case REFRESH:
        return kind == Kind.REFRESH;
      case ALL_OF:
        // Every permission the callee needs is granted by one the caller's token surely holds.
        return kind == Kind.ALL_OF
            && callee.permissions.stream()
                .allMatch(p -> permissions.stream().anyMatch(q -> grants(q, p, implied)));
      case ANY_OF:
        if (kind == Kind.ALL_OF) {
          return permissions.stream()
              .anyMatch(q -> callee.permissions.stream().anyMatch(p -> grants(q, p, implied)));
        }
        // Whichever permission got the caller through also grants one the callee accepts.
        return kind == Kind.ANY_OF
            && permissions.stream()
                .allMatch(q -> callee.permissions.stream().anyMatch(p -> grants(q, p, implied)));
      default:
        throw new AssertionError(callee.kind);
    }
  }

  /** Whether holding {@code held} satisfies a requirement of {@code required}. */
  private static boolean grants(
      String held, String required, Map<String, ? extends Collection<String>> implied) {
    Collection<String> granted = implied.get(held);
    return held.equals(required) || (granted != null && granted.contains(required));
  }

  /** As the user wrote it, for messages: {@code @PermissionRequired({"a", "b"})}. */
  String describe() {
    switch (kind) {
      case PUBLIC:
        return "@Public";
      case TOKEN:
        return "@TokenRequired";
      case REFRESH:
        return "@Refresh";
      default:
        String list = "\"" + String.join("\", \"", permissions) + "\"";
        if (kind == Kind.ANY_OF) {
          return "@PermissionRequired(anyOf = {" + list + "})";
        }
        return permissions.size() == 1
            ? "@PermissionRequired(" + list + ")"
            : "@PermissionRequired({" + list + "})";
    }
  }
}
