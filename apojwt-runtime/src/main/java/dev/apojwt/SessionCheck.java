package dev.apojwt;

/**
 * The revocation step of verification, with sessions configured: a per-call check that runs after
 * the claims checks, on every verification (also when the token's signature and claims are known
 * from earlier), because revocations change while a token lives. It reads the store's in-memory
 * view only: no network round trip per token.
 *
 * <p>A {@code sid} must be what apojwt writes (22 base64url characters), else the token is
 * MALFORMED; a refresh token must belong to a session. An access token without {@code sid} (made by
 * {@link ApoJwt#createToken}, or before sessions were turned on) is still checked against its
 * subject's revocation.
 */
final class SessionCheck {
  /** A session id: 128 random bits, base64url without padding, as {@link TokenIds} makes them. */
  static final int ID_LENGTH = 22;

  private final TokenKind kind;
  private final SessionStore store;

  SessionCheck(TokenKind kind, SessionStore store) {
    this.kind = kind;
    this.store = store;
  }

  void check(Claims claims) {
    String sid = claims.sid;
    if (sid != null) {
      if (!isId(sid)) {
        throw Failures.malformed("claim 'sid' is not a session id");
      }
    } else if (kind == TokenKind.REFRESH) {
      throw Failures.revoked("refresh token belongs to no session (made before sessions were on)");
    }
    if (kind == TokenKind.REFRESH && !isId(claims.jti)) {
      throw Failures.malformed("claim 'jti' of a session's refresh token is not a token id");
    }
    SessionStore.Status status;
    try {
      status = store.revocationStatus(sid, claims.sub, claims.iat);
    } catch (RuntimeException e) {
      throw Failures.storeFailed(e);
    }
    if (status == SessionStore.Status.REVOKED) {
      throw Failures.revoked("the token's session has ended, or its subject's tokens are revoked");
    }
    if (status != SessionStore.Status.VALID) {
      throw Failures.unavailable("the session store's view of revocations is out of date");
    }
  }

  /**
   * Whether {@code id} has the form of the ids apojwt makes: 22 base64url characters. Without a
   * branch per character: the characters of an id are random, so a chain of range tests would
   * mispredict at almost every one, on every verification.
   */
  static boolean isId(String id) {
    if (id == null || id.length() != ID_LENGTH) {
      return false;
    }
    int bad = 0;
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = id.charAt(i);
      bad |= (c >>> 7) | (Base64Url.classOf((byte) c) >>> 31);
    }
    return bad == 0;
  }
}
