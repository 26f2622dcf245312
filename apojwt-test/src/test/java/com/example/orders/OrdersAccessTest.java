package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import dev.apojwt.test.AccessMatrix;
import dev.apojwt.test.AccessSnapshot;
import dev.apojwt.test.ApoJwtTest;
import dev.apojwt.test.CallerToken;
import dev.apojwt.test.TestClock;
import dev.apojwt.test.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@ApoJwtTest(adminPermission = "admin", leeway = "PT30S")
class OrdersAccessTest {
  @Test
  void everyMethodRefusesAndAdmitsWhatItsRuleSays(ApoJwt jwt) {
    AccessMatrix.check(
        Orders.class, GuardedOrders.accessTable(), d -> new GuardedOrders(d, jwt), jwt);
  }

  @Test
  void theRulesAreTheReviewedOnes() {
    AccessSnapshot.assertUnchanged(
        Path.of("src/test/resources/access-snapshot.txt"), GuardedOrders.accessTable());
  }

  @Test
  void aReaderReadsUntilTheTokenAndTheLeewayHaveRunOut(
      ApoJwt jwt, TestTokens tokens, TestClock clock) {
    GuardedOrders orders = new GuardedOrders(new OrdersService(), jwt);
    String alice = tokens.subject("alice").permissions(Perms.ORDERS_READ).access();
    assertEquals(List.of("alice's order"), CallerToken.call(alice, () -> orders.mine()));

    clock.advance(jwt.expPeriod().plusSeconds(29)); // expired 29 s ago: within the leeway
    assertEquals("order 7", CallerToken.call(alice, () -> orders.get("7")));

    clock.advance(Duration.ofSeconds(1));
    ApoJwtException refused =
        assertThrows(ApoJwtException.class, () -> CallerToken.call(alice, () -> orders.get("7")));
    assertEquals(AuthFailure.Reason.EXPIRED, refused.reason());
  }

  @Test
  void anEditedTokenIsRefused(ApoJwt jwt, TestTokens tokens) {
    GuardedOrders orders = new GuardedOrders(new OrdersService(), jwt);
    String forged = tokens.permissions("admin").tampered(); // claims edited after signing
    ApoJwtException refused =
        assertThrows(ApoJwtException.class, () -> CallerToken.call(forged, orders::all));
    assertEquals(AuthFailure.Reason.BAD_SIGNATURE, refused.reason());
  }
}
