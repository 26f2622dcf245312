package dev.apojwt;

/**
 * The per-call checks: what can change between two presentations of the same token, and so runs on
 * every verification, also when the token comes out of the {@link VerifiedCache} (which skips
 * everything else). The token's times against the clock, with the leeway: {@code exp} ({@code exp >
 * now - leeway}, as PyJWT), {@code nbf} and {@code iat} (not after {@code now + leeway}). A check
 * of the token's session against revocations belongs here too: it is state, not the token's bytes.
 */
final class PerCallChecks {
  private final long leewaySeconds;

  PerCallChecks(long leewaySeconds) {
    this.leewaySeconds = leewaySeconds;
  }

  /** Refuses the claims, presented at {@code now} (seconds), unless they pass. */
  void check(Claims claims, long now) {
    if (claims.exp <= now - leewaySeconds) {
      throw Failures.expired();
    }
    if (claims.nbf != Claims.ABSENT && claims.nbf > now + leewaySeconds) {
      throw Failures.notYetValid("claim 'nbf' is in the future");
    }
    if (claims.iat != Claims.ABSENT && claims.iat > now + leewaySeconds) {
      throw Failures.notYetValid("claim 'iat' is in the future");
    }
  }
}
