package com.example.orders;

import dev.apojwt.AccessRule;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure.Reason;
import dev.apojwt.GuardFactory;
import dev.apojwt.TokenPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The consumer's own check, run by the test command after {@code mvn verify}: README's start-up
 * code wires the generated guard, and each call below must be admitted or refused as README says.
 * A refused call must never reach {@link OrdersService}. Throws on the first difference.
 */
public final class GuardCheck {
  private static int checks;

  public static void main(String[] args) {
    Startup.Started app = Startup.start();
    ApoJwt jwt = app.jwt();
    Orders orders = app.orders();
    String reader = jwt.createToken("alice", List.of(Perms.ORDERS_READ), Map.of());
    String admin = jwt.createToken("carol", List.of(Perms.ORDERS_ADMIN), Map.of());
    String customer = jwt.createToken("eve", List.of(), Map.of());
    String forged =
        ApoJwt.builder()
            .secret("another-service-secret-of-at-least-32-bytes")
            .build()
            .createToken("mallory", List.of(Perms.ORDERS_ADMIN), Map.of());
    TokenPair login = jwt.createTokens("eve", List.of(), Map.of(), Map.of("user_id", "eve"));

    if (!(orders instanceof GuardedOrders)) {
      throw new AssertionError("README's start-up code must give the generated GuardedOrders");
    }
    admitted("@Public without a token", orders::health, "health()");
    admitted("orders:read for get", () -> orders.get(bearer(reader), "ord-1"), "get(ord-1)");
    admitted("orders:admin implies orders:read", () -> orders.get(bearer(admin), "o"), "get(o)");
    admitted("@TokenSubject filled in", () -> orders.mine(bearer(customer), null), "mine(eve)");
    refused("no token", () -> orders.get(Context.request(), "ord-1"), Reason.MISSING_TOKEN);
    refused("no orders:read", () -> orders.get(bearer(customer), "ord-1"), Reason.FORBIDDEN);
    refused("another service's key", () -> orders.get(bearer(forged), "o"), Reason.BAD_SIGNATURE);
    refused("no token for mine", () -> orders.mine(Context.request(), null), Reason.MISSING_TOKEN);
    admitted(
        "anyOf: orders:admin implies orders:write",
        () -> join(orders.create(bearer(admin), new OrderRequest("tea"))),
        "create(tea)");
    refused(
        "anyOf: neither orders:write nor support, as a failed stage",
        () -> join(orders.create(bearer(reader), new OrderRequest("tea"))),
        Reason.FORBIDDEN);
    Context withCookie = Context.request().withCookie("refresh_token", login.refresh());
    admitted("@Refresh with the cookie", () -> orders.renew(withCookie, null), "renew({user_id=eve})");
    refused("@Refresh without the cookie", () -> orders.renew(bearer(reader), null), Reason.MISSING_TOKEN);

    List<AccessRule.Kind> kinds =
        GuardedOrders.accessTable().rules().stream().map(AccessRule::kind).sorted().toList();
    List<AccessRule.Kind> expected =
        List.of(
                AccessRule.Kind.PUBLIC,
                AccessRule.Kind.TOKEN,
                AccessRule.Kind.ALL_OF,
                AccessRule.Kind.ANY_OF,
                AccessRule.Kind.REFRESH)
            .stream()
            .sorted()
            .toList();
    if (!kinds.equals(expected)) {
      throw new AssertionError("GuardedOrders.accessTable() has rules " + kinds);
    }
    checks++;
    factories(jwt, reader, customer);
    System.out.println("README consumer: " + checks + " checks of GuardedOrders passed");
  }

  /**
   * README's loop over the guard factories, then the factory the Maven build listed in
   * META-INF/services: found by ServiceLoader, and its guard enforcing the rules.
   */
  private static void factories(ApoJwt jwt, String reader, String customer) {
    // consumer-test: factories
    List<GuardFactory<?>> found = new ArrayList<>();
    ServiceLoader.load(GuardFactory.class).forEach(found::add);
    if (found.size() != 1 || found.get(0).handler() != Orders.class) {
      throw new AssertionError("ServiceLoader found the guard factories " + found);
    }
    @SuppressWarnings("unchecked")
    GuardFactory<Orders> factory = (GuardFactory<Orders>) found.get(0);
    Orders orders = factory.guard(new OrdersService(), jwt);
    if (!(orders instanceof GuardedOrders) || factory.accessTable() != GuardedOrders.accessTable()) {
      throw new AssertionError("the factory must make GuardedOrders and give its access table");
    }
    admitted("the factory's guard, orders:read", () -> orders.get(bearer(reader), "f"), "get(f)");
    refused("the factory's guard, no orders:read", () -> orders.get(bearer(customer), "f"), Reason.FORBIDDEN);
  }

  private static Context bearer(String token) {
    return Context.request().withHeader("Authorization", "Bearer " + token);
  }

  private static Object join(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof ApoJwtException refusal ? refusal : e;
    }
  }

  private static void admitted(String what, Supplier<?> call, String delegateCall) {
    OrdersService.CALLS.clear();
    try {
      call.get();
    } catch (ApoJwtException e) {
      throw new AssertionError(what + ": refused with " + e.reason() + ", expected admitted");
    }
    if (!OrdersService.CALLS.equals(List.of(delegateCall))) {
      throw new AssertionError(what + ": OrdersService received " + OrdersService.CALLS);
    }
    checks++;
  }

  private static void refused(String what, Supplier<?> call, Reason reason) {
    OrdersService.CALLS.clear();
    try {
      call.get();
      throw new AssertionError(what + ": admitted, expected " + reason);
    } catch (ApoJwtException e) {
      if (e.reason() != reason || e.status() != reason.status()) {
        throw new AssertionError(what + ": refused with " + e.reason() + ", expected " + reason);
      }
    }
    if (!OrdersService.CALLS.isEmpty()) {
      throw new AssertionError(what + ": refused, but OrdersService received " + OrdersService.CALLS);
    }
    checks++;
  }
}
