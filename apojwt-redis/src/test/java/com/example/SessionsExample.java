package com.example;

import dev.apojwt.ApoJwt;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.redis.RedisSessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Login, refresh and logout of one service instance; its sessions are shared through Redis. */
public final class SessionsExample implements AutoCloseable {
  private final RedisSessionStore sessions;
  private final ApoJwt jwt;

  public SessionsExample(String redisUri, String secret, String refreshSecret) {
    // Or new MemorySessionStore(), for a service that runs as one instance.
    sessions = RedisSessionStore.create(redisUri);
    jwt =
        ApoJwt.builder()
            .secret(secret)
            // A session lasts one day from login, however often it is refreshed.
            .refresh(refreshSecret, Duration.ofDays(1))
            .sessions(sessions)
            .build();
  }

  /** After checking the password: a new session, whose id ("sid") both tokens carry. */
  public TokenPair login(String user, List<String> permissions) {
    return jwt.createTokens(user, permissions, Map.of(), Map.of());
  }

  /**
   * The next pair (in a guarded {@code @Refresh} method, the guard hands you {@code presented}). A
   * refresh token works once: presenting it again ends its session (401 REUSED), and every token of
   * that session is refused from then on (401 REVOKED), on every instance.
   */
  public TokenPair refresh(String refreshToken, List<String> permissions) {
    VerifiedRefresh presented = jwt.verifyRefresh(refreshToken);
    return jwt.rotate(presented, presented.subject(), permissions, Map.of(), Map.of());
  }

  /** Ends the session: its access tokens are refused too, without waiting for them to expire. */
  public void logout(String refreshToken) {
    jwt.logout(jwt.verifyRefresh(refreshToken));
  }

  /** Every session of the user, and every access token issued to them until now. */
  public void lockOut(String user) {
    jwt.revokeSubject(user);
  }

  /** Who an access token belongs to; checking it makes no call to Redis. */
  public String user(String accessToken) {
    return jwt.verify(accessToken).subject();
  }

  @Override
  public void close() {
    sessions.close();
  }
}
