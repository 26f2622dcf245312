package dev.apojwt.templatetests;

import dev.apojwt.annotation.BearerToken;
import dev.apojwt.annotation.PermissionRequired;
import dev.apojwt.annotation.Public;
import dev.apojwt.annotation.Refresh;
import dev.apojwt.annotation.RefreshData;
import dev.apojwt.annotation.TokenRequired;
import dev.apojwt.annotation.TokenSubject;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The handler interface every template's server serves, one route per method (see {@link Routes}).
 * {@code R} is the framework's request type (Javalin's {@code Context}, {@code HttpServletRequest},
 * {@code HttpExchange}): only {@link #subjectOf} takes it, so the suite covers handler methods with
 * and without the request object.
 */
public interface Api<R> {
  /** {@code GET /open}. */
  @Public
  String open();

  /** {@code GET /subject}: the token's subject, found without the request object. */
  @TokenRequired
  String subject(@TokenSubject String subject);

  /** {@code GET /subject-of}: the same, with the framework's request object as a parameter. */
  @TokenRequired
  String subjectOf(R request, @TokenSubject String subject);

  /** {@code GET /read}: needs {@code orders:read}. */
  @PermissionRequired(Perms.ORDERS_READ)
  String read(@TokenSubject String subject);

  /** {@code POST /refresh}: the refresh cookie's {@code user_id}. */
  @Refresh
  String refresh(@RefreshData Map<String, Object> data);

  /** {@code GET /bearer}: the token from the route's own {@code X-Token} header. */
  @TokenRequired
  String bearer(@BearerToken String token, @TokenSubject String subject);

  /** {@code GET /later}: answered asynchronously, on another thread. */
  @TokenRequired
  CompletionStage<String> later(@TokenSubject String subject);

  /** {@code GET /fails}: the application's own code throws. */
  @TokenRequired
  String fails();

  /**
   * {@code GET /unavailable}: the application's own code refuses with an {@code ApoJwtException}
   * (503 {@code UNAVAILABLE}, as a key set or session store that cannot be reached will).
   */
  @Public
  String unavailable();
}
