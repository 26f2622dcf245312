package dev.apojwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verified access token: signature, algorithm, expiry, issuer and audience have been checked.
 * Immutable. Made by {@link ApoJwt#verify} and by generated guards, which pass it to a handler
 * method that declares a parameter of this type.
 */
public final class VerifiedToken {
  private final String subject;
  private final PermissionSet permissions;
  private final Map<String, Object> data;
  private final String issuer;
  private final List<String> audience;
  private final long issuedAt;
  private final long notBefore;
  private final long expiresAt;
  private final String id;
  private final String sessionId;

  VerifiedToken(Claims claims) {
    this.subject = claims.sub;
    this.permissions = new PermissionSet(claims.perms == null ? List.of() : claims.perms);
    this.data = claims.data == null ? Map.of() : claims.data;
    this.issuer = claims.iss;
    this.audience = claims.aud == null ? List.of() : claims.aud;
    this.issuedAt = claims.iat;
    this.notBefore = claims.nbf;
    this.expiresAt = claims.exp;
    this.id = claims.jti;
    this.sessionId = claims.sessionId();
  }

  /** The subject ({@code sub}); apojwt access tokens always carry one, possibly empty. */
  public String subject() {
    return subject;
  }

  /**
   * The permissions written in the token ({@code perms}, or the configured {@code
   * permissionsClaim}), in token order, without duplicates; empty when an identity provider's token
   * has none. No {@code @Implies} expansion and no admin rule: this is what the token says.
   */
  public Set<String> permissions() {
    return permissions;
  }

  /** Whether {@code perms} lists {@code permission} exactly (no implication, no admin rule). */
  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }

  /** The permissions with their fast membership tests, for the guard's checks. */
  PermissionSet permissionSet() {
    return permissions;
  }

  /** The {@code data} claim: unmodifiable, empty when the token has none. */
  public Map<String, Object> data() {
    return data;
  }

  /** The issuer ({@code iss}), equal to the configured issuer. */
  public String issuer() {
    return issuer;
  }

  /** The audience ({@code aud}) as a list, empty when the token has none. */
  public List<String> audience() {
    return audience;
  }

  /** When the token was issued ({@code iat}), or null when it does not say. */
  public Instant issuedAt() {
    return instant(issuedAt);
  }

  /** When the token becomes valid ({@code nbf}), or null when it does not say. */
  public Instant notBefore() {
    return instant(notBefore);
  }

  /** When the token expires ({@code exp}); always present. */
  public Instant expiresAt() {
    return instant(expiresAt);
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

  static Instant instant(long epochSecond) {
    return epochSecond == Claims.ABSENT ? null : Instant.ofEpochSecond(epochSecond);
  }

  @Override
  public String toString() {
    return "VerifiedToken[subject="
        + subject
        + ", permissions="
        + permissions
        + ", expiresAt="
        + expiresAt()
        + "]";
  }
}
