package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link ApoJwt.Builder#template(Template)}: the template's finders and handler fill in what is not
 * set explicitly, in whatever order the calls come; {@code refresh(secret, period)} takes the
 * template's refresh finder; a finder's INVALID_REQUEST reaches the handler.
 */
class TemplateConfigTest {
  private static final String HANDLER = "com.example.Api";
  private static final AccessRule TOKEN = AccessRule.forMethod(HANDLER, "me()").token();
  private static final AccessRule REFRESH = AccessRule.forMethod(HANDLER, "refresh()").refresh();
  private static final AccessTable TABLE = AccessTable.of(HANDLER, TOKEN, REFRESH);

  /** An exception that says who made it. */
  static final class Marked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String by;
    final transient AuthFailure failure;

    Marked(String by, AuthFailure failure) {
      super(by, null, false, false);
      this.by = by;
      this.failure = failure;
    }
  }

  /** A template whose finders return fixed values and whose handler marks its exceptions. */
  static final class FixedTemplate implements Template {
    final String access;
    final String refresh;

    FixedTemplate(String access, String refresh) {
      this.access = access;
      this.refresh = refresh;
    }

    @Override
    public TokenFinder tokenFinder() {
      return call -> access;
    }

    @Override
    public TokenFinder refreshFinder() {
      return call -> refresh;
    }

    @Override
    public ExceptionHandler exceptionHandler() {
      return (failure, call) -> new Marked("template", failure);
    }

    @Override
    public String toString() {
      return "FixedTemplate";
    }
  }

  private static final ApoJwt ISSUER =
      TestTokens.hs256WithRefresh().expPeriod(Duration.ofMinutes(5)).build();
  private static final String ACCESS = ISSUER.createToken("from-template", List.of(), Map.of());
  private static final String REFRESH_TOKEN =
      ISSUER.createTokens("x", List.of(), Map.of(), Map.of("user_id", "u-7")).refresh();
  private static final String OTHER = ISSUER.createToken("explicit", List.of(), Map.of());

  private static ApoJwt.Builder base() {
    return TestTokens.hs256().expPeriod(Duration.ofMinutes(5));
  }

  private static Marked refused(ApoJwt jwt, AccessRule rule) {
    return assertThrows(
        Marked.class,
        () -> {
          if (rule.kind() == AccessRule.Kind.REFRESH) {
            jwt.authorizeRefresh(rule);
          } else {
            jwt.authorize(rule);
          }
        });
  }

  @Test
  void theTemplateProvidesBothFindersAndTheHandler() {
    ApoJwt jwt =
        base()
            .template(new FixedTemplate("Bearer " + ACCESS, REFRESH_TOKEN))
            .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1))
            .build();
    jwt.requireSupport(TABLE);
    assertEquals("from-template", jwt.authorize(TOKEN).subject());
    assertEquals(Map.of("user_id", "u-7"), jwt.authorizeRefresh(REFRESH).data());
    assertTrue(jwt.toString().contains("template=FixedTemplate"), jwt.toString());

    ApoJwt empty =
        base()
            .template(new FixedTemplate(null, null))
            .refresh(TestTokens.REFRESH_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofDays(1))
            .build();
    Marked access = refused(empty, TOKEN);
    assertEquals("template", access.by);
    assertEquals(AuthFailure.Reason.MISSING_TOKEN, access.failure.reason());
    assertEquals(AuthFailure.Reason.MISSING_TOKEN, refused(empty, REFRESH).failure.reason());
  }

  @Test
  void anExplicitFinderOrHandlerWinsInEitherOrder() {
    FixedTemplate template = new FixedTemplate(ACCESS, "garbage");
    TokenFinder explicitFinder = call -> OTHER;
    TokenFinder explicitRefresh = call -> REFRESH_TOKEN;
    ExceptionHandler explicitHandler = (failure, call) -> new Marked("explicit", failure);
    List<UnaryOperator<ApoJwt.Builder>> explicit =
        List.of(
            b -> b.tokenFinder(explicitFinder),
            b -> b.refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), explicitRefresh),
            b -> b.exceptionHandler(explicitHandler));
    for (boolean templateFirst : new boolean[] {true, false}) {
      ApoJwt.Builder b = base();
      if (templateFirst) {
        b.template(template);
      }
      for (UnaryOperator<ApoJwt.Builder> setting : explicit) {
        setting.apply(b);
      }
      if (!templateFirst) {
        b.template(template);
      }
      ApoJwt jwt = b.build();
      assertEquals("explicit", jwt.authorize(TOKEN).subject(), "template first: " + templateFirst);
      assertEquals(Map.of("user_id", "u-7"), jwt.authorizeRefresh(REFRESH).data());
      ApoJwt refusing = b.tokenFinder(call -> null).build();
      assertEquals("explicit", refused(refusing, TOKEN).by);
    }
    // Only the handler set explicitly: the finders still come from the template.
    ApoJwt mixed = base().exceptionHandler(explicitHandler).template(template).build();
    assertEquals("from-template", mixed.authorize(TOKEN).subject());
  }

  @Test
  void refreshWithoutAFinderOrTemplateIsRefusedByTheGuardThatNeedsOne() {
    ApoJwt jwt =
        base()
            .tokenFinder(call -> ACCESS)
            .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1))
            .build();
    // Issuing tokens needs no finder.
    assertEquals(
        Map.of("user_id", "u-9"),
        jwt.verifyRefresh(
                jwt.createTokens("s", List.of(), Map.of(), Map.of("user_id", "u-9")).refresh())
            .data());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> jwt.requireSupport(TABLE));
    assertTrue(
        e.getMessage().contains("com.example.Api.refresh() needs a refresh finder"),
        e.getMessage());
    assertTrue(e.getMessage().contains("template(...)"), e.getMessage());
    assertTrue(!e.getMessage().contains("me()"), e.getMessage());
    // A @Refresh method that reads its token from a @BearerToken parameter needs none.
    jwt.requireSupport(
        AccessTable.of(
            HANDLER,
            AccessRule.forMethod(HANDLER, "refresh(java.lang.String)")
                .bearerParameter(0)
                .refresh()));

    IllegalStateException noFinder =
        assertThrows(IllegalStateException.class, () -> base().build().requireSupport(TABLE));
    assertTrue(
        noFinder.getMessage().contains("me() needs a token finder: configure a template"),
        noFinder.getMessage());
    assertThrows(IllegalArgumentException.class, () -> base().template(null));
  }

  @Test
  void aFindersInvalidRequestReachesTheHandlerAsItIs() {
    ApoJwtException ambiguous =
        new ApoJwtException(AuthFailure.of(AuthFailure.Reason.INVALID_REQUEST, "two headers"));
    ApoJwt jwt =
        base()
            .tokenFinder(
                call -> {
                  throw ambiguous;
                })
            .refresh(
                TestTokens.REFRESH_SECRET,
                Duration.ofDays(1),
                call -> {
                  throw ambiguous;
                })
            .template(new FixedTemplate(ACCESS, REFRESH_TOKEN))
            .build();
    for (AccessRule rule : List.of(TOKEN, REFRESH)) {
      Marked m = refused(jwt, rule);
      assertSame(ambiguous.failure(), m.failure, rule.signature());
      assertEquals(400, m.failure.status());
    }
    // Without a handler the guard throws the finder's exception itself.
    ApoJwt bare =
        base()
            .tokenFinder(
                call -> {
                  throw ambiguous;
                })
            .build();
    assertSame(ambiguous, assertThrows(ApoJwtException.class, () -> bare.authorize(TOKEN)));
  }

  @Test
  void anyOtherExceptionFromAFinderStillMeansNoToken() {
    ApoJwtException expired =
        new ApoJwtException(AuthFailure.of(AuthFailure.Reason.EXPIRED, "finder's own check"));
    IllegalStateException bug = new IllegalStateException("finder bug");
    for (RuntimeException thrown : List.<RuntimeException>of(expired, bug)) {
      ApoJwt jwt =
          base()
              .tokenFinder(
                  call -> {
                    throw thrown;
                  })
              .build();
      ApoJwtException e = assertThrows(ApoJwtException.class, () -> jwt.authorize(TOKEN));
      assertEquals(AuthFailure.Reason.MISSING_TOKEN, e.reason());
      assertSame(thrown, e.getCause());
    }
  }
}
