package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared part of a template: the request passed, else the one bound, else none. */
class RequestTemplateTest {
  private static final AccessRule RULE = AccessRule.forMethod("com.example.Api", "me()").token();

  /** A framework's request: header name -> values. */
  record FakeRequest(Map<String, List<String>> headers) {}

  static final class FakeTemplate extends RequestTemplate<FakeRequest> {
    FakeTemplate(String cookie) {
      super(FakeRequest.class, cookie);
    }

    @Override
    protected Iterator<String> headers(FakeRequest request, String name) {
      List<String> values = request.headers().get(name);
      return values == null ? null : values.iterator();
    }

    /** What a hook does around the framework's handling of one request. */
    String during(FakeRequest request, TokenFinder finder, Object... arguments) {
      FakeRequest outer = bind(request);
      try {
        return finder.find(Invocation.of(RULE, arguments));
      } finally {
        unbind(outer);
      }
    }
  }

  private static FakeRequest request(String name, String... values) {
    return new FakeRequest(Map.of(name, List.of(values)));
  }

  @Test
  void theFindersReadTheBoundRequestOnlyWhileItIsBound() {
    FakeTemplate template = new FakeTemplate("rt");
    TokenFinder access = template.tokenFinder();
    TokenFinder refresh = template.refreshFinder();
    assertEquals("Bearer a", template.during(request("Authorization", "Bearer a"), access));
    assertEquals("r1", template.during(request("Cookie", "x=1; rt=r1"), refresh));
    assertNull(access.find(Invocation.of(RULE)), "nothing bound after the request");
    assertNull(template.during(new FakeRequest(Map.of()), access));
    assertEquals(
        AuthFailure.Reason.INVALID_REQUEST,
        assertThrows(
                ApoJwtException.class,
                () -> template.during(request("Authorization", "Bearer a", "Bearer b"), access))
            .reason());
    assertNull(access.find(Invocation.of(RULE)), "nothing bound after a failure either");
  }

  @Test
  void aRequestPassedToTheMethodWinsOverTheBoundOne() {
    FakeTemplate template = new FakeTemplate("rt");
    FakeRequest passed = request("Authorization", "Bearer passed");
    assertEquals(
        "Bearer passed",
        template.during(request("Authorization", "Bearer bound"), template.tokenFinder(), passed));
    assertEquals("Bearer passed", template.tokenFinder().find(Invocation.of(RULE, "x", passed)));
  }

  @Test
  void nestedBindingsRestoreTheOuterOne() {
    FakeTemplate template = new FakeTemplate("rt");
    FakeRequest outer = request("Authorization", "Bearer outer");
    FakeRequest previous = template.bind(outer);
    try {
      assertEquals(
          "Bearer inner",
          template.during(request("Authorization", "Bearer inner"), template.tokenFinder()));
      assertEquals("Bearer outer", template.tokenFinder().find(Invocation.of(RULE)));
    } finally {
      template.unbind(previous);
    }
    assertNull(template.tokenFinder().find(Invocation.of(RULE)));
  }

  @Test
  void theDefaultHandlerHandsOnTheFailureAndTheNameIsChecked() {
    FakeTemplate template = new FakeTemplate("rt");
    AuthFailure failure = AuthFailure.of(AuthFailure.Reason.EXPIRED, "d");
    RuntimeException e = template.exceptionHandler().handle(failure, Invocation.of(RULE));
    assertEquals(failure, ((ApoJwtException) e).failure());
    assertEquals("FakeTemplate[refreshCookie=rt]", template.toString());
    assertEquals("rt", template.refreshCookieName());
    assertThrows(IllegalArgumentException.class, () -> new FakeTemplate("r t"));
  }
}
