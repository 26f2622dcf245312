package dev.apojwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus row, sent straight to verify() or verifyRefresh(). */
class AttackCorpusTest {
  private static final Map<Services, ApoJwt> SERVICES = new EnumMap<>(Services.class);

  static {
    for (Services service : Services.values()) {
      SERVICES.put(service, service.builder().build());
    }
  }

  static List<AttackCase> corpus() {
    return AttackCorpus.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusedWithTheRightStatusAndReason(AttackCase attack) {
    ApoJwt jwt = SERVICES.get(attack.service);
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () -> {
              if (attack.kind == AttackCase.Kind.ACCESS) {
                jwt.verify(attack.token);
              } else {
                jwt.verifyRefresh(attack.token);
              }
            });
    assertEquals(attack.reason, e.reason(), () -> e.failure().toString());
    assertEquals(attack.status(), e.status());
    assertEchoesNothing(attack.token, e.failure());
  }

  /** The client message, the detail and the challenge never contain attacker input. */
  static void assertEchoesNothing(String token, AuthFailure failure) {
    String said = failure.message() + "\n" + failure.detail() + "\n" + failure.wwwAuthenticate();
    assertFalse(said.contains(AttackCorpus.MARKER), said);
    for (String part : token.split("[.\\s]")) {
      if (part.length() >= 8) {
        assertFalse(said.contains(part), () -> "echoes a token part: " + said);
      }
    }
    assertFalse(said.contains(Services.SECRET) || said.contains(Services.REFRESH_SECRET), said);
  }

  @Test
  void theCorpusIsLargeAndCoversEveryTokenReason() {
    List<AttackCase> corpus = AttackCorpus.all();
    assertTrue(corpus.size() >= 150, "corpus has " + corpus.size() + " rows");
    Set<AuthFailure.Reason> covered =
        corpus.stream().map(c -> c.reason).collect(Collectors.toSet());
    Set<AuthFailure.Reason> expected = EnumSet.allOf(AuthFailure.Reason.class);
    expected.remove(AuthFailure.Reason.MISSING_TOKEN); // found, not sent: covered at the guard
    expected.remove(AuthFailure.Reason.FORBIDDEN); // a valid token: covered at the guard
    // Two tokens in one request, not a token: covered by the templates' HTTP suite.
    expected.remove(AuthFailure.Reason.INVALID_REQUEST);
    // Verdicts on state, not on a token's bytes: covered by the session and key-set suites.
    expected.removeAll(
        EnumSet.of(
            AuthFailure.Reason.REUSED, AuthFailure.Reason.REVOKED, AuthFailure.Reason.UNAVAILABLE));
    assertEquals(expected, covered);
    assertEquals(
        corpus.size(), corpus.stream().map(c -> c.name).distinct().count(), "names are unique");
  }

  @Test
  void theBaselineTokensOfEachServiceAreAccepted() {
    // Without this, a corpus row could "fail" for a reason unrelated to its attack.
    for (Services service : List.of(Services.HMAC, Services.RSA)) {
      ApoJwt jwt = SERVICES.get(service);
      String token = jwt.createToken("user-1", List.of("orders:read"), Map.of());
      assertEquals("user-1", jwt.verify(token).subject());
    }
    ApoJwt hmac = SERVICES.get(Services.HMAC);
    String forged =
        Forge.hs256(
            Services.SECRET,
            "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
            AttackCorpus.claims().toString());
    assertEquals(AttackCorpus.MARKER + "-subject", hmac.verify(forged).subject());
  }

  @Test
  void anOversizedTokenIsRefusedBeforeDecodingWithinMilliseconds() {
    ApoJwt jwt = SERVICES.get(Services.HMAC);
    String valid = jwt.createToken("u", List.of(), Map.of());
    String huge = valid + "A".repeat(16 << 20); // 16 MiB
    ApoJwtException e =
        assertTimeoutPreemptively(
            Duration.ofMillis(250),
            () -> assertThrows(ApoJwtException.class, () -> jwt.verify(huge)));
    assertEquals(AuthFailure.Reason.MALFORMED, e.reason());
    assertTrue(
        e.failure().detail().contains("longer than the configured maximum"), e.failure().detail());
  }
}
