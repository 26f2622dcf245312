package dev.apojwt.sample.web;

import java.util.Map;
import java.util.Objects;

/**
 * An error that becomes an HTTP response: a status, a machine-readable {@code error} code, a
 * client-safe {@code message} and any headers. Thrown by handlers; {@link ErrorResponses} writes it
 * as {@code {"error": ..., "message": ...}}, the shape of apojwt's refusals.
 *
 * <p>Errors are expected traffic (a wrong password, an expired token), not bugs, so no stack trace
 * is captured. The message must never contain a token, a password or a secret.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final transient Map<String, String> headers;

  public ApiError(int status, String error, String message, Map<String, String> headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx; got " + status);
    }
    this.status = status;
    this.error = Objects.requireNonNull(error, "error");
    this.headers = Map.copyOf(headers);
  }

  public ApiError(int status, String error, String message) {
    this(status, error, message, Map.of());
  }

  /** 400: the request cannot be understood (malformed JSON, a missing or invalid field). */
  public static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }

  /** 404: no such resource. */
  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  /**
   * 401 for a refresh token that verifies but may no longer be used (already rotated, logged out,
   * or its user is gone), answered as apojwt's template answers the refusals of its guards.
   */
  public static ApiError refreshRejected(String message) {
    return new ApiError(
        401,
        "invalid_token",
        message,
        Map.of(
            "WWW-Authenticate",
            "Bearer error=\"invalid_token\", error_description=\"" + message + "\"",
            "Cache-Control",
            "no-store"));
  }

  public int status() {
    return status;
  }

  /** The machine-readable code, e.g. {@code bad_request}, {@code expired}, {@code forbidden}. */
  public String error() {
    return error;
  }

  /** Response headers to send with the error (e.g. {@code WWW-Authenticate}). */
  public Map<String, String> headers() {
    return headers;
  }
}
