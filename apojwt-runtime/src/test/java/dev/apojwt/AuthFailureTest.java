package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AuthFailure.Reason;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthFailureTest {

  @Test
  void everyReasonHasADistinctLowercaseCodeAndAStandardMessage() {
    Set<String> codes = new HashSet<>();
    Set<String> messages = new HashSet<>();
    for (Reason reason : Reason.values()) {
      AuthFailure failure = AuthFailure.of(reason, "detail");
      assertTrue(failure.code().matches("[a-z_]+"), reason + ": " + failure.code());
      assertTrue(codes.add(failure.code()), "duplicate code " + failure.code());
      assertTrue(!failure.message().isBlank(), reason + " has no message");
      if (reason != Reason.WRONG_TOKEN_KIND) {
        assertTrue(messages.add(failure.message()), "duplicate message " + failure.message());
      }
    }
  }

  @Test
  void statusesFollowTheRfcs() {
    assertEquals(400, AuthFailure.of(Reason.INVALID_REQUEST, "d").status());
    assertEquals(403, AuthFailure.of(Reason.FORBIDDEN, "d").status());
    assertEquals(401, AuthFailure.of(Reason.REUSED, "d").status());
    assertEquals(401, AuthFailure.of(Reason.REVOKED, "d").status());
    assertEquals(503, AuthFailure.of(Reason.UNAVAILABLE, "d").status());
  }

  @Test
  void challengesFollowRfc6750() {
    assertEquals("Bearer", AuthFailure.of(Reason.MISSING_TOKEN, "d").wwwAuthenticate());
    assertTrue(
        AuthFailure.of(Reason.INVALID_REQUEST, "d")
            .wwwAuthenticate()
            .startsWith("Bearer error=\"invalid_request\""));
    assertTrue(
        AuthFailure.of(Reason.FORBIDDEN, "d")
            .wwwAuthenticate()
            .startsWith("Bearer error=\"insufficient_scope\""));
    for (Reason reason : new Reason[] {Reason.EXPIRED, Reason.REUSED, Reason.REVOKED}) {
      assertTrue(
          AuthFailure.of(reason, "d")
              .wwwAuthenticate()
              .startsWith("Bearer error=\"invalid_token\""),
          reason.toString());
    }
    assertNull(AuthFailure.of(Reason.UNAVAILABLE, "d").wwwAuthenticate());
  }
}
