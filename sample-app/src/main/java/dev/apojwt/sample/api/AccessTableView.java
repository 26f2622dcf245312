package dev.apojwt.sample.api;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One handler interface's {@link AccessTable} as JSON. */
public record AccessTableView(String handler, List<Method> methods) {

  /** One method's rule: its kind, the permissions as declared and what each check accepts. */
  public record Method(
      String method,
      String rule,
      List<String> permissions,
      Map<String, Set<String>> accepted,
      String token) {}

  public static AccessTableView of(AccessTable table) {
    List<Method> methods = new ArrayList<>();
    for (AccessRule rule : table.rules()) {
      methods.add(
          new Method(
              rule.signature(),
              rule.kind().name(),
              rule.permissions(),
              rule.accepted(),
              tokenSource(rule)));
    }
    return new AccessTableView(table.handler(), List.copyOf(methods));
  }

  private static String tokenSource(AccessRule rule) {
    switch (rule.kind()) {
      case PUBLIC:
        return "none";
      case REFRESH:
        return rule.readsBearerParameter() ? "refresh token parameter" : "refresh token finder";
      default:
        return rule.readsBearerParameter() ? "bearer token parameter" : "token finder";
    }
  }
}
