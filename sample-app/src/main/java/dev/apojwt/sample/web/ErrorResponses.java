package dev.apojwt.sample.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of the application as a JSON response {@code {"error": ..., "message": ...}}, the
 * shape apojwt's Javalin template gives refused tokens: our {@link ApiError}s, Javalin's own HTTP
 * errors (unknown route 404, body too large 413, ...), and a logged 500 for anything else.
 */
public final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** The response body of every error. */
  public record ErrorBody(String error, String message) {}

  public static void install(JavalinConfig config) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    config.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            write(
                ctx,
                new ApiError(e.getStatus(), errorCode(e.getStatus()), clientMessage(e), Map.of())));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          write(ctx, new ApiError(500, "internal_error", "the server failed; see its log"));
        });
  }

  static void write(Context ctx, ApiError error) {
    ctx.status(error.status());
    error.headers().forEach(ctx::header);
    ctx.json(new ErrorBody(error.error(), error.getMessage()));
  }

  /** A snake_case code for a status that Javalin reported, e.g. 404 -> not_found. */
  static String errorCode(int status) {
    switch (status) {
      case 400:
        return "bad_request";
      case 404:
        return "not_found";
      case 405:
        return "method_not_allowed";
      case 413:
        return "content_too_large";
      case 415:
        return "unsupported_media_type";
      case 431:
        return "headers_too_large";
      default:
        return status >= 500 ? "internal_error" : "http_" + status;
    }
  }

  /** Javalin's message for its own errors, e.g. "Endpoint GET /nope not found". */
  private static String clientMessage(HttpResponseException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return errorCode(e.getStatus()).replace('_', ' ').toLowerCase(Locale.ROOT);
    }
    return message;
  }
}
