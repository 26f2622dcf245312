package dev.apojwt.sample.api;

import dev.apojwt.VerifiedToken;
import dev.apojwt.annotation.TokenData;
import dev.apojwt.annotation.TokenPermissions;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller's own account. {@code @TokenRequired} on the interface: the default of every method.
 */
@TokenRequired
public interface AccountApi {
  /**
   * {@code GET /me}: who the token says the caller is. Shows every access-token injection: the
   * guard fills the subject, permissions, data and the whole verified token; the route calls the
   * guard's overload without them, {@code me()}.
   */
  Me me(
      @TokenSubject String subject,
      @TokenPermissions Set<String> permissions,
      @TokenData Map<String, Object> data,
      VerifiedToken token);

  /** The answer of {@code GET /me}. */
  record Me(
      String username,
      Set<String> permissions,
      Map<String, Object> data,
      String issuer,
      List<String> audience,
      String expiresAt) {}
}
