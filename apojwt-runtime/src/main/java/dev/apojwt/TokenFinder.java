package dev.apojwt;

/**
 * Finds the caller's token for a guarded call, typically in the request's {@code Authorization}
 * header or, for refresh tokens, in a cookie. The successor of apojwt's {@code token_finder}.
 *
 * <pre>{@code
 * TokenFinder fromHeader = call -> call.argument(Context.class).header("Authorization");
 * }</pre>
 */
@FunctionalInterface
public interface TokenFinder {
  /**
   * The token for {@code call}: a bare token, or an {@code Authorization} header value (a {@code
   * Bearer} prefix in any case is removed). Null or blank means no token (401 MISSING_TOKEN). An
   * exception thrown here also counts as no token; it is kept as the cause. The one exception: an
   * {@link ApoJwtException} with {@link AuthFailure.Reason#INVALID_REQUEST} (the request carries
   * two tokens, and choosing one would be a guess) is passed on as it is, through the exception
   * handler.
   */
  String find(Invocation call);
}
