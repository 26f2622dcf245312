package dev.apojwt.test;

import dev.apojwt.ApoJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Real tokens for tests, signed by the {@code ApoJwt} under test and checked by its real verifier:
 * no switch that turns security off, no decoder that is skipped. Each kind of bad token is refused
 * for exactly one reason, the one its name says.
 *
 * <pre>{@code
 * TestTokens tokens = TestTokens.of(jwt);
 * String reader = tokens.subject("alice").permissions("orders:read").access();
 * String late = tokens.permissions("orders:read").expired();      // 401 EXPIRED
 * String forged = tokens.permissions("admin").tampered();         // 401 BAD_SIGNATURE
 * }</pre>
 *
 * <p>Immutable: {@link #subject}, {@link #permissions}, {@link #data} and {@link #refreshData}
 * return a copy with that claim changed, so one instance can be shared by every test. By default
 * the subject is {@value #DEFAULT_SUBJECT}, with no permissions and empty data.
 */
public final class TestTokens {
  /** The subject of tokens for which none was given. */
  public static final String DEFAULT_SUBJECT = "test-user";

  /** How far ahead of the clock (beyond the leeway) {@link #notYetValid()} tokens start. */
  private static final Duration NOT_YET = Duration.ofMinutes(1);

  private final ApoJwt jwt;
  private final String subject;
  private final List<String> permissions;
  private final Map<String, Object> data;
  private final Map<String, Object> refreshData;

  private TestTokens(
      ApoJwt jwt,
      String subject,
      List<String> permissions,
      Map<String, Object> data,
      Map<String, Object> refreshData) {
    this.jwt = jwt;
    this.subject = subject;
    this.permissions = permissions;
    this.data = data;
    this.refreshData = refreshData;
  }

  /**
   * Tokens of {@code jwt}, which must be able to sign.
   *
   * @throws IllegalArgumentException if {@code jwt} can only verify (a public key, an identity
   *     provider's key set): then no test can make tokens it accepts
   */
  public static TestTokens of(ApoJwt jwt) {
    Objects.requireNonNull(jwt, "jwt");
    if (!jwt.canCreateTokens()) {
      throw new IllegalArgumentException(
          "TestTokens.of(jwt): this ApoJwt only verifies tokens ("
              + jwt
              + "), it has no key to sign test tokens with. Give TestTokens the ApoJwt that signs"
              + " (built with secret(...) or signingKeys(...)), or use the ApoJwt of @ApoJwtTest,"
              + " and test the verify-only configuration with tokens from the service that signs"
              + " them.");
    }
    return new TestTokens(jwt, DEFAULT_SUBJECT, List.of(), Map.of(), Map.of());
  }

  /** The {@code ApoJwt} these tokens are for. */
  public ApoJwt jwt() {
    return jwt;
  }

  /** These tokens for {@code subject} ({@code sub}). */
  public TestTokens subject(String subject) {
    return new TestTokens(
        jwt, Objects.requireNonNull(subject, "subject"), permissions, data, refreshData);
  }

  /** These tokens holding exactly {@code permissions} ({@code perms}); none by default. */
  public TestTokens permissions(String... permissions) {
    return permissions(Arrays.asList(Objects.requireNonNull(permissions, "permissions")));
  }

  /** These tokens holding exactly {@code permissions}. */
  public TestTokens permissions(Collection<String> permissions) {
    for (String permission : Objects.requireNonNull(permissions, "permissions")) {
      Objects.requireNonNull(permission, "a permission");
    }
    return new TestTokens(jwt, subject, List.copyOf(permissions), data, refreshData);
  }

  /** These tokens with {@code data} as their {@code data} claim (JSON values; nulls allowed). */
  public TestTokens data(Map<String, ?> data) {
    return new TestTokens(jwt, subject, permissions, copy(data, "data"), refreshData);
  }

  /** Refresh tokens carrying {@code refreshData} (what {@code @RefreshData} receives). */
  public TestTokens refreshData(Map<String, ?> refreshData) {
    return new TestTokens(jwt, subject, permissions, data, copy(refreshData, "refreshData"));
  }

  /** A valid access token: the verifier accepts it. */
  public String access() {
    return jwt.createToken(subject, permissions, data);
  }

  /**
   * A valid refresh token, carrying {@link #refreshData}: {@code jwt.verifyRefresh} accepts it, and
   * as an access token it is refused (WRONG_TOKEN_KIND). To see one expire, move the clock ({@link
   * TestClock}) past {@code jwt.refreshPeriod()}.
   *
   * @throws IllegalStateException if refresh is not configured on the ApoJwt
   */
  public String refresh() {
    if (jwt.refreshPeriod() == null) {
      throw new IllegalStateException(
          "TestTokens.refresh(): refresh is not configured on this ApoJwt; configure it with"
              + " ApoJwt.builder().refresh(...) (@ApoJwtTest does unless refresh = false)");
    }
    return jwt.createTokens(subject, permissions, data, refreshData).refresh();
  }

  /**
   * An access token whose lifetime ended a second before the clock minus the leeway: refused as
   * EXPIRED, and only for that.
   */
  public String expired() {
    Instant issued = now().minus(jwt.expPeriod()).minus(jwt.leeway()).minusSeconds(1);
    return jwt.createToken(subject, permissions, data, issued);
  }

  /**
   * An access token whose {@code nbf} and {@code iat} lie a minute beyond the clock plus the
   * leeway: refused as NOT_YET_VALID, and only for that.
   */
  public String notYetValid() {
    Instant issued = now().plus(jwt.leeway()).plus(NOT_YET);
    return jwt.createToken(subject, permissions, data, issued);
  }

  /**
   * An access token whose claims were edited after signing: its header and payload are those of a
   * valid token with these claims, its signature that of the token the same key signed for the
   * subject without permissions or data. Refused as BAD_SIGNATURE.
   */
  public String tampered() {
    String signed = jwt.createToken(subject, List.of(), Map.of());
    String edited = access();
    return edited.substring(0, edited.lastIndexOf('.')) + signed.substring(signed.lastIndexOf('.'));
  }

  /**
   * An access token with these claims, signed with a key of the same algorithm that no service has
   * (a throwaway key): header and payload are those of a valid token, the signature is not. Refused
   * as BAD_SIGNATURE.
   */
  public String signedWithAnotherKey() {
    return ForeignKeys.resign(access());
  }

  /** A refresh token signed with a key that no service has: refused as BAD_SIGNATURE. */
  String refreshSignedWithAnotherKey() {
    return ForeignKeys.resign(refresh());
  }

  private Instant now() {
    return jwt.clock().instant();
  }

  private static Map<String, Object> copy(Map<String, ?> values, String what) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, what)));
  }

  @Override
  public String toString() {
    return "TestTokens[subject="
        + subject
        + ", permissions="
        + permissions
        + ", data="
        + data.keySet()
        + ", refreshData="
        + refreshData.keySet()
        + ", "
        + jwt
        + "]";
  }
}
