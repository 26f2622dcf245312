package dev.apojwt;

import java.util.Objects;

/**
 * A token was missing, invalid, or lacked a permission. Carries the {@link AuthFailure}: status
 * (401 or 403; 400 for an ambiguous request), reason, client-safe message and {@code
 * WWW-Authenticate} value.
 *
 * <p>The exception message is the failure's client-safe message: it never contains the token or a
 * secret. Auth failures are expected traffic, not bugs, so this exception does not capture a stack
 * trace (which keeps rejecting a token as cheap as accepting one).
 */
public final class ApoJwtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AuthFailure failure;

  /** An exception for {@code failure}. */
  public ApoJwtException(AuthFailure failure) {
    this(failure, null);
  }

  /** An exception for {@code failure}, caused by {@code cause} (kept for logs only). */
  public ApoJwtException(AuthFailure failure, Throwable cause) {
    super(Objects.requireNonNull(failure, "failure").message(), cause, true, false);
    this.failure = failure;
  }

  public AuthFailure failure() {
    return failure;
  }

  /** Shorthand for {@code failure().status()}. */
  public int status() {
    return failure.status();
  }

  /** Shorthand for {@code failure().reason()}. */
  public AuthFailure.Reason reason() {
    return failure.reason();
  }
}
