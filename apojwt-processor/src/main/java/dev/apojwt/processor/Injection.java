package dev.apojwt.processor;

/** What the guard passes for one parameter of a handler method. */
enum Injection {
  /** The caller's argument, unchanged. */
  NONE(null),
  /** The caller's argument, unchanged; it also carries the token ({@code @BearerToken}). */
  BEARER(null),
  /** {@code @TokenSubject}: {@code token.subject()}. */
  SUBJECT("subject()"),
  /** {@code @TokenData}: {@code token.data()}. */
  DATA("data()"),
  /** {@code @TokenPermissions}: {@code token.permissions()}. */
  PERMISSIONS("permissions()"),
  /** A {@code VerifiedToken} parameter: the token itself. */
  VERIFIED_TOKEN(""),
  /** {@code @RefreshData}: {@code refresh.data()}. */
  REFRESH_DATA("data()"),
  /** A {@code VerifiedRefresh} parameter: the refresh token itself. */
  VERIFIED_REFRESH("");

  /** The accessor called on the verified token, "" for the token itself, null for none. */
  final String accessor;

  Injection(String accessor) {
    this.accessor = accessor;
  }

  boolean fromAccessToken() {
    return this == SUBJECT || this == DATA || this == PERMISSIONS || this == VERIFIED_TOKEN;
  }

  boolean fromRefreshToken() {
    return this == REFRESH_DATA || this == VERIFIED_REFRESH;
  }

  /** Whether the guard replaces whatever the caller passed (the overload leaves it out). */
  boolean isFilledIn() {
    return accessor != null;
  }
}
