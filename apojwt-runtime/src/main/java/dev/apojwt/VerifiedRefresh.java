package dev.apojwt;

import java.time.Instant;
import java.util.Map;

/**
 * A verified refresh token (signed with the refresh secret, never an access token). Immutable. Made
 * by {@link ApoJwt#verifyRefresh} and by generated guards for {@code @Refresh} methods.
 */
public final class VerifiedRefresh {
  private final String subject;
  private final Map<String, Object> data;
  private final long issuedAt;
  private final long expiresAt;
  private final String id;
  private final String sessionId;

  VerifiedRefresh(Claims claims) {
    this.subject = claims.sub;
    this.data = claims.data == null ? Map.of() : claims.data;
    this.issuedAt = claims.iat;
    this.expiresAt = claims.exp;
    this.id = claims.jti;
    this.sessionId = claims.sessionId();
  }

  /** The subject, or null: apojwt 1.7's refresh tokens carry none. */
  public String subject() {
    return subject;
  }

  /** The refresh data ({@code data}): unmodifiable, empty when the token has none. */
  public Map<String, Object> data() {
    return data;
  }

  /** When the token was issued ({@code iat}), or null when it does not say. */
  public Instant issuedAt() {
    return VerifiedToken.instant(issuedAt);
  }

  /** When the token expires ({@code exp}); always present. */
  public Instant expiresAt() {
    return VerifiedToken.instant(expiresAt);
  }

  /** The token id ({@code jti}), or null when it has none (apojwt 1.7 tokens). */
  public String id() {
    return id;
  }

  /**
   * The session id ({@code sid}): the login session the token belongs to, the same across rotations
   * (see {@link ApoJwt.Builder#sessions}); null when the token has none.
   */
  public String sessionId() {
    return sessionId;
  }

  @Override
  public String toString() {
    return "VerifiedRefresh[subject=" + subject + ", expiresAt=" + expiresAt() + "]";
  }
}
