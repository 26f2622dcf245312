package dev.apojwt;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * <p>Verification follows RFC 8725: the algorithm is pinned here and never taken from the token;
 * every failure is an {@link ApoJwtException} with a 401 or 403 and a reason.
 *
 * <p>{@link #authorize}, {@link #authorizeRefresh} and {@link #requireSupport} are called by the
 * generated {@code Guarded*} classes, not by application code: they are the contract between the
 * annotation processor and this runtime, and keep their signatures and behaviour so that guards
 * compiled against one version keep working.
 */
public final class ApoJwt {
  /** The longest clock-skew allowance {@link Builder#build()} accepts. */
  public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

  /**
   * The longest token lifetime {@link Builder#build()} accepts: far beyond any sensible one, and
   * far inside the years a token's {@code exp} can express (up to 9999).
   */
  public static final Duration MAX_LIFETIME = Duration.ofDays(36_500);

  /** The default cap on a token's length, checked before anything is decoded. */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 8192;

  private final String description;
  private final Duration expPeriod;
  private final Duration refreshPeriod;
  private final Clock clock;
  private final Duration leeway;
  private final String adminPermission;
  private final boolean canCreateTokens;
  private final TokenVerifier accessVerifier;
  private final TokenWriter accessWriter;
  private final TokenVerifier refreshVerifier;
  private final TokenWriter refreshWriter;
  private final GuardCalls guardCalls;

  private ApoJwt(Builder b, JwsKey accessKey, HmacKey refreshKey) {
    List<String> audience = List.copyOf(b.serverAudience);
    long leeway = b.leeway.getSeconds();
    this.expPeriod = b.expPeriod;
    this.refreshPeriod = b.refreshPeriod;
    this.clock = b.clock;
    this.leeway = b.leeway;
    this.adminPermission = b.adminPermission;
    this.canCreateTokens = accessKey.canSign();
    this.accessVerifier =
        new TokenVerifier(
            TokenKind.ACCESS, accessKey, b.issuer, audience, b.clock, leeway, b.maxTokenLength);
    this.accessWriter =
        new TokenWriter(
            TokenKind.ACCESS,
            accessKey,
            b.issuer,
            audience,
            b.expPeriod.getSeconds(),
            b.clock,
            b.ids,
            b.maxTokenLength);
    if (refreshKey == null) {
      this.refreshVerifier = null;
      this.refreshWriter = null;
    } else {
      this.refreshVerifier =
          new TokenVerifier(
              TokenKind.REFRESH, refreshKey, b.issuer, audience, b.clock, leeway, b.maxTokenLength);
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
    this.description =
        "ApoJwt[algorithm="
            + accessKey.algorithm
            + (accessKey.canSign() ? "" : " (verify only)")
            + ", issuer="
            + b.issuer
            + ", serverAudience="
            + audience
            + ", expPeriod="
            + b.expPeriod
            + (refreshKey == null
                ? ", refresh=off"
                : ", refresh=" + refreshKey.algorithm + "/" + b.refreshPeriod)
            + (b.adminPermission == null ? "" : ", adminPermission=" + b.adminPermission)
            + (template == null ? "" : ", template=" + template)
            + ", leeway="
            + b.leeway
            + ", maxTokenLength="
            + b.maxTokenLength
            + "]";
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
   * @throws IllegalStateException if this ApoJwt can only verify (a public key alone)
   */
  public String createToken(String subject, Collection<String> permissions, Map<String, ?> data) {
    return accessWriter.write(subject, permissionsGiven(permissions), data);
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
    return accessWriter.write(subject, permissionsGiven(permissions), data, seconds);
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
   * @throws IllegalStateException if refresh is not configured ({@link Builder#refresh})
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
    String access = createToken(subject, permissions, data);
    return new TokenPair(access, refreshWriter.write(subject, null, refreshData));
  }

  /**
   * Verifies an access token (the bare token, without a {@code Bearer} prefix).
   *
   * @throws ApoJwtException with a 401 and the reason, whatever is wrong with the token
   */
  public VerifiedToken verify(String token) {
    return new VerifiedToken(accessVerifier.verify(token));
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
    return new VerifiedRefresh(refreshVerifier.verify(token));
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
   * public key and no private key), and {@link #createToken} would throw.
   */
  public boolean canCreateTokens() {
    return canCreateTokens;
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
    private byte[] secret;
    private String algorithm = "HS256";
    private KeyPair signingKeys;
    private PublicKey verificationKey;
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

    private Builder() {}

    /** The HMAC secret (its UTF-8 bytes), as apojwt's {@code secret}. */
    public Builder secret(String secret) {
      this.secret = utf8(secretGiven(secret, "secret"));
      return this;
    }

    /** The HMAC secret. */
    public Builder secret(byte[] secret) {
      this.secret = secretGiven(secret, "secret").clone();
      return this;
    }

    /** HS256 (default), HS384, HS512, RS256, RS384, RS512, ES256, ES384 or ES512. */
    public Builder algorithm(String algorithm) {
      this.algorithm = notNull(algorithm, "algorithm");
      return this;
    }

    /**
     * The key pair for RS* or ES* algorithms: sign with the private key, verify with the public.
     */
    public Builder signingKeys(KeyPair keys) {
      this.signingKeys = notNull(keys, "signingKeys");
      return this;
    }

    /** Verify RS* or ES* tokens made elsewhere; this ApoJwt then cannot create tokens. */
    public Builder verificationKey(PublicKey key) {
      this.verificationKey = notNull(key, "verificationKey");
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
      JwsAlgorithm alg = JwsAlgorithm.named(algorithm.toUpperCase(Locale.ROOT));
      if (alg == null) {
        throw new IllegalArgumentException(
            "algorithm must be one of "
                + Arrays.toString(JwsAlgorithm.values())
                + "; got "
                + algorithm);
      }
      JwsKey accessKey = alg.family == JwsAlgorithm.Family.HMAC ? hmacKey(alg) : asymmetricKey(alg);
      checkDurations();
      if (maxTokenLength < 128 || maxTokenLength > 1 << 20) {
        throw new IllegalArgumentException(
            "maxTokenLength must be between 128 and 1048576 characters; got " + maxTokenLength);
      }
      HmacKey refreshKey = null;
      if (refreshSecret != null) {
        // Refresh tokens go back only to this service: always HMAC, with the access algorithm
        // when that is HMAC.
        JwsAlgorithm refreshAlg = alg.family == JwsAlgorithm.Family.HMAC ? alg : JwsAlgorithm.HS256;
        refreshKey = HmacKey.of(refreshAlg, refreshSecret, "refresh secret");
        if (accessKey instanceof HmacKey && ((HmacKey) accessKey).isSameKeyAs(refreshKey)) {
          throw new IllegalArgumentException(
              "the refresh secret must differ from the access secret, or a refresh token could be"
                  + " checked with the access key");
        }
      }
      return new ApoJwt(this, accessKey, refreshKey);
    }

    private JwsKey hmacKey(JwsAlgorithm alg) {
      if (signingKeys != null || verificationKey != null) {
        throw new IllegalArgumentException(
            alg + " is an HMAC algorithm: configure secret(...), not a key pair or public key");
      }
      if (secret == null) {
        throw new IllegalArgumentException(
            alg + " needs secret(...): at least " + alg.minSecretBytes() + " bytes");
      }
      return HmacKey.of(alg, secret, "secret");
    }

    private JwsKey asymmetricKey(JwsAlgorithm alg) {
      if (secret != null) {
        throw new IllegalArgumentException(
            alg
                + " signs with a key pair: configure signingKeys(KeyPair) or verificationKey(PublicKey),"
                + " not secret(...)");
      }
      if (signingKeys != null && verificationKey != null) {
        throw new IllegalArgumentException(
            "configure either signingKeys(KeyPair) or verificationKey(PublicKey), not both");
      }
      PublicKey publicKey = signingKeys != null ? signingKeys.getPublic() : verificationKey;
      PrivateKey privateKey = signingKeys != null ? signingKeys.getPrivate() : null;
      if (publicKey == null) {
        throw new IllegalArgumentException(
            alg + " needs signingKeys(KeyPair) or, to verify only, verificationKey(PublicKey)");
      }
      return AsymmetricKey.of(alg, publicKey, privateKey);
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
