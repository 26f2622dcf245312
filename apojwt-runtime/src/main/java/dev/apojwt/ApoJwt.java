package dev.apojwt;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The configuration of one service: how its tokens are signed and verified, where guards find them,
 * and how refused calls are reported. The successor of apojwt's {@code ApoJWT} class. Immutable and
 * thread-safe: build one at start-up and share it.
 *
 * <pre>{@code
 * ApoJwt jwt = ApoJwt.builder()
 *     .secret(System.getenv("JWT_SECRET"))          // HS256, at least 32 bytes
 *     .issuer("apogee")
 *     .serverAudience("https://orders.example.com")
 *     .template(web)                                // e.g. JavalinTemplate.create(): the finders and the handler
 *     .refresh(System.getenv("JWT_REFRESH_SECRET"), Duration.ofDays(1))
 *     .build();
 *
 * String token = jwt.createToken("user-1", List.of("orders:read"), Map.of("tenant", "acme"));
 * VerifiedToken verified = jwt.verify(token);
 * }</pre>
 *
 * <p>Verification follows RFC 8725: the algorithms are pinned here and never taken from the token,
 * and a token's {@code kid} only chooses among the keys configured (or fetched from the configured
 * JWKS URI); every failure is an {@link ApoJwtException} with a 401, 403 or 503 and a reason.
 *
 * <p>{@link #authorize}, {@link #authorizeRefresh} and {@link #requireSupport} are called by the
 * generated {@code Guarded*} classes, not by application code: they are the contract between the
 * annotation processor and this runtime, and keep their signatures and behaviour so that guards
 * compiled against one version keep working.
 */
public final class ApoJwt implements AutoCloseable {
  /** The longest clock-skew allowance {@link Builder#build()} accepts. */
  public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

  /**
   * The longest token lifetime {@link Builder#build()} accepts: far beyond any sensible one, and
   * far inside the years a token's {@code exp} can express (up to 9999).
   */
  public static final Duration MAX_LIFETIME = Duration.ofDays(36_500);

  /** The default cap on a token's length, checked before anything is decoded. */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 8192;

  /** The longest {@link Builder#rotationGrace} accepts. */
  public static final Duration MAX_ROTATION_GRACE = Duration.ofMinutes(1);

  private final String description;
  private final Duration expPeriod;
  private final Duration refreshPeriod;
  private final Clock clock;
  private final Duration leeway;
  private final String adminPermission;
  private final TokenVerifier<VerifiedToken> accessVerifier;
  private final TokenWriter accessWriter;
  private final TokenVerifier<VerifiedRefresh> refreshVerifier;
  private final TokenWriter refreshWriter;
  private final GuardCalls guardCalls;
  private final RemoteKeySet remoteKeys;
  private final String cannotCreate;

  /** Null without sessions: stateless, as apojwt 1.7. */
  private final Sessions sessions;

  private ApoJwt(Builder b, KeyConfiguration.Resolved keys, HmacKey refreshKey) {
    List<String> audience = List.copyOf(b.serverAudience);
    long leeway = b.leeway.getSeconds();
    this.expPeriod = b.expPeriod;
    this.refreshPeriod = b.refreshPeriod;
    this.clock = b.clock;
    this.leeway = b.leeway;
    this.adminPermission = b.adminPermission;
    if (keys.jwksUri != null) {
      this.remoteKeys =
          new RemoteKeySet(
              keys.jwksUri,
              keys.allowed,
              b.clock,
              b.jwksTimeout,
              b.jwksOutageTolerance,
              b.jwksBackground != null
                  ? b.jwksBackground
                  : Background.daemon("apojwt-jwks " + keys.jwksUri.getHost()));
      RemoteKeySet.closeWhenUnreachable(this, remoteKeys);
    } else {
      this.remoteKeys = null;
    }
    // Tokens made here keep apojwt's shape; an identity provider's need not carry permissions.
    boolean apojwtShape = keys.signingKey != null;
    TokenVerifier.Setup<VerifiedToken> access = setup(TokenKind.ACCESS, b);
    access.keys = remoteKeys != null ? remoteKeys : KeySource.of(keys.verification);
    access.header = new HeaderCheck(TokenKind.ACCESS, keys.allowed, keys.verification.keys());
    access.permissionsClaim = b.permissionsClaim;
    access.checks = new ClaimChecks(TokenKind.ACCESS, b.issuer, audience, apojwtShape);
    access.result = VerifiedToken::new;
    access.cache =
        b.verifiedCache == 0 ? null : new VerifiedCache<>(b.verifiedCache, b.clock, leeway);
    this.accessVerifier = new TokenVerifier<>(access);
    this.accessWriter =
        keys.signingKey == null
            ? null
            : new TokenWriter(
                TokenKind.ACCESS,
                keys.signingKey,
                b.issuer,
                audience,
                b.expPeriod.getSeconds(),
                b.clock,
                b.ids,
                b.maxTokenLength);
    this.cannotCreate =
        remoteKeys != null
            ? "this ApoJwt verifies the tokens of the keys at its jwksUri: it cannot create tokens"
            : "this ApoJwt has only a verification key: configure signingKeys(KeyPair) to create"
                + " tokens";
    if (refreshKey == null) {
      this.refreshVerifier = null;
      this.refreshWriter = null;
    } else {
      TokenVerifier.Setup<VerifiedRefresh> refresh = setup(TokenKind.REFRESH, b);
      refresh.keys = KeySource.of(new KeySet(List.of(refreshKey)));
      refresh.header =
          new HeaderCheck(TokenKind.REFRESH, EnumSet.of(refreshKey.algorithm), List.of(refreshKey));
      refresh.checks = new ClaimChecks(TokenKind.REFRESH, b.issuer, audience, true);
      refresh.result = VerifiedRefresh::new;
      this.refreshVerifier = new TokenVerifier<>(refresh);
      this.refreshWriter =
          new TokenWriter(
              TokenKind.REFRESH,
              refreshKey,
              b.issuer,
              audience,
              b.refreshPeriod.getSeconds(),
              b.clock,
              b.ids,
              b.maxTokenLength);
    }
    this.sessions =
        b.sessionStore == null
            ? null
            : new Sessions(
                b.sessionStore,
                accessWriter,
                refreshWriter,
                b.clock,
                leeway,
                b.sessionLifetime().getSeconds(),
                b.expPeriod.getSeconds(),
                b.rotationGrace.getSeconds());
    // A finder or handler set explicitly wins over the template's, whatever the order of the calls.
    Template template = b.template;
    this.guardCalls =
        new GuardCalls(
            accessVerifier,
            b.tokenFinder != null || template == null ? b.tokenFinder : template.tokenFinder(),
            refreshVerifier,
            b.refreshFinder != null || template == null
                ? b.refreshFinder
                : template.refreshFinder(),
            b.adminPermission,
            b.exceptionHandler != null || template == null
                ? b.exceptionHandler
                : template.exceptionHandler());
    this.description = describe(b, keys, refreshKey, audience, template);
  }

  /** What verifying either kind of token shares: the clock, the leeway, the limit, sessions. */
  private static <T> TokenVerifier.Setup<T> setup(TokenKind kind, Builder b) {
    TokenVerifier.Setup<T> setup = new TokenVerifier.Setup<>();
    setup.kind = kind;
    setup.clock = b.clock;
    setup.leewaySeconds = b.leeway.getSeconds();
    setup.maxLength = b.maxTokenLength;
    setup.sessions = b.sessionStore == null ? null : new SessionCheck(kind, b.sessionStore);
    return setup;
  }

  private static String describe(
      Builder b,
      KeyConfiguration.Resolved keys,
      HmacKey refreshKey,
      List<String> audience,
      Template template) {
    StringBuilder text = new StringBuilder("ApoJwt[");
    if (keys.signingKey != null) {
      text.append("algorithm=").append(keys.signingKey.algorithm);
      if (keys.allowed.size() > 1) {
        text.append(", algorithms=").append(keys.allowed);
      }
    } else {
      text.append(keys.allowed.size() == 1 ? "algorithm=" : "algorithms=");
      text.append(keys.allowed.size() == 1 ? keys.allowed.iterator().next() : keys.allowed);
      text.append(" (verify only)");
    }
    List<String> kids = new ArrayList<>();
    for (JwsKey key : keys.verification.keys()) {
      if (key.kid != null && !kids.contains(key.kid)) {
        kids.add(key.kid);
      }
    }
    if (!kids.isEmpty()) {
      text.append(", kids=").append(kids);
    }
    if (keys.jwksUri != null) {
      text.append(", jwksUri=").append(keys.jwksUri);
    }
    text.append(", issuer=").append(b.issuer);
    text.append(", serverAudience=").append(audience);
    text.append(", expPeriod=").append(b.expPeriod);
    text.append(
        refreshKey == null
            ? ", refresh=off"
            : ", refresh=" + refreshKey.algorithm + "/" + b.refreshPeriod);
    if (b.adminPermission != null) {
      text.append(", adminPermission=").append(b.adminPermission);
    }
    if (b.permissionsClaim != null) {
      text.append(", permissionsClaim=").append(b.permissionsClaim.name());
    }
    if (b.verifiedCache > 0) {
      text.append(", verifiedCache=").append(b.verifiedCache);
    }
    if (b.sessionStore != null) {
      text.append(", sessions=")
          .append(b.sessionStore.getClass().getSimpleName())
          .append("/")
          .append(b.sessionLifetime())
          .append(", rotationGrace=")
          .append(b.rotationGrace);
    }
    if (template != null) {
      text.append(", template=").append(template);
    }
    text.append(", leeway=").append(b.leeway);
    text.append(", maxTokenLength=").append(b.maxTokenLength);
    return text.append("]").toString();
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- tokens

  /**
   * Creates an access token for {@code subject} holding {@code permissions}, with {@code data} as
   * its {@code data} claim. apojwt's {@code create_token} without refresh.
   *
   * @throws IllegalArgumentException if an argument is null or {@code data} holds something other
   *     than JSON values (String, Number, Boolean, null, List, Map with String keys)
   * @throws IllegalStateException if this ApoJwt can only verify (public keys, or a JWKS URI)
   */
  public String createToken(String subject, Collection<String> permissions, Map<String, ?> data) {
    return writer().write(subject, permissionsGiven(permissions), data);
  }

  /**
   * Creates an access token as {@link #createToken(String, Collection, Map)} does, but as if at
   * {@code issuedAt} rather than at this ApoJwt's clock: its {@code iat} and {@code nbf} are {@code
   * issuedAt} (in whole seconds, rounded down) and its {@code exp} is {@code issuedAt} plus {@link
   * #expPeriod()}. The lifetime stays the configured one. For tests of expiry and clock skew (a
   * token that expired an hour ago, one that is valid only from tomorrow), and for tokens that a
   * service hands out ahead of time.
   *
   * @throws IllegalArgumentException if an argument is null, if {@code issuedAt} is before 1970 or
   *     so late that {@code exp} would pass 9999-12-31, or as {@link #createToken(String,
   *     Collection, Map)}
   * @throws IllegalStateException if this ApoJwt can only verify
   */
  public String createToken(
      String subject, Collection<String> permissions, Map<String, ?> data, Instant issuedAt) {
    if (issuedAt == null) {
      throw new IllegalArgumentException(
          "issuedAt must not be null: use createToken(sub, perms, data) for now");
    }
    long seconds = issuedAt.getEpochSecond();
    if (seconds < 0 || seconds > Claims.MAX_NUMERIC_DATE - expPeriod.getSeconds()) {
      throw new IllegalArgumentException(
          "issuedAt must lie between 1970 and 9999-12-31 minus expPeriod; got " + issuedAt);
    }
    return writer().write(subject, permissionsGiven(permissions), data, seconds);
  }

  /** The access token writer, unless this ApoJwt only verifies. */
  private TokenWriter writer() {
    if (accessWriter == null) {
      throw new IllegalStateException(cannotCreate);
    }
    return accessWriter;
  }

  private static Collection<String> permissionsGiven(Collection<String> permissions) {
    if (permissions == null) {
      throw new IllegalArgumentException("permissions must not be null: pass List.of() for none");
    }
    return permissions;
  }

  /**
   * Creates an access token and a refresh token carrying {@code refreshData}. apojwt's {@code
   * create_token} with refresh configured.
   *
   * <p>With {@linkplain Builder#sessions sessions}, this starts a new session (a login): both
   * tokens carry its id as {@code sid}, and neither expires after the session's end.
   *
   * @throws IllegalStateException if refresh is not configured ({@link Builder#refresh})
   * @throws ApoJwtException 503 {@link AuthFailure.Reason#UNAVAILABLE} when the session store
   *     cannot be reached
   */
  public TokenPair createTokens(
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      Map<String, ?> refreshData) {
    if (refreshWriter == null) {
      throw new IllegalStateException(
          "refresh is not configured: call ApoJwt.builder().refresh(secret, period)");
    }
    if (sessions != null) {
      return sessions.start(subject, permissionsGiven(permissions), data, refreshData);
    }
    String access = createToken(subject, permissions, data);
    return new TokenPair(access, refreshWriter.write(subject, null, refreshData));
  }

  /**
   * Exchanges a session's current refresh token for the next pair (refresh-token rotation, RFC 9700
   * section 4.14.2): call it from a {@code @Refresh} method with the {@link VerifiedRefresh} the
   * guard passes. The session id stays the same; the new tokens never expire after the session's
   * end; permissions and data are whatever is passed (read them afresh from your user store).
   *
   * <p>Only the session's current refresh token rotates. Presenting one that was already rotated
   * revokes the whole session, on every instance sharing the store: this call fails with {@link
   * AuthFailure.Reason#REUSED}, and every later use of the session's tokens with {@link
   * AuthFailure.Reason#REVOKED}. With a {@linkplain Builder#rotationGrace grace window}, the
   * immediate predecessor, presented again within it, gets the same successor (a pair whose refresh
   * token has the current token's id) instead.
   *
   * @param subject the session's subject: {@code presented.subject()}
   * @throws ApoJwtException 401 {@code REUSED}, {@code REVOKED} (the session has ended) or {@code
   *     EXPIRED}; 503 {@code UNAVAILABLE} when the store cannot be reached (nothing changed, or the
   *     change is one a retry of the same token finds within the grace window)
   * @throws IllegalArgumentException if {@code subject} is not the session's, or data is not JSON
   * @throws IllegalStateException if sessions are not configured
   */
  public TokenPair rotate(
      VerifiedRefresh presented,
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      Map<String, ?> refreshData) {
    return sessions().rotate(presented, subject, permissionsGiven(permissions), data, refreshData);
  }

  /**
   * Ends the session of {@code presented} (a logout), on every instance sharing the store: none of
   * its tokens is accepted any more. Does nothing for a token of no session.
   *
   * @throws ApoJwtException 503 {@code UNAVAILABLE} when the store cannot be reached
   * @throws IllegalStateException if sessions are not configured
   */
  public void logout(VerifiedRefresh presented) {
    sessions().logout(presented);
  }

  /**
   * Ends session {@code sid} ({@link VerifiedToken#sessionId()}): none of its tokens is accepted
   * any more. Does nothing when there is no such live session.
   *
   * @throws IllegalArgumentException if {@code sid} is not a session id
   * @throws ApoJwtException 503 {@code UNAVAILABLE} when the store cannot be reached
   * @throws IllegalStateException if sessions are not configured
   */
  public void revokeSession(String sid) {
    sessions().revokeSession(sid);
  }

  /**
   * Ends every session of {@code subject} and revokes its access tokens issued until now, session
   * or not: every token of the subject whose {@code iat} is at or before the current second (a
   * token's {@code iat} is in whole seconds, so one issued later in that same second is refused
   * too; log in again from the next second on).
   *
   * @throws ApoJwtException 503 {@code UNAVAILABLE} when the store cannot be reached
   * @throws IllegalStateException if sessions are not configured
   */
  public void revokeSubject(String subject) {
    sessions().revokeSubject(subject);
  }

  private Sessions sessions() {
    if (sessions == null) {
      throw new IllegalStateException(
          "sessions are not configured: call ApoJwt.builder().sessions(new MemorySessionStore())"
              + " or sessions(RedisSessionStore.create(uri))");
    }
    return sessions;
  }

  /**
   * Verifies an access token (the bare token, without a {@code Bearer} prefix).
   *
   * @throws ApoJwtException with a 401 and the reason, whatever is wrong with the token
   */
  public VerifiedToken verify(String token) {
    return accessVerifier.verify(token);
  }

  /**
   * Verifies a refresh token.
   *
   * @throws ApoJwtException with a 401 and the reason, whatever is wrong with the token
   * @throws IllegalStateException if refresh is not configured
   */
  public VerifiedRefresh verifyRefresh(String token) {
    if (refreshVerifier == null) {
      throw new IllegalStateException(
          "refresh is not configured: call ApoJwt.builder().refresh(secret, period)");
    }
    return refreshVerifier.verify(token);
  }

  /**
   * The public keys that verify this service's access tokens, as an RFC 7517 JWK Set, for other
   * services to fetch (serve it at {@code /.well-known/jwks.json}): each with {@code kty}, {@code
   * kid} (when it has one), {@code use: "sig"}, {@code alg}, and its public parameters, never a
   * private one. HMAC secrets never appear: {@code {"keys":[]}} for an HMAC configuration. With a
   * {@link Builder#jwksUri JWKS URI}, the keys of the set fetched from it that this service uses.
   */
  public String jwks() {
    return JwkSetWriter.write(accessVerifier.keys().current());
  }

  /**
   * Stops what runs in the background: the refresh of a {@link Builder#jwksUri key set}'s keys
   * (nothing else does). Idempotent. The keys in hand keep verifying until they are older than the
   * {@link Builder#jwksOutageTolerance outage tolerance}; nothing refreshes them any more. Without
   * a JWKS URI, nothing happens. An ApoJwt that becomes unreachable without being closed stops its
   * refresh by itself, and the refresh thread is a daemon, so neither keeps the JVM alive.
   */
  @Override
  public void close() {
    if (remoteKeys != null) {
      remoteKeys.close();
    }
  }

  /** The lifetime of access tokens. */
  public Duration expPeriod() {
    return expPeriod;
  }

  /** The lifetime of refresh tokens, or null when refresh is not configured. */
  public Duration refreshPeriod() {
    return refreshPeriod;
  }

  /** The clock that tokens are created and checked with ({@link Builder#clock}). */
  public Clock clock() {
    return clock;
  }

  /**
   * The allowed clock skew for {@code exp}, {@code nbf} and {@code iat} ({@link Builder#leeway}).
   */
  public Duration leeway() {
    return leeway;
  }

  /** The permission that passes every permission check, or null when none is configured. */
  public String adminPermission() {
    return adminPermission;
  }

  /**
   * Whether this ApoJwt can create tokens: false when it was configured to verify only (with a
   * public key and no private key, or a JWKS URI), and {@link #createToken} would throw.
   */
  public boolean canCreateTokens() {
    return accessWriter != null;
  }

  // ---------------------------------------------------------------- for generated code only

  /**
   * <b>Called by generated guards; not for application code.</b> Checks a call of a method whose
   * rule needs an access token: finds the token (the {@code @BearerToken} argument, else the token
   * finder), verifies it and checks the rule's permissions (the admin permission passes every
   * check). Its signature and behaviour are part of the contract between the processor and this
   * runtime, so guards compiled against one version keep working.
   *
   * @param arguments the call's arguments, as the caller passed them
   * @return the verified token
   * @throws RuntimeException what the exception handler returned for the failure, else the {@link
   *     ApoJwtException}
   */
  public VerifiedToken authorize(AccessRule rule, Object... arguments) {
    return guardCalls.authorize(rule, arguments);
  }

  /**
   * <b>Called by generated guards; not for application code.</b> Checks a call of a
   * {@code @Refresh} method: finds the refresh token (the {@code @BearerToken} argument, else the
   * refresh finder) and verifies it.
   *
   * @throws RuntimeException what the exception handler returned for the failure, else the {@link
   *     ApoJwtException}
   */
  public VerifiedRefresh authorizeRefresh(AccessRule rule, Object... arguments) {
    return guardCalls.authorizeRefresh(rule, arguments);
  }

  /**
   * <b>Called by generated guard constructors; not for application code.</b> Fails fast when a
   * guard's methods need something this ApoJwt lacks: a token finder, the refresh configuration, or
   * a refresh finder.
   *
   * @throws IllegalStateException naming every method that could not be checked, and the fix
   */
  public void requireSupport(AccessTable table) {
    guardCalls.requireSupport(table);
  }

  /** The configuration, without any secret or key. */
  @Override
  public String toString() {
    return description;
  }

  // ---------------------------------------------------------------- builder

  /**
   * Configures an {@link ApoJwt}. Setters reject null at once; {@link #build()} checks the whole
   * configuration and says what to fix with an {@link IllegalArgumentException}.
   */
  public static final class Builder {
    private final KeyConfiguration keys = new KeyConfiguration();
    private URI jwksUri;
    private Duration jwksTimeout = RemoteKeySet.DEFAULT_TIMEOUT;
    private Duration jwksOutageTolerance = RemoteKeySet.DEFAULT_OUTAGE_TOLERANCE;
    private Background jwksBackground;
    private PermissionsClaim permissionsClaim;
    private int verifiedCache;
    private Duration expPeriod = Duration.ofSeconds(900);
    private String issuer = "";
    private List<String> serverAudience = List.of();
    private String adminPermission;
    private TokenFinder tokenFinder;
    private ExceptionHandler exceptionHandler;
    private byte[] refreshSecret;
    private Duration refreshPeriod;
    private TokenFinder refreshFinder;
    private Template template;
    private Clock clock = Clock.systemUTC();
    private Duration leeway = Duration.ZERO;
    private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
    private Supplier<String> ids;
    private SessionStore sessionStore;
    private Duration sessionLifetime;
    private Duration rotationGrace = Duration.ZERO;

    private Builder() {}

    /** The HMAC secret (its UTF-8 bytes), as apojwt's {@code secret}. */
    public Builder secret(String secret) {
      return secret(utf8(secretGiven(secret, "secret")));
    }

    /** The HMAC secret. */
    public Builder secret(byte[] secret) {
      keys.secret = secretGiven(secret, "secret").clone();
      keys.secretKid = null;
      return this;
    }

    /**
     * The active HMAC secret, named {@code kid}: tokens made here carry it in their header, so the
     * secret can be rotated (sign with a new one, keep the old one as a {@link
     * #verificationSecret(String, String) verification secret} until its tokens expire).
     */
    public Builder secret(String kid, String secret) {
      return secret(kid, utf8(secretGiven(secret, "secret")));
    }

    /** The active HMAC secret, named {@code kid}; see {@link #secret(String, String)}. */
    public Builder secret(String kid, byte[] secret) {
      keys.secret = secretGiven(secret, "secret").clone();
      keys.secretKid = KeyIds.configured(kid, "secret");
      return this;
    }

    /**
     * A further HMAC secret that verifies, but never signs: the previous secret while tokens made
     * with it live. Tokens naming {@code kid} are checked with it.
     */
    public Builder verificationSecret(String kid, String secret) {
      return verificationSecret(kid, utf8(secretGiven(secret, "verification secret")));
    }

    /** A further HMAC secret for tokens naming {@code kid}; see {@link #verificationSecret}. */
    public Builder verificationSecret(String kid, byte[] secret) {
      keys.verificationSecret(
          KeyIds.configured(kid, "verificationSecret"),
          secretGiven(secret, "verification secret").clone());
      return this;
    }

    /**
     * A further HMAC secret for tokens without {@code kid}: the secret of before kids, when the
     * active one now has a kid ({@link #secret(String, String)}).
     */
    public Builder verificationSecret(String secret) {
      return verificationSecret(utf8(secretGiven(secret, "verification secret")));
    }

    /** A further HMAC secret for tokens without {@code kid}. */
    public Builder verificationSecret(byte[] secret) {
      keys.verificationSecret(null, secretGiven(secret, "verification secret").clone());
      return this;
    }

    /**
     * The algorithm tokens made here are signed with: HS256 (default), HS384, HS512, RS256, RS384,
     * RS512, ES256, ES384, ES512 or EdDSA (Ed25519). Unless {@link #algorithms} says otherwise, the
     * only algorithm accepted.
     */
    public Builder algorithm(String algorithm) {
      keys.algorithm = notNull(algorithm, "algorithm");
      keys.algorithmSet = true;
      return this;
    }

    /**
     * The algorithms a token may be signed with, for public keys ({@link #verificationKey(String,
     * PublicKey)}) or a {@link #jwksUri JWKS URI}: an allow-list, checked before anything else. A
     * key is used only for its own algorithm: an EC key for its curve's, an RSA key for the RS*
     * algorithms listed, a key fetched with an {@code alg} for that one alone. With a JWKS URI and
     * neither this nor {@link #algorithm}, RS256.
     */
    public Builder algorithms(String... algorithms) {
      notNull(algorithms, "algorithms");
      if (algorithms.length == 0) {
        throw new IllegalArgumentException("algorithms must name at least one algorithm");
      }
      for (String a : algorithms) {
        notNull(a, "an algorithm");
      }
      keys.algorithms = List.of(algorithms);
      return this;
    }

    /**
     * The key pair for RS*, ES* or EdDSA algorithms: sign with the private key, verify with the
     * public.
     */
    public Builder signingKeys(KeyPair keys) {
      this.keys.signingKeys = notNull(keys, "signingKeys");
      this.keys.signingKid = null;
      return this;
    }

    /**
     * The active key pair, named {@code kid}: tokens made here carry {@code "kid":"<kid>"} in their
     * header, and {@link #jwks()} publishes its public half under that id. Rotate by making a new
     * pair the signing keys and keeping the old public key as a {@link #verificationKey(String,
     * PublicKey) verification key} while its tokens live.
     */
    public Builder signingKeys(String kid, KeyPair keys) {
      this.keys.signingKeys = notNull(keys, "signingKeys");
      this.keys.signingKid = KeyIds.configured(kid, "signingKeys");
      return this;
    }

    /**
     * Verify RS*, ES* or EdDSA tokens made elsewhere; without signing keys, this ApoJwt cannot
     * create tokens.
     */
    public Builder verificationKey(PublicKey key) {
      keys.verificationKey(null, notNull(key, "verificationKey"));
      return this;
    }

    /**
     * A further public key that verifies tokens naming {@code kid}: the previous signing key while
     * tokens made with it live, or the keys of another service. Call once per key.
     */
    public Builder verificationKey(String kid, PublicKey key) {
      keys.verificationKey(
          KeyIds.configured(kid, "verificationKey"), notNull(key, "verificationKey"));
      return this;
    }

    /**
     * Verify with the keys of the JWK Set (RFC 7517) published at {@code uri}: an identity
     * provider's ({@code https://auth.example.com/oauth2/jwks}) or an auth service's ({@link
     * #jwks()}). {@code https} only (plain {@code http} to a loopback address, for tests). The set
     * is fetched at {@link #build()} (which waits for it briefly, then lets it arrive in the
     * background), kept as long as its {@code Cache-Control: max-age} says (between 1 minute and 1
     * day; 5 minutes without one), and refreshed ahead in the background, never on a request
     * thread. A token naming an unknown {@code kid} makes one refetch, shared by all who wait for
     * it, at most every 30 seconds. Until a first set arrives, tokens are refused with {@link
     * AuthFailure.Reason#UNAVAILABLE} (503). Needs {@link #algorithms} (default RS256); excludes
     * local keys and secrets. Call {@link ApoJwt#close()} when done with the ApoJwt.
     */
    public Builder jwksUri(URI uri) {
      this.jwksUri = notNull(uri, "jwksUri");
      return this;
    }

    /**
     * How long the last key set fetched from the {@link #jwksUri JWKS URI} keeps serving after it
     * is due for a refresh that fails (the provider is down or unreachable): default 6 hours, at
     * most 7 days. Past it, tokens are refused with {@link AuthFailure.Reason#UNAVAILABLE} (503)
     * until a fetch succeeds again.
     */
    public Builder jwksOutageTolerance(Duration tolerance) {
      this.jwksOutageTolerance = notNull(tolerance, "jwksOutageTolerance");
      return this;
    }

    /**
     * The longest one fetch of the {@link #jwksUri JWKS URI} may take, connecting included: default
     * 5 seconds, between 100 milliseconds and 1 minute. {@link #build()} waits for the first fetch
     * at most this long, and at most 2 seconds.
     */
    public Builder jwksTimeout(Duration timeout) {
      this.jwksTimeout = notNull(timeout, "jwksTimeout");
      return this;
    }

    /** For tests: where the key set's fetches run, and when. */
    Builder jwksBackground(Background background) {
      this.jwksBackground = background;
      return this;
    }

    /**
     * Where the permissions of tokens this service does not make (a {@link #jwksUri JWKS URI}, or
     * verification keys only) are: a claim ({@code "scope"}) or a dotted path to a nested one
     * ({@code "realm_access.roles"}), holding an array of strings or a space-separated string. A
     * claim named exactly the whole name (dots included) wins over the path. Default {@code
     * "perms"}, apojwt's array. Such tokens need not carry permissions at all (RFC 9068). Guards,
     * {@code @Implies} and the admin permission work on these permissions as on apojwt's.
     */
    public Builder permissionsClaim(String claim) {
      this.permissionsClaim = PermissionsClaim.of(notNull(claim, "permissionsClaim"));
      return this;
    }

    /**
     * Keep up to {@code maxTokens} verified access tokens (Caffeine), keyed by the whole token: one
     * presented again skips the signature check and the parse, which for RS256 and ES256 is most of
     * the cost. Each entry lives no longer than its token ({@code exp}, plus the leeway); one whose
     * key leaves the key set (rotation, a fetched set that changed) is dropped. A hit still checks
     * what changes from call to call: expiry and {@code nbf} against the clock. Off by default;
     * each entry holds the token and its claims (about 1 to 2 KB).
     */
    public Builder verifiedCache(int maxTokens) {
      if (maxTokens < 1 || maxTokens > 10_000_000) {
        throw new IllegalArgumentException(
            "verifiedCache must hold 1 to 10,000,000 tokens; leave it out for no cache");
      }
      this.verifiedCache = maxTokens;
      return this;
    }

    /** How long access tokens are valid; default 15 minutes (apojwt's {@code exp_period}). */
    public Builder expPeriod(Duration period) {
      this.expPeriod = notNull(period, "expPeriod");
      return this;
    }

    /** The issuer ({@code iss}) written into tokens and required of them; default "". */
    public Builder issuer(String issuer) {
      // Written into every token: never one that verification would refuse.
      this.issuer = TokenWriter.wellFormed(notNull(issuer, "issuer"), "issuer");
      return this;
    }

    /**
     * This service's audience names; a token must name at least one (apojwt's {@code
     * server_audience}).
     */
    public Builder serverAudience(String... audience) {
      return serverAudience(Arrays.asList(notNull(audience, "serverAudience")));
    }

    /** This service's audience names; a token must name at least one. */
    public Builder serverAudience(List<String> audience) {
      notNull(audience, "serverAudience");
      for (String a : audience) {
        if (a == null || a.isBlank()) {
          throw new IllegalArgumentException("serverAudience entries must be non-blank");
        }
        TokenWriter.wellFormed(a, "a serverAudience entry");
      }
      this.serverAudience = List.copyOf(audience);
      return this;
    }

    /** A permission that passes every permission check (apojwt's {@code admin_permission}). */
    public Builder adminPermission(String permission) {
      notNull(permission, "adminPermission");
      if (permission.isBlank()) {
        throw new IllegalArgumentException("adminPermission must not be blank");
      }
      this.adminPermission = permission;
      return this;
    }

    /**
     * The framework template (apojwt's {@code template=}): its token finder, refresh finder and
     * exception handler, for whichever of the three is not set explicitly with {@link
     * #tokenFinder}, {@link #refresh(String, Duration, TokenFinder)} or {@link #exceptionHandler}
     * (before or after this call). E.g. {@code JavalinTemplate.create()}.
     */
    public Builder template(Template template) {
      this.template = notNull(template, "template");
      return this;
    }

    /**
     * Where guards find access tokens (apojwt's {@code token_finder}); wins over the template's.
     */
    public Builder tokenFinder(TokenFinder finder) {
      this.tokenFinder = notNull(finder, "tokenFinder");
      return this;
    }

    /**
     * Turns refused calls into your framework's errors (apojwt's {@code exception_handler}); wins
     * over the template's.
     */
    public Builder exceptionHandler(ExceptionHandler handler) {
      this.exceptionHandler = notNull(handler, "exceptionHandler");
      return this;
    }

    /**
     * Enables refresh tokens (apojwt's {@code config_refresh}): signed with {@code secret} (HMAC:
     * the access algorithm when it is HMAC, else HS256), valid for {@code period}, found by the
     * {@link #template(Template) template}'s refresh finder. Without a template, a guard whose
     * {@code @Refresh} method has no {@code @BearerToken} parameter says at construction that it
     * needs a refresh finder.
     */
    public Builder refresh(String secret, Duration period) {
      return refresh(secret, period, null);
    }

    /** Enables refresh tokens; see {@link #refresh(String, Duration)}. */
    public Builder refresh(byte[] secret, Duration period) {
      return refresh(secret, period, null);
    }

    /**
     * Enables refresh tokens (apojwt's {@code config_refresh}): signed with {@code secret} (HMAC:
     * the access algorithm when it is HMAC, else HS256), valid for {@code period}, found by {@code
     * finder}, which wins over the template's (null: the template's, if any; without one, only
     * {@code @Refresh} methods with a {@code @BearerToken} parameter can be guarded).
     */
    public Builder refresh(String secret, Duration period, TokenFinder finder) {
      return refresh(utf8(secretGiven(secret, "refresh secret")), period, finder);
    }

    /** Enables refresh tokens; see {@link #refresh(String, Duration, TokenFinder)}. */
    public Builder refresh(byte[] secret, Duration period, TokenFinder finder) {
      this.refreshSecret = secretGiven(secret, "refresh secret").clone();
      this.refreshPeriod = notNull(period, "refresh period");
      this.refreshFinder = finder;
      return this;
    }

    /**
     * The clock for {@code iat}, {@code nbf}, {@code exp} and their checks; default UTC system
     * clock.
     */
    public Builder clock(Clock clock) {
      this.clock = notNull(clock, "clock");
      return this;
    }

    /**
     * Allowed clock skew for {@code exp}, {@code nbf} and {@code iat}; default 0, at most 5
     * minutes.
     */
    public Builder leeway(Duration leeway) {
      this.leeway = notNull(leeway, "leeway");
      return this;
    }

    /** Longer tokens are refused before any decoding; default 8192 characters. */
    public Builder maxTokenLength(int length) {
      this.maxTokenLength = length;
      return this;
    }

    /**
     * Turns on sessions (RFC 9700 section 4.14): {@link ApoJwt#createTokens} starts a session whose
     * id both tokens carry ({@code sid}), {@link ApoJwt#rotate} exchanges its current refresh token
     * for the next with reuse detection, and {@link ApoJwt#logout}, {@link ApoJwt#revokeSession}
     * and {@link ApoJwt#revokeSubject} end sessions. Every verified token is then also checked
     * against the store's revocations, in memory. Needs {@link #refresh}. Without it, everything is
     * stateless, as in apojwt 1.7, and tokens carry no {@code sid}.
     *
     * @param store {@link MemorySessionStore} for one instance, {@code RedisSessionStore} for many
     */
    public Builder sessions(SessionStore store) {
      this.sessionStore = notNull(store, "sessions");
      return this;
    }

    /**
     * A session's absolute lifetime, from login: rotation never extends it, and no token of the
     * session expires later. Default: the refresh period (so every refresh token of a session
     * expires when the session does). Longer than the refresh period makes that period an idle
     * timeout: a session not refreshed within it ends sooner.
     */
    public Builder sessionLifetime(Duration lifetime) {
      this.sessionLifetime = notNull(lifetime, "sessionLifetime");
      return this;
    }

    /**
     * How long after a rotation the refresh token just rotated may be presented again and get the
     * same successor instead of revoking the session: for a client whose response was lost, or two
     * tabs refreshing at once. Default 0: any reuse revokes the session (RFC 9700 section 4.14.2).
     * Only the immediate predecessor is covered, and never yields a second live successor. At most
     * {@link #MAX_ROTATION_GRACE}, whole seconds.
     */
    public Builder rotationGrace(Duration grace) {
      this.rotationGrace = notNull(grace, "rotationGrace");
      return this;
    }

    private Duration sessionLifetime() {
      return sessionLifetime != null ? sessionLifetime : refreshPeriod;
    }

    /** For reproducible tokens in tests: where the {@code jti} of new tokens comes from. */
    Builder ids(Supplier<String> ids) {
      this.ids = ids;
      return this;
    }

    /**
     * Checks the configuration and builds the ApoJwt.
     *
     * @throws IllegalArgumentException saying what to fix
     */
    public ApoJwt build() {
      keys.jwksUri = jwksUri;
      KeyConfiguration.Resolved resolved = keys.resolve();
      checkDurations();
      if (maxTokenLength < 128 || maxTokenLength > 1 << 20) {
        throw new IllegalArgumentException(
            "maxTokenLength must be between 128 and 1048576 characters; got " + maxTokenLength);
      }
      if (resolved.signingKey != null && permissionsClaim != null) {
        throw new IllegalArgumentException(
            "permissionsClaim is for tokens this service does not make (jwksUri, or verification"
                + " keys only): the tokens made here carry their permissions in 'perms'");
      }
      if (jwksUri != null) {
        checkJwksDurations();
      }
      if (sessionStore != null && resolved.signingKey == null) {
        // Sessions are started and rotated where tokens are made; a verify-only instance would
        // build, then fail on its first createTokens or rotate.
        throw new IllegalArgumentException(
            "sessions(store) starts and rotates sessions, which needs a signing key: configure"
                + " secret(...) or signingKeys(...) on the service that issues the tokens");
      }
      HmacKey refreshKey = null;
      if (refreshSecret != null) {
        // Refresh tokens go back only to this service: always HMAC, with the access algorithm
        // when that is HMAC.
        refreshKey = HmacKey.of(resolved.refreshAlgorithm(), refreshSecret, "refresh secret");
        for (HmacKey accessKey : resolved.hmacKeys()) {
          if (accessKey.isSameKeyAs(refreshKey)) {
            throw new IllegalArgumentException(
                "the refresh secret must differ from the access secret, or a refresh token could"
                    + " be checked with the access key");
          }
        }
      }
      return new ApoJwt(this, resolved, refreshKey);
    }

    private void checkJwksDurations() {
      if (jwksTimeout.compareTo(Duration.ofMillis(100)) < 0
          || jwksTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "jwksTimeout must be between 100 milliseconds and 1 minute; got " + jwksTimeout);
      }
      if (jwksOutageTolerance.isNegative()
          || jwksOutageTolerance.compareTo(RemoteKeySet.MAX_OUTAGE_TOLERANCE) > 0) {
        throw new IllegalArgumentException(
            "jwksOutageTolerance must be between 0 and 7 days; got " + jwksOutageTolerance);
      }
    }

    private void checkDurations() {
      if (expPeriod.isNegative() || expPeriod.isZero() || expPeriod.getNano() != 0) {
        throw new IllegalArgumentException(
            "expPeriod must be a positive whole number of seconds; got " + expPeriod);
      }
      if (expPeriod.compareTo(MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException(
            "expPeriod must be at most 100 years (it is usually minutes); got " + expPeriod);
      }
      if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0 || leeway.getNano() != 0) {
        throw new IllegalArgumentException(
            "leeway must be whole seconds between 0 and 5 minutes (clock skew, not a grace period);"
                + " got "
                + leeway);
      }
      if (refreshSecret != null) {
        if (refreshPeriod.isNegative() || refreshPeriod.isZero() || refreshPeriod.getNano() != 0) {
          throw new IllegalArgumentException(
              "the refresh period must be a positive whole number of seconds; got "
                  + refreshPeriod);
        }
        if (refreshPeriod.compareTo(MAX_LIFETIME) > 0) {
          throw new IllegalArgumentException(
              "the refresh period must be at most 100 years (it is usually days); got "
                  + refreshPeriod);
        }
        if (expPeriod.compareTo(refreshPeriod) >= 0) {
          throw new IllegalArgumentException(
              "the access lifetime (expPeriod "
                  + expPeriod
                  + ") must be shorter than the refresh lifetime ("
                  + refreshPeriod
                  + ")");
        }
      }
      checkSessions();
    }

    private void checkSessions() {
      if (sessionStore == null) {
        if (sessionLifetime != null || !rotationGrace.isZero()) {
          throw new IllegalArgumentException(
              "sessionLifetime and rotationGrace need sessions(store): call"
                  + " sessions(new MemorySessionStore()) or sessions(RedisSessionStore.create(uri))");
        }
        return;
      }
      if (refreshSecret == null) {
        throw new IllegalArgumentException(
            "sessions(store) rotates refresh tokens: configure refresh(secret, period) too");
      }
      Duration lifetime = sessionLifetime();
      if (lifetime.isNegative()
          || lifetime.isZero()
          || lifetime.getNano() != 0
          || lifetime.compareTo(MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException(
            "sessionLifetime must be a whole number of seconds, positive and at most 100 years; got "
                + lifetime);
      }
      if (lifetime.compareTo(expPeriod) <= 0) {
        throw new IllegalArgumentException(
            "sessionLifetime ("
                + lifetime
                + ") must be longer than the access lifetime (expPeriod "
                + expPeriod
                + ")");
      }
      if (rotationGrace.isNegative()
          || rotationGrace.getNano() != 0
          || rotationGrace.compareTo(MAX_ROTATION_GRACE) > 0) {
        throw new IllegalArgumentException(
            "rotationGrace must be whole seconds between 0 and 1 minute (a retry window, not a"
                + " lifetime); got "
                + rotationGrace);
      }
    }

    private static byte[] utf8(String value) {
      return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A null secret is most often an environment variable that is not set: say so, and what to pass
     * instead.
     */
    private static <T> T secretGiven(T secret, String what) {
      if (secret == null) {
        throw new IllegalArgumentException(
            what
                + " is null (is the environment variable you read it from set?): pass a "
                + what
                + " of at least "
                + JwsAlgorithm.HS256.minSecretBytes()
                + " bytes ("
                + JwsAlgorithm.HS384.minSecretBytes()
                + " for HS384, "
                + JwsAlgorithm.HS512.minSecretBytes()
                + " for HS512); generate one with: openssl rand -base64 48");
      }
      return secret;
    }

    private static <T> T notNull(T value, String what) {
      if (value == null) {
        throw new IllegalArgumentException(what + " must not be null");
      }
      return value;
    }
  }
}
