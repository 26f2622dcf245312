package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The matrix passes on the guard the processor generated, and fails, naming each case, on every
 * kind of weakening: the variants of {@link Shop} run against the table of the shop as written.
 */
@ApoJwtTest(adminPermission = "admin")
class AccessMatrixTest {
  /** The row of get(), orders:read, when a token without it is let through. */
  private static final String[] GET_LETS_THE_WEAKER_THROUGH = {
    "get(java.lang.String)",
    "without orders:read",
    "access [billing:read]",
    "403 forbidden",
    "called"
  };

  private static Compiled shop;
  private static AccessTable reviewed;

  @BeforeAll
  static void compile() {
    shop = Shop.compile();
    reviewed = shop.table(Shop.GUARD);
  }

  private static void check(Compiled variant, ApoJwt jwt) {
    Compiled.check(variant.type(Shop.HANDLER), reviewed, variant.guard(Shop.GUARD, jwt), jwt);
  }

  private static String failure(Compiled variant, ApoJwt jwt) {
    return assertThrows(AssertionFailedError.class, () -> check(variant, jwt)).getMessage();
  }

  /** The table's rows (every line after the heading). */
  private static List<String> rows(String message) {
    List<String> lines = message.lines().collect(Collectors.toList());
    int heading =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.startsWith("  method "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table in:\n" + message)));
    return lines.subList(heading + 1, lines.size()).stream()
        .filter(l -> l.startsWith("  "))
        .map(String::strip)
        .collect(Collectors.toList());
  }

  /** Asserts that the table has exactly these rows, each given as its cells. */
  private static void assertRows(String message, String[]... expected) {
    List<String> rows = rows(message);
    assertEquals(expected.length, rows.size(), message);
    for (String[] cells : expected) {
      Pattern row =
          Pattern.compile(
              List.of(cells).stream().map(Pattern::quote).collect(Collectors.joining("\\s{2,}")));
      assertTrue(
          rows.stream().anyMatch(r -> row.matcher(r).matches()),
          "no row " + List.of(cells) + " in:\n" + message);
    }
  }

  @Test
  void theGeneratedGuardPassesWithAndWithoutAnAdminPermission(ApoJwt jwt) {
    check(shop, jwt);
    ApoJwt withoutAdmin =
        ApoJwt.builder()
            .secret("s".repeat(32))
            .tokenFinder(CallerToken.finder())
            .refresh("r".repeat(32), java.time.Duration.ofHours(1), CallerToken.finder())
            .build();
    check(shop, withoutAdmin);
  }

  @Test
  void aRuleLoosenedToTokenRequiredFailsTheCaseThatLacksThePermission(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWith(
                "@PermissionRequired(Perms.ORDERS_READ) String get(String id);",
                "@TokenRequired String get(String id);"),
            jwt);
    assertRows(message, GET_LETS_THE_WEAKER_THROUGH);
    assertTrue(message.startsWith("AccessMatrix: 1 of "), message);
    assertTrue(message.contains(" cases of com.example.shop.Shop differ from its access table"));
  }

  @Test
  void aPermissionDroppedFromAValueListFailsTheCaseThatLacksIt(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWith(
                "@PermissionRequired({Perms.ORDERS_WRITE, Perms.BILLING})",
                "@PermissionRequired(Perms.ORDERS_WRITE)"),
            jwt);
    assertRows(
        message,
        new String[] {
          "invoice(java.lang.String, int, boolean)",
          "without billing:read",
          "access [orders:admin, orders:read, orders:write, support]",
          "403 forbidden",
          "called"
        });
  }

  @Test
  void anAnyOfWidenedFailsTheCaseThatHoldsNoneOfItsAlternatives(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWith(
                "anyOf = {Perms.ORDERS_ADMIN, Perms.SUPPORT}",
                "anyOf = {Perms.ORDERS_ADMIN, Perms.SUPPORT, Perms.BILLING}"),
            jwt);
    assertRows(
        message,
        new String[] {
          "all()",
          "without any of orders:admin, support",
          "access [billing:read, orders:read, orders:write]",
          "403 forbidden",
          "called"
        });
  }

  @Test
  void anImpliesAddedToTheCatalogFailsTheCasesItNowLetsThrough(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWithCatalog("String BILLING", "@Implies(ORDERS_READ) String BILLING"), jwt);
    assertRows(
        message,
        GET_LETS_THE_WEAKER_THROUGH,
        new String[] {
          "byHeader(java.lang.String, java.lang.String)",
          "without orders:read",
          "access [billing:read] as argument 1",
          "403 forbidden",
          "called"
        });
  }

  @Test
  void aRefreshMethodTurnedPublicFailsEveryCaseThatShouldBeRefused(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWith("@Refresh String renewSession();", "@Public String renewSession();"),
            jwt);
    assertRows(
        message,
        new String[] {"renewSession()", "no token", "none", "401 missing_token", "called"},
        new String[] {
          "renewSession()",
          "refresh token signed with another key",
          "refresh, foreign signature",
          "401 bad_signature",
          "called"
        },
        new String[] {
          "renewSession()",
          "access token",
          "access [admin, billing:read, orders:admin, orders:read, orders:write, support]",
          "401 wrong_token_kind",
          "called"
        });
  }

  @Test
  void aRuleTightenedFailsTheWeakestSufficientTokensItNowRefuses(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWith(
                "@PermissionRequired(Perms.ORDERS_READ) String get(String id);",
                "@PermissionRequired(Perms.ORDERS_ADMIN) String get(String id);"),
            jwt);
    // orders:admin, which implies orders:read, and the admin permission still pass.
    assertRows(
        message,
        new String[] {
          "get(java.lang.String)",
          "with orders:read",
          "access [orders:read]",
          "called",
          "403 forbidden"
        },
        new String[] {
          "get(java.lang.String)",
          "orders:read through orders:write",
          "access [orders:write]",
          "called",
          "403 forbidden"
        },
        new String[] {
          "get(java.lang.String)",
          "orders:read through support",
          "access [support]",
          "called",
          "403 forbidden"
        });
  }

  @Test
  void anAnyOfAlternativeDroppedFailsTheCaseOfThatAlternativeAlone(ApoJwt jwt) {
    String message =
        failure(
            Shop.compileWith(
                "@PermissionRequired(anyOf = {Perms.ORDERS_ADMIN, Perms.SUPPORT})",
                "@PermissionRequired(Perms.ORDERS_ADMIN)"),
            jwt);
    assertRows(
        message,
        new String[] {"all()", "with support", "access [support]", "called", "403 forbidden"});
  }

  /** How a hand-written guard handles a call, given the real guard and the delegate. */
  private interface Bug {
    Object call(Object guard, Object delegate, Method method, Object[] args) throws Throwable;
  }

  /** A guard that wraps the generated one, with a bug. */
  private static Function<Object, Object> buggy(ApoJwt jwt, Bug bug) {
    Class<?> handler = shop.type(Shop.HANDLER);
    Function<Object, Object> real = shop.guard(Shop.GUARD, jwt);
    return delegate -> {
      Object guard = real.apply(delegate);
      return Proxy.newProxyInstance(
          handler.getClassLoader(),
          new Class<?>[] {handler},
          (proxy, method, args) -> bug.call(guard, delegate, method, args));
    };
  }

  @Test
  void aGuardThatCallsTheDelegateAnywayFailsEveryRefusal(ApoJwt jwt) {
    Class<?> handler = shop.type(Shop.HANDLER);
    Function<Object, Object> swallowing =
        buggy(
            jwt,
            (guard, delegate, method, args) -> {
              try {
                return method.invoke(guard, args);
              } catch (InvocationTargetException refused) {
                return method.invoke(delegate, args); // the bug: refused, but called anyway
              }
            });
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> Compiled.check(handler, reviewed, swallowing, jwt));
    List<String> rows = rows(e.getMessage());
    assertTrue(rows.stream().allMatch(r -> r.endsWith("  called")), e.getMessage());
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.matches(
                        "get\\(java.lang.String\\)\\s+no token\\s+none\\s+401 missing_token\\s+called")),
        e.getMessage());
    assertTrue(rows.stream().anyMatch(r -> r.contains("403 forbidden")), e.getMessage());
    assertTrue(rows.stream().anyMatch(r -> r.contains("401 expired")), e.getMessage());
    assertTrue(rows.stream().anyMatch(r -> r.contains("401 wrong_token_kind")), e.getMessage());
    assertTrue(rows.stream().noneMatch(r -> r.startsWith("health()")), e.getMessage());
  }

  @Test
  void aGuardThatCallsTheDelegateBeforeCheckingShowsBoth(ApoJwt jwt) {
    Class<?> handler = shop.type(Shop.HANDLER);
    Function<Object, Object> early =
        buggy(
            jwt,
            (guard, delegate, method, args) -> {
              if (!method.getName().equals("health")) {
                method.invoke(delegate, args); // the bug: the work is done before the check
              }
              try {
                return method.invoke(guard, args);
              } catch (InvocationTargetException refused) {
                throw refused.getCause();
              }
            });
    String message =
        assertThrows(
                AssertionFailedError.class, () -> Compiled.check(handler, reviewed, early, jwt))
            .getMessage();
    assertRows(
        message
            .lines()
            .filter(l -> !l.startsWith("  ") || l.startsWith("  method ") || l.contains("  get("))
            .collect(Collectors.joining("\n")),
        new String[] {
          "get(java.lang.String)",
          "no token",
          "none",
          "401 missing_token",
          "called, then 401 missing_token"
        },
        new String[] {
          "get(java.lang.String)",
          "refresh token",
          "refresh",
          "401 wrong_token_kind",
          "called, then 401 wrong_token_kind"
        },
        new String[] {
          "get(java.lang.String)",
          "expired token",
          "expired access [orders:read]",
          "401 expired",
          "called, then 401 expired"
        },
        new String[] {
          "get(java.lang.String)",
          "token signed with another key",
          "access [orders:read], foreign signature",
          "401 bad_signature",
          "called, then 401 bad_signature"
        },
        new String[] {
          "get(java.lang.String)",
          "without orders:read",
          "access [billing:read]",
          "403 forbidden",
          "called, then 403 forbidden"
        },
        new String[] {
          "get(java.lang.String)",
          "with orders:read",
          "access [orders:read]",
          "called",
          "called, then called get(java.lang.String)"
        },
        new String[] {
          "get(java.lang.String)",
          "orders:read through orders:admin",
          "access [orders:admin]",
          "called",
          "called, then called get(java.lang.String)"
        },
        new String[] {
          "get(java.lang.String)",
          "orders:read through orders:write",
          "access [orders:write]",
          "called",
          "called, then called get(java.lang.String)"
        },
        new String[] {
          "get(java.lang.String)",
          "orders:read through support",
          "access [support]",
          "called",
          "called, then called get(java.lang.String)"
        },
        new String[] {
          "get(java.lang.String)",
          "admin permission",
          "access [admin]",
          "called",
          "called, then called get(java.lang.String)"
        });
  }

  @Test
  void anApoJwtWhoseFinderReadsSomethingElseGetsAHint(ApoJwt jwt) {
    ApoJwt ownFinder =
        ApoJwt.builder()
            .secret("s".repeat(32))
            .tokenFinder(call -> null) // e.g. a framework's request, absent in this test
            .refresh("r".repeat(32), java.time.Duration.ofHours(1), call -> null)
            .build();
    String message = failure(shop, ownFinder);
    assertTrue(
        message.contains(
            "The guard found no token in any case: give AccessMatrix an ApoJwt built with"
                + " .template(CallerToken.template()), such as @ApoJwtTest's."),
        message);
  }

  @Test
  void aTableOfAnotherHandlerOrAClassIsRefused(ApoJwt jwt) {
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () -> AccessMatrix.check(Runnable.class, reviewed, r -> r, jwt));
    assertEquals(
        "the access table is of com.example.shop.Shop, not of java.lang.Runnable",
        other.getMessage());
    IllegalArgumentException notAnInterface =
        assertThrows(
            IllegalArgumentException.class,
            () -> AccessMatrix.check(String.class, reviewed, s -> s, jwt));
    assertTrue(notAnInterface.getMessage().contains("is not an interface"));
  }

  @Test
  void aGuardThatCannotBeMadeSaysWhatTheMatrixNeeds() {
    ApoJwt noFinder = ApoJwt.builder().secret("s".repeat(32)).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Compiled.check(
                    shop.type(Shop.HANDLER), reviewed, shop.guard(Shop.GUARD, noFinder), noFinder));
    assertTrue(
        e.getMessage().startsWith("the guard could not be made: this ApoJwt cannot guard"),
        e.getMessage());
    assertTrue(e.getMessage().contains(".template(CallerToken.template())"), e.getMessage());
  }
}
