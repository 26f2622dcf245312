package dev.apojwt;

/**
 * Turns a refused call into your web framework's error, e.g. Javalin's {@code new
 * UnauthorizedResponse(failure.message())}. The successor of apojwt's {@code exception_handler}.
 *
 * <p>It returns the exception for the guard to throw; it cannot let a refused call through. If it
 * returns null or throws, the guard throws the {@link ApoJwtException} itself (with what the
 * handler threw as a suppressed exception).
 */
@FunctionalInterface
public interface ExceptionHandler {
  /** The exception the guard should throw for {@code failure} on {@code call}. */
  RuntimeException handle(AuthFailure failure, Invocation call);
}
