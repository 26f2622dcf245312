package dev.apojwt.processor;

import java.util.List;

/** The access rule of one handler method, as its annotations say. */
record Rule(Kind kind, List<String> permissions) {

  /** Mirrors {@code dev.apojwt.AccessRule.Kind}. */
  enum Kind {
    PUBLIC,
    TOKEN,
    ALL_OF,
    ANY_OF,
    REFRESH
  }

  Rule {
    permissions = List.copyOf(permissions);
  }

  static Rule of(Kind kind) {
    return new Rule(kind, List.of());
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
