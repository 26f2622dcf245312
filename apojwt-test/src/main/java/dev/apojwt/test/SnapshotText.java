package dev.apojwt.test;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The text of an access snapshot: handlers sorted by name, their methods by signature, each rule as
 * the annotation that declares it, each required permission with what satisfies it after
 * {@code @Implies} (sorted), and where the token comes from. Always {@code \n} line endings;
 * ordering is by {@code String.compareTo}, the same on every JVM.
 */
final class SnapshotText {
  static final String FLAG = "apojwt.updateSnapshot";

  static final String HEADER =
      "# apojwt access snapshot: what every guarded method requires, from the access tables of\n"
          + "# the generated guards. Checked by AccessSnapshot.assertUnchanged; after an intended\n"
          + "# change, rewrite it by running the tests with -D"
          + FLAG
          + "=true, and commit it\n"
          + "# with the change so that review sees who may now call what. \"accepts\" lists, for a\n"
          + "# required permission, every permission that satisfies it (the admin permission\n"
          + "# configured on ApoJwt passes every check besides).\n";

  private SnapshotText() {}

  static String of(AccessTable... tables) {
    Map<String, AccessTable> byHandler = new TreeMap<>();
    for (AccessTable table : tables) {
      if (byHandler.put(table.handler(), table) != null) {
        throw new IllegalArgumentException("two access tables of " + table.handler());
      }
    }
    StringBuilder s = new StringBuilder(HEADER);
    for (AccessTable table : byHandler.values()) {
      s.append('\n').append(table.handler()).append('\n');
      List<AccessRule> rules = new ArrayList<>(table.rules());
      rules.sort(Comparator.comparing(AccessRule::signature));
      for (AccessRule rule : rules) {
        appendRule(s, rule);
      }
    }
    return s.toString();
  }

  /** The body of a snapshot: its lines but the comments, for comparison. */
  static String body(String text) {
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith("#")) {
        body.append(line.stripTrailing()).append('\n');
      }
    }
    return body.toString().strip();
  }

  /** {@code text} with {@code \r\n} and {@code \r} line endings, and a byte order mark, undone. */
  static String normalized(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static void appendRule(StringBuilder s, AccessRule rule) {
    s.append("  ").append(rule.signature()).append('\n');
    s.append("    ").append(annotation(rule)).append('\n');
    for (Map.Entry<String, Set<String>> required : new TreeMap<>(rule.accepted()).entrySet()) {
      s.append("    accepts ").append(quoted(required.getKey())).append(':');
      for (String accepted : new TreeSet<>(required.getValue())) {
        s.append(' ').append(quoted(accepted));
      }
      s.append('\n');
    }
    s.append("    token: ").append(tokenSource(rule)).append('\n');
  }

  private static String annotation(AccessRule rule) {
    switch (rule.kind()) {
      case PUBLIC:
        return "@Public";
      case TOKEN:
        return "@TokenRequired";
      case REFRESH:
        return "@Refresh";
      case ALL_OF:
        List<String> all = sortedQuoted(rule.permissions());
        return all.size() == 1
            ? "@PermissionRequired(" + all.get(0) + ")"
            : "@PermissionRequired({" + String.join(", ", all) + "})";
      case ANY_OF:
        return "@PermissionRequired(anyOf = {"
            + String.join(", ", sortedQuoted(rule.permissions()))
            + "})";
      default:
        throw new IllegalArgumentException("unknown rule kind " + rule.kind());
    }
  }

  private static String tokenSource(AccessRule rule) {
    String kind = rule.kind() == AccessRule.Kind.REFRESH ? "refresh " : "";
    if (rule.kind() == AccessRule.Kind.PUBLIC) {
      return "none";
    }
    return rule.readsBearerParameter()
        ? kind + "parameter " + rule.bearerParameter() + " (@BearerToken)"
        : kind + "finder";
  }

  private static List<String> sortedQuoted(List<String> permissions) {
    List<String> quoted = new ArrayList<>();
    for (String permission : new TreeSet<>(permissions)) {
      quoted.add(quoted(permission));
    }
    return quoted;
  }

  /** A Java string literal: what the source says, and one line whatever the name holds. */
  static String quoted(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20
          || c == 0x7f
          || Character.isSurrogate(c)
          || Character.isSpaceChar(c) && c != ' ') {
        String hex = Integer.toHexString(c);
        s.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
