package dev.apojwt;

import java.util.List;

/**
 * The stateless checks of the claims of a verified, parsed payload: what they must say for one kind
 * of token under this configuration, whenever the token is presented (RFC 7519 section 4.1, RFC
 * 8725 sections 3.8, 3.9 and 3.12). What depends on the moment of the call is {@link
 * PerCallChecks}'.
 */
final class ClaimChecks {
  private final TokenKind kind;
  private final String issuer;
  private final List<String> audiences;

  /**
   * Whether tokens must have apojwt's shape (this service makes them: access tokens carry {@code
   * perms}, refresh tokens do not) or may be an identity provider's (RFC 9068: permissions
   * optional).
   */
  private final boolean apojwtShape;

  ClaimChecks(TokenKind kind, String issuer, List<String> audiences, boolean apojwtShape) {
    this.kind = kind;
    this.issuer = issuer;
    this.audiences = audiences;
    this.apojwtShape = apojwtShape;
  }

  /** Refuses the claims unless they pass. */
  void check(Claims claims) {
    checkKind(claims);
    if (claims.exp == Claims.ABSENT) {
      throw Failures.malformed("claim 'exp' is missing");
    }
    if (claims.iss == null) {
      throw Failures.badIssuer("claim 'iss' is missing");
    }
    if (!claims.iss.equals(issuer)) {
      throw Failures.badIssuer("claim 'iss' is not the configured issuer");
    }
    checkAudience(claims.aud);
  }

  /**
   * apojwt's refresh tokens are exactly the tokens without {@code perms}. An identity provider's
   * access tokens need not carry permissions; its tokens are told apart from apojwt's refresh
   * tokens by their key (refresh tokens are HMAC-signed with the refresh secret) and {@code typ}.
   */
  private void checkKind(Claims claims) {
    if (kind == TokenKind.ACCESS) {
      if (claims.perms == null && apojwtShape) {
        throw Failures.wrongKind(kind, "token has no 'perms' claim, as refresh tokens do");
      }
      if (claims.sub == null) {
        throw Failures.malformed("claim 'sub' is missing");
      }
    } else if (claims.perms != null) {
      throw Failures.wrongKind(kind, "token has a 'perms' claim, as access tokens do");
    }
  }

  /**
   * RFC 7519 4.1.3: a token whose {@code aud} does not name us is refused. With no configured
   * audience, only a token without one (or with an empty one, as apojwt writes) passes.
   */
  private void checkAudience(List<String> aud) {
    boolean tokenHasAudience = aud != null && !aud.isEmpty();
    if (audiences.isEmpty()) {
      if (tokenHasAudience) {
        throw Failures.badAudience("token names an audience but none is configured");
      }
      return;
    }
    if (!tokenHasAudience) {
      throw Failures.badAudience("claim 'aud' is missing");
    }
    for (String audience : aud) {
      if (audiences.contains(audience)) {
        return;
      }
    }
    throw Failures.badAudience("claim 'aud' does not name this service");
  }
}
