package dev.apojwt;

import java.util.Objects;

/**
 * An access token and the refresh token issued with it, from {@link ApoJwt#createTokens}. Its
 * {@code toString} never shows the tokens: they are credentials.
 */
public final class TokenPair {
  private final String access;
  private final String refresh;

  TokenPair(String access, String refresh) {
    this.access = Objects.requireNonNull(access, "access");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /** The access token: send it as {@code Authorization: Bearer <token>}. */
  public String access() {
    return access;
  }

  /** The refresh token: keep it in an HttpOnly, Secure cookie. */
  public String refresh() {
    return refresh;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenPair
        && access.equals(((TokenPair) o).access)
        && refresh.equals(((TokenPair) o).refresh);
  }

  @Override
  public int hashCode() {
    return 31 * access.hashCode() + refresh.hashCode();
  }

  @Override
  public String toString() {
    return "TokenPair[access=<redacted>, refresh=<redacted>]";
  }
}
