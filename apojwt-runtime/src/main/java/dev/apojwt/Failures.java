package dev.apojwt;

/**
 * Every failure the runtime reports, in one place: apojwt's client messages and fixed details.
 * Nothing here ever interpolates a value that came from the client.
 */
final class Failures {
  static final String MISSING = "JWT is missing - Token Finder failed";
  static final String MISSING_REFRESH = "Refresh JWT is missing - Refresh Token Finder failed";
  static final String MALFORMED = "Bad Format - JWT could not be decoded";
  static final String BAD_ALGORITHM = "JWT algorithm is not allowed";
  static final String BAD_SIGNATURE = "JWT signature is invalid";
  static final String EXPIRED = "JWT signature has expired";
  static final String NOT_YET_VALID = "JWT is not yet valid";
  static final String BAD_ISSUER = "JWT issuer is invalid";
  static final String BAD_AUDIENCE = "JWT audience is invalid";
  static final String NOT_ACCESS = "Wrong token kind - an access JWT is required";
  static final String NOT_REFRESH = "Wrong token kind - a refresh JWT is required";
  static final String FORBIDDEN = "JWT does not have permission for this action";
  static final String INVALID_REQUEST = "Invalid request - more than one token was sent";
  static final String REUSED = "Refresh JWT was already used - the session has ended";
  static final String REVOKED = "JWT has been revoked";
  static final String UNAVAILABLE = "JWT cannot be checked right now - try again later";

  private Failures() {}

  static String standardMessage(AuthFailure.Reason reason) {
    switch (reason) {
      case MISSING_TOKEN:
        return MISSING;
      case MALFORMED:
        return MALFORMED;
      case BAD_ALGORITHM:
        return BAD_ALGORITHM;
      case BAD_SIGNATURE:
        return BAD_SIGNATURE;
      case EXPIRED:
        return EXPIRED;
      case NOT_YET_VALID:
        return NOT_YET_VALID;
      case BAD_ISSUER:
        return BAD_ISSUER;
      case BAD_AUDIENCE:
        return BAD_AUDIENCE;
      case WRONG_TOKEN_KIND:
        return NOT_ACCESS;
      case FORBIDDEN:
        return FORBIDDEN;
      case INVALID_REQUEST:
        return INVALID_REQUEST;
      case REUSED:
        return REUSED;
      case REVOKED:
        return REVOKED;
      case UNAVAILABLE:
        return UNAVAILABLE;
      default:
        throw new AssertionError(reason);
    }
  }

  static ApoJwtException missing(TokenKind kind, String detail) {
    return fail(
        AuthFailure.Reason.MISSING_TOKEN,
        kind == TokenKind.REFRESH ? MISSING_REFRESH : MISSING,
        detail);
  }

  static ApoJwtException malformed(String detail) {
    return fail(AuthFailure.Reason.MALFORMED, MALFORMED, detail);
  }

  static ApoJwtException badAlgorithm(String detail) {
    return fail(AuthFailure.Reason.BAD_ALGORITHM, BAD_ALGORITHM, detail);
  }

  static ApoJwtException badSignature(String detail) {
    return fail(AuthFailure.Reason.BAD_SIGNATURE, BAD_SIGNATURE, detail);
  }

  static ApoJwtException expired() {
    return fail(AuthFailure.Reason.EXPIRED, EXPIRED, "claim 'exp' has passed");
  }

  static ApoJwtException notYetValid(String detail) {
    return fail(AuthFailure.Reason.NOT_YET_VALID, NOT_YET_VALID, detail);
  }

  static ApoJwtException badIssuer(String detail) {
    return fail(AuthFailure.Reason.BAD_ISSUER, BAD_ISSUER, detail);
  }

  static ApoJwtException badAudience(String detail) {
    return fail(AuthFailure.Reason.BAD_AUDIENCE, BAD_AUDIENCE, detail);
  }

  static ApoJwtException wrongKind(TokenKind expected, String detail) {
    return fail(
        AuthFailure.Reason.WRONG_TOKEN_KIND,
        expected == TokenKind.REFRESH ? NOT_REFRESH : NOT_ACCESS,
        detail);
  }

  static ApoJwtException forbidden(String detail) {
    return fail(AuthFailure.Reason.FORBIDDEN, FORBIDDEN, detail);
  }

  static ApoJwtException invalidRequest(String detail) {
    return fail(AuthFailure.Reason.INVALID_REQUEST, INVALID_REQUEST, detail);
  }

  static ApoJwtException reused(String detail) {
    return fail(AuthFailure.Reason.REUSED, REUSED, detail);
  }

  static ApoJwtException revoked(String detail) {
    return fail(AuthFailure.Reason.REVOKED, REVOKED, detail);
  }

  static ApoJwtException unavailable(String detail) {
    return fail(AuthFailure.Reason.UNAVAILABLE, UNAVAILABLE, detail);
  }

  /** The session store failed to answer: a 503, with the store's exception kept for logs. */
  static ApoJwtException storeFailed(RuntimeException cause) {
    return new ApoJwtException(
        new AuthFailure(
            AuthFailure.Reason.UNAVAILABLE, UNAVAILABLE, "the session store failed to answer"),
        cause);
  }

  private static ApoJwtException fail(AuthFailure.Reason reason, String message, String detail) {
    return new ApoJwtException(new AuthFailure(reason, message, detail));
  }
}
