package dev.apojwt;

import java.util.ArrayList;
import java.util.List;

/**
 * What a generated guard's calls into {@link ApoJwt} do: find the call's token, verify it, check
 * the rule's permissions, and on failure turn the refusal into the exception the configured handler
 * chooses. One per {@link ApoJwt}, immutable.
 */
final class GuardCalls {
  private final TokenVerifier<VerifiedToken> accessVerifier;
  private final TokenFinder tokenFinder;
  private final TokenVerifier<VerifiedRefresh> refreshVerifier;
  private final TokenFinder refreshFinder;
  private final String adminPermission;
  private final ExceptionHandler exceptionHandler;

  GuardCalls(
      TokenVerifier<VerifiedToken> accessVerifier,
      TokenFinder tokenFinder,
      TokenVerifier<VerifiedRefresh> refreshVerifier,
      TokenFinder refreshFinder,
      String adminPermission,
      ExceptionHandler exceptionHandler) {
    this.accessVerifier = accessVerifier;
    this.tokenFinder = tokenFinder;
    this.refreshVerifier = refreshVerifier;
    this.refreshFinder = refreshFinder;
    this.adminPermission = adminPermission;
    this.exceptionHandler = exceptionHandler;
  }

  /** See {@link ApoJwt#authorize}. */
  VerifiedToken authorize(AccessRule rule, Object[] arguments) {
    AccessRule.Kind kind = rule.kind();
    if (kind == AccessRule.Kind.PUBLIC || kind == AccessRule.Kind.REFRESH) {
      throw new IllegalArgumentException(
          "authorize checks access tokens; " + rule.signature() + " is " + kind);
    }
    VerifiedToken token;
    try {
      token = findAndVerify(rule, arguments, accessVerifier, tokenFinder);
    } catch (ApoJwtException e) {
      throw reject(e, rule, arguments);
    }
    if (!rule.permits(token, adminPermission)) {
      throw reject(Failures.forbidden(rule.forbiddenDetail), rule, arguments);
    }
    return token;
  }

  /** See {@link ApoJwt#authorizeRefresh}. */
  VerifiedRefresh authorizeRefresh(AccessRule rule, Object[] arguments) {
    if (rule.kind() != AccessRule.Kind.REFRESH) {
      throw new IllegalArgumentException(
          "authorizeRefresh checks refresh tokens; " + rule.signature() + " is " + rule.kind());
    }
    if (refreshVerifier == null) {
      throw new IllegalStateException(refreshNotConfigured(rule));
    }
    try {
      return findAndVerify(rule, arguments, refreshVerifier, refreshFinder);
    } catch (ApoJwtException e) {
      throw reject(e, rule, arguments);
    }
  }

  /** See {@link ApoJwt#requireSupport}. */
  void requireSupport(AccessTable table) {
    List<String> problems = new ArrayList<>();
    for (AccessRule rule : table.rules()) {
      String method = table.handler() + "." + rule.signature();
      switch (rule.kind()) {
        case PUBLIC:
          break;
        case REFRESH:
          if (refreshVerifier == null) {
            problems.add(refreshNotConfigured(rule));
          } else if (!rule.readsBearerParameter() && refreshFinder == null) {
            problems.add(
                method
                    + " needs a refresh finder: configure a template (ApoJwt.builder().template(...),"
                    + " e.g. JavalinTemplate.create()), or pass a finder to refresh(secret, period,"
                    + " finder), or give the method a @BearerToken parameter");
          }
          break;
        default:
          if (!rule.readsBearerParameter() && tokenFinder == null) {
            problems.add(
                method
                    + " needs a token finder: configure a template (ApoJwt.builder().template(...),"
                    + " e.g. JavalinTemplate.create()) or call ApoJwt.builder().tokenFinder(...), or"
                    + " give the method a @BearerToken parameter");
          }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "this ApoJwt cannot guard " + table.handler() + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static String refreshNotConfigured(AccessRule rule) {
    return rule.handler()
        + "."
        + rule.signature()
        + " is @Refresh but refresh is not configured: call ApoJwt.builder().refresh(secret,"
        + " period)";
  }

  /**
   * Finds this call's token (the {@code @BearerToken} argument, else the finder) and verifies it in
   * place within the value found.
   */
  private static <T> T findAndVerify(
      AccessRule rule, Object[] arguments, TokenVerifier<T> verifier, TokenFinder finder) {
    String value = find(rule, arguments, verifier.kind(), finder);
    int end = BearerValue.end(value);
    int start = BearerValue.start(value, end);
    if (start == end) {
      throw Failures.missing(
          verifier.kind(),
          rule.readsBearerParameter() ? "the bearer argument is empty" : "the finder found none");
    }
    return verifier.verify(value, start, end);
  }

  /** The value holding the token: the {@code @BearerToken} argument, else what the finder says. */
  private static String find(
      AccessRule rule, Object[] arguments, TokenKind kind, TokenFinder finder) {
    if (rule.readsBearerParameter()) {
      Object argument = arguments[rule.bearerParameter()];
      if (argument != null && !(argument instanceof String)) {
        throw new IllegalArgumentException(
            "the @BearerToken argument of " + rule.signature() + " is not a String");
      }
      return (String) argument;
    }
    if (finder == null) {
      throw new IllegalStateException(
          rule.signature() + " has no token finder; the guard's constructor should have said so");
    }
    try {
      return finder.find(new Invocation(rule, arguments));
    } catch (ApoJwtException e) {
      if (e.reason() == AuthFailure.Reason.INVALID_REQUEST) {
        throw e; // the finder's word that the request is ambiguous: the handler answers it
      }
      throw new ApoJwtException(
          Failures.missing(kind, "the token finder threw an exception").failure(), e);
    } catch (RuntimeException e) {
      throw new ApoJwtException(
          Failures.missing(kind, "the token finder threw an exception").failure(), e);
    }
  }

  /**
   * What to throw for a refused call: the exception handler's exception, or the ApoJwtException
   * itself when there is no handler, or it returned null, or it threw.
   */
  private RuntimeException reject(ApoJwtException failure, AccessRule rule, Object[] arguments) {
    if (exceptionHandler == null) {
      return failure;
    }
    try {
      RuntimeException handled =
          exceptionHandler.handle(failure.failure(), new Invocation(rule, arguments));
      return handled != null ? handled : failure;
    } catch (RuntimeException handlerFailure) {
      failure.addSuppressed(handlerFailure);
      return failure;
    }
  }
}
