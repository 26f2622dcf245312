package dev.apojwt.sample.auth;

import dev.apojwt.VerifiedToken;
import dev.apojwt.sample.api.AccountApi;
import java.util.Map;
import java.util.Set;

/** The caller's own account, straight from the verified token the guard passes in. */
public final class AccountService implements AccountApi {
  @Override
  public Me me(
      String subject, Set<String> permissions, Map<String, Object> data, VerifiedToken token) {
    return new Me(
        subject, permissions, data, token.issuer(), token.audience(), token.expiresAt().toString());
  }
}
