package dev.apojwt.test;

import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cases of the access matrix for one rule, each with the outcome the rule implies: derived from
 * the rule's kind and accepted permission sets alone, never from what a guard does.
 */
final class MatrixCases {
  static final String CALLED = "called";
  static final String MISSING = "401 missing_token";
  static final String WRONG_KIND = "401 wrong_token_kind";
  static final String EXPIRED = "401 expired";
  static final String BAD_SIGNATURE = "401 bad_signature";
  static final String FORBIDDEN = "403 forbidden";

  /**
   * One call of the matrix: the token presented (as argument {@code argument}, or through the
   * finder when it is -1) and what the table says must happen.
   */
  record Case(String label, String token, String tokenDescription, String expected, int argument) {
    Case(String label, String token, String tokenDescription, String expected) {
      this(label, token, tokenDescription, expected, -1);
    }

    /** This case with its token passed as argument {@code index}. */
    Case asArgument(int index) {
      String description =
          token == null ? tokenDescription : tokenDescription + " as argument " + index;
      return new Case(label, token, description, expected, index);
    }

    boolean throughFinder() {
      return argument < 0;
    }
  }

  private final TestTokens tokens;
  private final String admin;
  private final boolean refresh;

  /** Every permission the table names or accepts, but the admin permission. */
  private final Set<String> universe = new TreeSet<>();

  MatrixCases(ApoJwt jwt, AccessTable table) {
    this.tokens = TestTokens.of(jwt).subject("access-matrix");
    this.admin = jwt.adminPermission();
    this.refresh = jwt.refreshPeriod() != null;
    for (AccessRule rule : table.rules()) {
      universe.addAll(rule.permissions());
      rule.accepted().values().forEach(universe::addAll);
    }
    if (admin != null) {
      universe.remove(admin);
    }
  }

  List<Case> of(AccessRule rule) {
    List<Case> cases = new ArrayList<>();
    switch (rule.kind()) {
      case PUBLIC:
        cases.add(new Case("no token", null, "none", CALLED));
        break;
      case REFRESH:
        cases.add(new Case("no token", null, "none", MISSING));
        cases.add(new Case("refresh token", tokens.refresh(), "refresh", CALLED));
        cases.add(
            new Case(
                "refresh token signed with another key",
                tokens.refreshSignedWithAnotherKey(),
                "refresh, foreign signature",
                BAD_SIGNATURE));
        Set<String> everything = new TreeSet<>(universe);
        if (admin != null) {
          everything.add(admin);
        }
        cases.add(new Case("access token", access(everything), describe(everything), WRONG_KIND));
        break;
      default:
        accessCases(rule, cases);
    }
    if (rule.readsBearerParameter()) {
      cases.replaceAll(c -> c.asArgument(rule.bearerParameter()));
    }
    return cases;
  }

  private void accessCases(AccessRule rule, List<Case> cases) {
    Set<String> weakest = weakest(rule);
    cases.add(new Case("no token", null, "none", MISSING));
    if (refresh) {
      cases.add(new Case("refresh token", tokens.refresh(), "refresh", WRONG_KIND));
    }
    TestTokens sufficient = tokens.permissions(weakest);
    cases.add(
        new Case("expired token", sufficient.expired(), "expired " + describe(weakest), EXPIRED));
    cases.add(
        new Case(
            "token signed with another key",
            sufficient.signedWithAnotherKey(),
            describe(weakest) + ", foreign signature",
            BAD_SIGNATURE));
    switch (rule.kind()) {
      case TOKEN:
        cases.add(new Case("any access token", access(weakest), describe(weakest), CALLED));
        break;
      case ALL_OF:
        allOfCases(rule, cases);
        break;
      default:
        anyOfCases(rule, cases);
    }
    if (admin != null) {
      cases.add(
          new Case("admin permission", access(Set.of(admin)), describe(Set.of(admin)), CALLED));
    }
  }

  private void allOfCases(AccessRule rule, List<Case> cases) {
    for (Map.Entry<String, Set<String>> required : rule.accepted().entrySet()) {
      // The strongest token that lacks it: everything the table knows, but what satisfies it.
      Set<String> lacking = new TreeSet<>(universe);
      lacking.addAll(rule.permissions());
      lacking.removeAll(required.getValue());
      if (!permits(rule, lacking)) {
        cases.add(
            new Case(
                "without " + required.getKey(), access(lacking), describe(lacking), FORBIDDEN));
      }
    }
    Set<String> all = new TreeSet<>(rule.permissions());
    cases.add(new Case("with " + String.join(" and ", all), access(all), describe(all), CALLED));
    for (Map.Entry<String, Set<String>> required : rule.accepted().entrySet()) {
      for (String implying : implying(required)) {
        Set<String> held = new TreeSet<>(rule.permissions());
        held.remove(required.getKey());
        held.add(implying);
        cases.add(
            new Case(
                required.getKey() + " through " + implying, access(held), describe(held), CALLED));
      }
    }
  }

  private void anyOfCases(AccessRule rule, List<Case> cases) {
    Set<String> none = new TreeSet<>(universe);
    rule.accepted().values().forEach(none::removeAll);
    cases.add(
        new Case(
            "without any of " + String.join(", ", rule.permissions()),
            access(none),
            describe(none),
            FORBIDDEN));
    for (Map.Entry<String, Set<String>> alternative : rule.accepted().entrySet()) {
      Set<String> alone = Set.of(alternative.getKey());
      cases.add(new Case("with " + alternative.getKey(), access(alone), describe(alone), CALLED));
      for (String implying : implying(alternative)) {
        cases.add(
            new Case(
                alternative.getKey() + " through " + implying,
                access(Set.of(implying)),
                describe(Set.of(implying)),
                CALLED));
      }
    }
  }

  /** The permissions that also satisfy one, after {@code @Implies}: its accepted set but itself. */
  private static Set<String> implying(Map.Entry<String, Set<String>> required) {
    Set<String> implying = new TreeSet<>(required.getValue());
    implying.remove(required.getKey());
    return implying;
  }

  /** The weakest token's permissions: the listed ones for ALL_OF, the first for ANY_OF. */
  private static Set<String> weakest(AccessRule rule) {
    switch (rule.kind()) {
      case ALL_OF:
        return new TreeSet<>(rule.permissions());
      case ANY_OF:
        return Set.of(rule.permissions().get(0));
      default:
        return Set.of();
    }
  }

  /** Whether the rule, as its table says, lets a token holding {@code held} through. */
  private boolean permits(AccessRule rule, Set<String> held) {
    if (admin != null && held.contains(admin)) {
      return true;
    }
    boolean any = false;
    boolean all = true;
    for (Set<String> accepted : rule.accepted().values()) {
      boolean satisfied = accepted.stream().anyMatch(held::contains);
      any |= satisfied;
      all &= satisfied;
    }
    return rule.kind() == AccessRule.Kind.ANY_OF ? any : all;
  }

  private String access(Collection<String> permissions) {
    return tokens.permissions(permissions).access();
  }

  private static String describe(Collection<String> permissions) {
    return "access " + new TreeSet<>(permissions);
  }
}
