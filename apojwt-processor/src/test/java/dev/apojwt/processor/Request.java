package dev.apojwt.processor;

/**
 * What a web framework's request is to the behavioural tests: the handler interfaces compiled in
 * memory take one, and the token finders of {@link Tokens} read it.
 */
public record Request(String authorization, String refreshCookie) {
  public static Request bearer(String token) {
    return new Request("Bearer " + token, null);
  }

  public static Request anonymous() {
    return new Request(null, null);
  }

  public static Request cookie(String refreshToken) {
    return new Request(null, refreshToken);
  }
}
