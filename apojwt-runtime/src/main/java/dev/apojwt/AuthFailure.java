package dev.apojwt;

import java.util.Objects;

/**
 * Why a token was refused: an HTTP status (401, 403, or 400 for an ambiguous request), a {@link
 * Reason} and its stable {@link #code() code}, a client-safe {@link #message() message} (apojwt's
 * wording) and a developer-oriented {@link #detail() detail}. Neither text ever contains the token,
 * a value taken from it, or a secret.
 */
public final class AuthFailure {

  /** What went wrong. Each reason has a fixed HTTP status and a fixed {@link #code() code}. */
  public enum Reason {
    /** No token was found (the finder or the bearer parameter gave null or blank). 401. */
    MISSING_TOKEN(401, "missing_token"),
    /** The token is not a well-formed JWS compact token with valid JSON claims. 401. */
    MALFORMED(401, "malformed"),
    /** The header names another algorithm than the one this service is configured with. 401. */
    BAD_ALGORITHM(401, "bad_algorithm"),
    /** The signature does not match. 401. */
    BAD_SIGNATURE(401, "bad_signature"),
    /** {@code exp} has passed. 401. */
    EXPIRED(401, "expired"),
    /** {@code nbf} or {@code iat} lies in the future. 401. */
    NOT_YET_VALID(401, "not_yet_valid"),
    /** {@code iss} is missing or not the configured issuer. 401. */
    BAD_ISSUER(401, "bad_issuer"),
    /** {@code aud} does not name this service. 401. */
    BAD_AUDIENCE(401, "bad_audience"),
    /** A refresh token where an access token is required, or the reverse. 401. */
    WRONG_TOKEN_KIND(401, "wrong_token_kind"),
    /** The token is valid but lacks the permissions the method requires. 403. */
    FORBIDDEN(403, "forbidden"),
    /**
     * The request is ambiguous: it carries two or more {@code Authorization} headers, or two or
     * more refresh cookies of the configured name (RFC 6750 section 3.1 {@code invalid_request}). A
     * {@link TokenFinder} reports it by throwing an {@link ApoJwtException} with this reason. 400.
     */
    INVALID_REQUEST(400, "invalid_request"),
    /**
     * A refresh token that was already exchanged for a newer one was presented again: the whole
     * session it belongs to has been revoked (RFC 9700 section 4.14.2). 401.
     */
    REUSED(401, "reused"),
    /** The token's session was ended (logout, revocation), or its subject's tokens revoked. 401. */
    REVOKED(401, "revoked"),
    /**
     * The token could not be checked right now: no key set has been fetched yet, or the session
     * store cannot be reached. The server's failure, not the client's credentials. 503.
     */
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String code;

    Reason(int status, String code) {
      this.status = status;
      this.code = code;
    }

    /**
     * The HTTP status for this reason: 401, 403 for {@link #FORBIDDEN}, 400 for {@link
     * #INVALID_REQUEST}, 503 for {@link #UNAVAILABLE}.
     */
    public int status() {
      return status;
    }

    /**
     * The reason as a stable lowercase code for response bodies and logs, e.g. {@code expired},
     * {@code forbidden}, {@code missing_token}. Written out here rather than derived from the
     * constant's name, so that it never changes with a rename.
     */
    public String code() {
      return code;
    }
  }

  private final Reason reason;
  private final String message;
  private final String detail;

  AuthFailure(Reason reason, String message, String detail) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message = Objects.requireNonNull(message, "message");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /**
   * A failure with the standard message of {@code reason} and the given detail; handy for testing
   * an {@link ExceptionHandler}. The guards create their own.
   */
  public static AuthFailure of(Reason reason, String detail) {
    return new AuthFailure(reason, Failures.standardMessage(reason), detail);
  }

  /**
   * 401, 403 for a missing permission, 400 for an ambiguous request, 503 when the token cannot be
   * checked right now.
   */
  public int status() {
    return reason.status();
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The reason as a stable lowercase code ({@code expired}, {@code forbidden}, {@code
   * missing_token}, ...): the {@code error} member of the JSON body a template answers with.
   */
  public String code() {
    return reason.code();
  }

  /** The message for the client, in apojwt's words (for example "JWT signature has expired"). */
  public String message() {
    return message;
  }

  /**
   * Which check failed, for logs (for example "claim 'exp' is missing"). Fixed text chosen by
   * apojwt: it never echoes what the client sent.
   */
  public String detail() {
    return detail;
  }

  /**
   * The value of the {@code WWW-Authenticate} response header (RFC 6750 section 3): a bare {@code
   * Bearer} challenge when no token was sent, {@code error="invalid_token"} for other 401s, {@code
   * error="insufficient_scope"} for a 403 and {@code error="invalid_request"} for a 400; null for a
   * 503 ({@link Reason#UNAVAILABLE}), which is no challenge to the client's credentials.
   */
  public String wwwAuthenticate() {
    switch (reason) {
      case UNAVAILABLE:
        return null;
      case MISSING_TOKEN:
        return "Bearer";
      case FORBIDDEN:
        return "Bearer error=\"insufficient_scope\", error_description=\"" + message + "\"";
      case INVALID_REQUEST:
        return "Bearer error=\"invalid_request\", error_description=\"" + message + "\"";
      default:
        return "Bearer error=\"invalid_token\", error_description=\"" + message + "\"";
    }
  }

  @Override
  public String toString() {
    return status() + " " + reason + ": " + message + " (" + detail + ")";
  }
}
