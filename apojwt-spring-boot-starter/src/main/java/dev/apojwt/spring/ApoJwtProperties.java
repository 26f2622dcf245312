package dev.apojwt.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code apojwt.*} properties from which the starter builds the application's {@link
 * dev.apojwt.ApoJwt} (unless the application defines its own {@code ApoJwt} bean). HMAC only: with
 * RS*, ES* or EdDSA keys, define the {@code ApoJwt} bean yourself.
 *
 * <pre>
 * apojwt.secret=${APOJWT_SECRET}            # at least 32 bytes for HS256
 * apojwt.issuer=orders
 * apojwt.audience=orders-api
 * apojwt.refresh.secret=${APOJWT_REFRESH_SECRET}
 * </pre>
 */
@ConfigurationProperties("apojwt")
public class ApoJwtProperties {
  /**
   * The HMAC secret that signs and verifies access tokens (its UTF-8 bytes): at least 32 bytes for
   * HS256, 48 for HS384, 64 for HS512. Give it from the environment (APOJWT_SECRET), never in a
   * file under version control.
   */
  private String secret;

  /** The signing algorithm of access tokens: HS256, HS384 or HS512. */
  private String algorithm = "HS256";

  /** The issuer (iss) written into tokens and required of them. */
  private String issuer = "";

  /** This service's audience names (aud): a token must name at least one. Empty: no check. */
  private List<String> audience = new ArrayList<>();

  /** How long access tokens are valid (apojwt's exp_period). */
  private Duration expPeriod = Duration.ofMinutes(15);

  /** A permission that passes every permission check (apojwt's admin_permission). */
  private String adminPermission;

  /** Allowed clock skew for exp, nbf and iat: whole seconds, at most 5 minutes. */
  private Duration leeway = Duration.ZERO;

  /** Refresh tokens (apojwt's config_refresh): enabled when refresh.secret is set. */
  private final Refresh refresh = new Refresh();

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(String algorithm) {
    this.algorithm = algorithm;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public List<String> getAudience() {
    return audience;
  }

  public void setAudience(List<String> audience) {
    this.audience = audience;
  }

  public Duration getExpPeriod() {
    return expPeriod;
  }

  public void setExpPeriod(Duration expPeriod) {
    this.expPeriod = expPeriod;
  }

  public String getAdminPermission() {
    return adminPermission;
  }

  public void setAdminPermission(String adminPermission) {
    this.adminPermission = adminPermission;
  }

  public Duration getLeeway() {
    return leeway;
  }

  public void setLeeway(Duration leeway) {
    this.leeway = leeway;
  }

  public Refresh getRefresh() {
    return refresh;
  }

  /** Never the secrets. */
  @Override
  public String toString() {
    return "ApoJwtProperties[algorithm=" + algorithm + ", issuer=" + issuer + "]";
  }

  /** {@code apojwt.refresh.*}. */
  public static class Refresh {
    /**
     * The HMAC secret of refresh tokens: different from apojwt.secret, as long as the access
     * algorithm requires (HS256 when that is not HMAC). Setting it enables refresh tokens.
     */
    private String secret;

    /** How long refresh tokens are valid; longer than apojwt.exp-period. */
    private Duration period = Duration.ofDays(1);

    /** The cookie that carries the refresh token. */
    private String cookie = "refresh_token";

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    public Duration getPeriod() {
      return period;
    }

    public void setPeriod(Duration period) {
      this.period = period;
    }

    public String getCookie() {
      return cookie;
    }

    public void setCookie(String cookie) {
      this.cookie = cookie;
    }

    /** Never the secret. */
    @Override
    public String toString() {
      return "Refresh[period=" + period + ", cookie=" + cookie + "]";
    }
  }
}
