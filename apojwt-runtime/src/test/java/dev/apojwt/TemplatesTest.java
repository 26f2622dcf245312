package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What every template shares: the one bearer header, the one cookie, the refusal's body. */
class TemplatesTest {

  private static String bearer(String... headers) {
    return Templates.bearerToken(Arrays.asList(headers).iterator());
  }

  private static String cookie(String name, String... headers) {
    return Templates.cookie(Arrays.asList(headers).iterator(), name);
  }

  private static AuthFailure.Reason refusal(Runnable call) {
    return assertThrows(ApoJwtException.class, call::run).reason();
  }

  @Test
  void oneBearerHeaderIsTheTokenAnyOtherSchemeIsNone() {
    assertEquals("Bearer abc", bearer("Bearer abc"));
    assertEquals("bEaReR\tabc", bearer("bEaReR\tabc"));
    assertEquals("  bearer abc ", bearer("  bearer abc "));
    assertEquals("Bearer", bearer("Bearer"));
    assertNull(bearer("Basic YWxpY2U6c2VjcmV0"));
    assertNull(bearer("Bearerabc"));
    assertNull(bearer("abc.def.ghi"));
    assertNull(bearer(""));
    assertNull(Templates.bearerToken(null));
    assertNull(Templates.bearerToken(Collections.emptyIterator()));
  }

  @Test
  void twoAuthorizationHeadersAreAmbiguousWhateverTheyHold() {
    for (String[] headers :
        List.of(
            new String[] {"Bearer a", "Bearer b"},
            new String[] {"Bearer a", "Bearer a"},
            new String[] {"Basic x", "Bearer a"},
            new String[] {"", ""},
            new String[] {"Bearer a", "Bearer b", "Bearer c"})) {
      ApoJwtException e = assertThrows(ApoJwtException.class, () -> bearer(headers));
      assertEquals(AuthFailure.Reason.INVALID_REQUEST, e.reason());
      assertEquals(400, e.status());
      assertEquals(
          "Bearer error=\"invalid_request\", error_description=\"" + e.getMessage() + "\"",
          e.failure().wwwAuthenticate());
      for (String header : headers) {
        assertTrue(header.isEmpty() || !e.getMessage().contains(header), e.getMessage());
      }
    }
  }

  @Test
  void theRefreshCookieIsFoundAmongOthersInAnyHeader() {
    assertEquals("abc", cookie("refresh_token", "refresh_token=abc"));
    assertEquals("abc", cookie("refresh_token", "a=1; refresh_token=abc; b=2"));
    assertEquals("abc", cookie("refresh_token", "a=1;refresh_token = abc ;b=2"));
    assertEquals("abc", cookie("refresh_token", "a=1", "refresh_token=\"abc\""));
    assertEquals("", cookie("refresh_token", "refresh_token="));
    assertEquals("x=y", cookie("refresh_token", "refresh_token=x=y"));
    assertEquals("abc", cookie("sid", "refresh_token=x; sid=abc"));
    assertNull(cookie("refresh_token", "Refresh_Token=abc; xrefresh_token=1; refresh_tokenx=2"));
    assertNull(cookie("refresh_token", "refresh_token", ";;; ;=;", "", "=refresh_token"));
    assertNull(Templates.cookie(null, "refresh_token"));
    assertNull(cookie("refresh_token", (String) null));
  }

  @Test
  void twoCookiesOfTheNameAreAmbiguous() {
    assertEquals(
        AuthFailure.Reason.INVALID_REQUEST,
        refusal(() -> cookie("refresh_token", "refresh_token=a; refresh_token=b")));
    assertEquals(
        AuthFailure.Reason.INVALID_REQUEST,
        refusal(() -> cookie("refresh_token", "refresh_token=a", "x=1; refresh_token=a")));
    assertEquals(
        AuthFailure.Reason.INVALID_REQUEST,
        refusal(() -> cookie("refresh_token", "refresh_token=; refresh_token=")));
  }

  @Test
  void cookieNamesAreRfc6265Tokens() {
    assertEquals("refresh_token", Templates.checkCookieName("refresh_token"));
    assertEquals("__Host-rt.v2", Templates.checkCookieName("__Host-rt.v2"));
    for (String bad : Arrays.asList(null, "", "a b", "a=b", "a;b", "a,b", "\"a\"", "é", "a\tb")) {
      assertThrows(IllegalArgumentException.class, () -> Templates.checkCookieName(bad), bad);
    }
  }

  @Test
  void theBodyIsJsonWithTheCodeAndTheMessage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (AuthFailure.Reason reason : AuthFailure.Reason.values()) {
      AuthFailure failure = AuthFailure.of(reason, "detail");
      String body = Templates.responseBody(failure);
      JsonNode node = json.readTree(body);
      assertEquals(2, node.size(), body);
      assertEquals(reason.code(), node.get("error").asText());
      assertEquals(failure.message(), node.get("message").asText());
      assertTrue(body.startsWith("{\"error\":\"" + reason.code() + "\",\"message\":\""), body);
    }
    // Messages are fixed ASCII today; the writer escapes whatever it is given all the same.
    String hostile = "q\" b\\ nl\n tab\t nul\u0000 del\u007f é \u2028 \ud800 end";
    AuthFailure odd = new AuthFailure(AuthFailure.Reason.MALFORMED, hostile, "d");
    String body = Templates.responseBody(odd);
    assertTrue(body.chars().allMatch(c -> c >= 0x20 && c < 0x7f), body);
    assertEquals(hostile, json.readTree(body).get("message").asText());
  }

  @Test
  void codesAreStableLowercaseNames() {
    Map<AuthFailure.Reason, String> expected =
        Map.ofEntries(
            Map.entry(AuthFailure.Reason.MISSING_TOKEN, "missing_token"),
            Map.entry(AuthFailure.Reason.MALFORMED, "malformed"),
            Map.entry(AuthFailure.Reason.BAD_ALGORITHM, "bad_algorithm"),
            Map.entry(AuthFailure.Reason.BAD_SIGNATURE, "bad_signature"),
            Map.entry(AuthFailure.Reason.EXPIRED, "expired"),
            Map.entry(AuthFailure.Reason.NOT_YET_VALID, "not_yet_valid"),
            Map.entry(AuthFailure.Reason.BAD_ISSUER, "bad_issuer"),
            Map.entry(AuthFailure.Reason.BAD_AUDIENCE, "bad_audience"),
            Map.entry(AuthFailure.Reason.WRONG_TOKEN_KIND, "wrong_token_kind"),
            Map.entry(AuthFailure.Reason.FORBIDDEN, "forbidden"),
            Map.entry(AuthFailure.Reason.INVALID_REQUEST, "invalid_request"),
            Map.entry(AuthFailure.Reason.REUSED, "reused"),
            Map.entry(AuthFailure.Reason.REVOKED, "revoked"),
            Map.entry(AuthFailure.Reason.UNAVAILABLE, "unavailable"));
    assertEquals(expected.size(), AuthFailure.Reason.values().length);
    expected.forEach(
        (reason, code) -> {
          assertEquals(code, reason.code());
          assertEquals(code, AuthFailure.of(reason, "d").code());
        });
    AuthFailure invalid = AuthFailure.of(AuthFailure.Reason.INVALID_REQUEST, "d");
    assertEquals(400, invalid.status());
    assertEquals("Invalid request - more than one token was sent", invalid.message());
  }

  @Test
  void failuresAreFoundInJoinedStagesOnly() {
    ApoJwtException refused = Failures.expired();
    assertSame(refused.failure(), Templates.failureOf(refused));
    assertSame(refused.failure(), Templates.failureOf(new CompletionException(refused)));
    assertSame(
        refused.failure(),
        Templates.failureOf(new ExecutionException(new CompletionException(refused))));
    CompletableFuture<String> failed = CompletableFuture.failedFuture(refused);
    assertSame(
        refused.failure(),
        Templates.failureOf(assertThrows(CompletionException.class, failed::join)));
    // Anything else is the application's own failure, even when it carries an auth failure.
    assertNull(Templates.failureOf(new IllegalStateException(refused)));
    assertNull(Templates.failureOf(new IllegalStateException("boom")));
    assertNull(Templates.failureOf(new CompletionException(null)));
    assertNull(Templates.failureOf(null));
  }
}
