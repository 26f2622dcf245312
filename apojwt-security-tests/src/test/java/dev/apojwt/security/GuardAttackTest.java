package dev.apojwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.AuthFailure;
import dev.apojwt.security.GuardHarness.HttpError;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus row sent through a generated guard, by every way a token reaches it: the delegate is
 * never called, and what the exception handler returned is what surfaces.
 */
class GuardAttackTest {
  private static final Map<Services, GuardHarness> HARNESSES = new EnumMap<>(Services.class);

  private static GuardHarness harness(Services service) {
    return HARNESSES.computeIfAbsent(service, GuardHarness::new);
  }

  static List<AttackCase> corpus() {
    return AttackCorpus.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void neverReachesTheDelegate(AttackCase attack) {
    GuardHarness harness = harness(attack.service);
    int before = harness.recorder.calls.get();
    Victim guard = harness.guard;
    if (!attack.token.equals(attack.token.strip())) {
      // Whitespace around a header value is not part of it (RFC 9110 5.5): guards trim it, as
      // every HTTP server does, so these rows are only attacks on verify() itself.
      Victim.Request request = new Victim.Request("Bearer " + attack.token);
      assertEquals("get", guard.get(request));
      assertEquals(before + 1, harness.recorder.calls.get());
      return;
    }
    if (attack.kind == AttackCase.Kind.REFRESH) {
      assertRefused(attack, () -> guard.refresh(new Victim.Request(attack.token), null));
    } else {
      Victim.Request request = new Victim.Request("Bearer " + attack.token);
      assertRefused(attack, () -> guard.read(request, null));
      assertRefused(attack, () -> guard.get(request));
      assertRefused(attack, () -> guard.bearer("Bearer " + attack.token));
      assertRefused(attack, () -> guard.later(request).join());
    }
    assertEquals(before, harness.recorder.calls.get(), "the delegate was called");
  }

  private static void assertRefused(AttackCase attack, Runnable call) {
    RuntimeException thrown = assertThrows(RuntimeException.class, call::run, attack::toString);
    if (thrown instanceof CompletionException) {
      thrown = (RuntimeException) thrown.getCause(); // the async method's failed future
    }
    HttpError error = assertInstanceOf(HttpError.class, thrown);
    assertEquals(attack.reason, error.failure.reason(), () -> error.failure.toString());
    assertEquals(attack.status(), error.failure.status());
    AttackCorpusTest.assertEchoesNothing(attack.token, error.failure);
  }

  @Test
  void aMissingTokenIsRefusedWhereverItShouldHaveBeen() {
    GuardHarness harness = harness(Services.HMAC);
    for (String absent : Arrays.asList(null, "", "  ", "Bearer", "Bearer   ", "bearer\t")) {
      Victim.Request request = new Victim.Request(absent);
      for (Function<Victim, Object> call :
          List.<Function<Victim, Object>>of(
              v -> v.read(request, null),
              v -> v.get(request),
              v -> v.bearer(absent),
              v -> v.later(request).join(),
              v -> v.refresh(request, null))) {
        int before = harness.recorder.calls.get();
        RuntimeException e = assertThrows(RuntimeException.class, () -> call.apply(harness.guard));
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        HttpError error = assertInstanceOf(HttpError.class, cause);
        assertEquals(AuthFailure.Reason.MISSING_TOKEN, error.failure.reason());
        assertEquals("Bearer", error.failure.wwwAuthenticate());
        assertEquals(before, harness.recorder.calls.get());
      }
    }
  }

  @Test
  void aValidTokenWithoutThePermissionIsForbidden() {
    for (Services service : List.of(Services.HMAC, Services.RSA)) {
      GuardHarness harness = harness(service);
      String token =
          service
              .builder()
              .build()
              .createToken(AttackCorpus.MARKER, List.of("orders:write", "admin"), Map.of());
      Victim.Request request = new Victim.Request("Bearer " + token);
      int before = harness.recorder.calls.get();
      for (Runnable call :
          List.<Runnable>of(
              () -> harness.guard.get(request),
              () -> harness.guard.bearer("Bearer " + token),
              () -> harness.guard.later(request).join())) {
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        HttpError error = assertInstanceOf(HttpError.class, cause);
        assertEquals(AuthFailure.Reason.FORBIDDEN, error.failure.reason());
        assertEquals(403, error.failure.status());
      }
      assertEquals(before, harness.recorder.calls.get());
      // The same token is fine where no permission is needed.
      assertEquals("read:" + AttackCorpus.MARKER, harness.guard.read(request, null));
    }
  }

  @Test
  void theBaselineReachesTheDelegate() {
    GuardHarness harness = harness(Services.HMAC);
    var pair =
        Services.HMAC
            .builder()
            .build()
            .createTokens("user-1", List.of("orders:read"), Map.of(), Map.of("user_id", "user-1"));
    Victim.Request request = new Victim.Request("Bearer " + pair.access());
    assertEquals("read:user-1", harness.guard.read(request, null));
    assertEquals("get", harness.guard.get(request));
    assertEquals("bearer", harness.guard.bearer(pair.access()));
    assertEquals("later", harness.guard.later(request).join());
    assertEquals("refresh:user-1", harness.guard.refresh(new Victim.Request(pair.refresh()), null));
    assertTrue(harness.recorder.calls.get() >= 5);
  }
}
