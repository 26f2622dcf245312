package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When one access rule guarantees another: what a default method's rule must give for it to call a
 * sibling method on {@code this} (the sibling's check is skipped there).
 */
class RuleGuaranteeTest {
  static final Rule PUBLIC = Rule.PUBLIC;
  static final Rule TOKEN = Rule.TOKEN;
  static final Rule REFRESH = Rule.REFRESH;

  /** admin implies write, write implies read (closed); support implies nothing. */
  static final Map<String, List<String>> IMPLIED =
      Closure.transitive(
          Map.of(
              "orders:admin", List.of("orders:write"),
              "orders:write", List.of("orders:read"),
              "support", List.of()));

  static Rule allOf(String... permissions) {
    return new Rule(Rule.Kind.ALL_OF, List.of(permissions));
  }

  static Rule anyOf(String... permissions) {
    return new Rule(Rule.Kind.ANY_OF, List.of(permissions));
  }

  static boolean guarantees(Rule caller, Rule callee) {
    return caller.guarantees(callee, IMPLIED);
  }

  @Test
  void theClosureIsTransitive() {
    assertThat(IMPLIED.get("orders:admin")).containsExactly("orders:write", "orders:read");
    assertThat(IMPLIED.get("orders:write")).containsExactly("orders:read");
    assertThat(IMPLIED.get("support")).isEmpty();
  }

  @Test
  void theClosureFollowsChainsAcrossCatalogsAndEndsOnCycles() {
    // billing's admin implies orders:admin, declared in another catalog.
    Map<String, List<String>> combined =
        Closure.transitive(
            Map.of(
                "billing:admin", List.of("orders:admin"),
                "orders:admin", List.of("orders:read"),
                "a", List.of("b"),
                "b", List.of("a")));
    assertThat(combined.get("billing:admin")).containsExactly("orders:admin", "orders:read");
    assertThat(combined.get("a")).containsExactly("b");
  }

  @Test
  void aPublicCalleeIsAlwaysGuaranteed() {
    for (Rule caller : List.of(PUBLIC, TOKEN, REFRESH, allOf("support"), anyOf("support"))) {
      assertThat(guarantees(caller, PUBLIC)).isTrue();
    }
  }

  @Test
  void aTokenCalleeNeedsAnAccessToken() {
    assertThat(guarantees(TOKEN, TOKEN)).isTrue();
    assertThat(guarantees(allOf("support"), TOKEN)).isTrue();
    assertThat(guarantees(anyOf("support", "orders:read"), TOKEN)).isTrue();
    assertThat(guarantees(PUBLIC, TOKEN)).isFalse();
    assertThat(guarantees(REFRESH, TOKEN)).isFalse(); // a refresh token is no access token
  }

  @Test
  void aRefreshCalleeNeedsARefreshCaller() {
    assertThat(guarantees(REFRESH, REFRESH)).isTrue();
    for (Rule caller : List.of(PUBLIC, TOKEN, allOf("orders:admin"), anyOf("orders:admin"))) {
      assertThat(guarantees(caller, REFRESH)).isFalse();
    }
  }

  @Test
  void allOfNeedsEveryPermissionGrantedByOneOfTheCallers() {
    assertThat(guarantees(allOf("orders:read"), allOf("orders:read"))).isTrue();
    assertThat(guarantees(allOf("orders:admin"), allOf("orders:read", "orders:write"))).isTrue();
    assertThat(guarantees(allOf("orders:read", "support"), allOf("support"))).isTrue();
    assertThat(guarantees(allOf("orders:read"), allOf("orders:write"))).isFalse(); // wrong way
    assertThat(guarantees(allOf("orders:read"), allOf("orders:read", "support"))).isFalse();
    assertThat(guarantees(TOKEN, allOf("orders:read"))).isFalse();
    assertThat(guarantees(PUBLIC, allOf("orders:read"))).isFalse();
    assertThat(guarantees(REFRESH, allOf("orders:read"))).isFalse();
    // anyOf gives one of them, not all: even anyOf(x) with one permission is not taken as allOf.
    assertThat(guarantees(anyOf("orders:admin", "support"), allOf("orders:read"))).isFalse();
  }

  @Test
  void anyOfNeedsOneGrantedFromAnAllOfCaller() {
    assertThat(guarantees(allOf("support"), anyOf("orders:read", "support"))).isTrue();
    assertThat(guarantees(allOf("orders:admin"), anyOf("orders:read", "x"))).isTrue();
    assertThat(guarantees(allOf("orders:read"), anyOf("orders:write", "support"))).isFalse();
    assertThat(guarantees(TOKEN, anyOf("orders:read"))).isFalse();
  }

  @Test
  void anyOfFromAnAnyOfCallerNeedsEveryCallerPermissionToGrantOne() {
    assertThat(guarantees(anyOf("orders:admin", "orders:write"), anyOf("orders:read"))).isTrue();
    assertThat(guarantees(anyOf("support", "orders:write"), anyOf("orders:read", "support")))
        .isTrue();
    assertThat(guarantees(anyOf("support", "orders:read"), anyOf("orders:write"))).isFalse();
    assertThat(guarantees(anyOf("support", "orders:read"), anyOf("orders:read"))).isFalse();
  }

  @Test
  void withoutACatalogOnlyTheSameNameGrants() {
    assertThat(allOf("orders:admin").guarantees(allOf("orders:read"), Map.of())).isFalse();
    assertThat(allOf("orders:read").guarantees(allOf("orders:read"), Map.of())).isTrue();
  }
}
