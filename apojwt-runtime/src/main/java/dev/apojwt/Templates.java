package dev.apojwt;

import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What every {@link Template} shares, so that all of them read a request and answer a refusal the
 * same way (RFC 6750): the one {@code Authorization: Bearer} header, the one refresh cookie, and
 * the JSON body of a refused call. For template authors; the templates apojwt ships use it, and a
 * template for another framework should too.
 *
 * <p>A refused call is answered with the failure's {@link AuthFailure#status() status}, {@code
 * WWW-Authenticate:} {@link AuthFailure#wwwAuthenticate()} (when it has one: not for a 503), {@code
 * Cache-Control: no-store}, {@code Content-Type: application/json} and the body {@link
 * #responseBody(AuthFailure)}.
 */
public final class Templates {
  /** The refresh cookie's name when a template is created without one. */
  public static final String DEFAULT_REFRESH_COOKIE = "refresh_token";

  /** The {@code Content-Type} of a refusal. */
  public static final String CONTENT_TYPE = "application/json";

  /** The {@code Cache-Control} of a refusal: an answer about credentials is never stored. */
  public static final String CACHE_CONTROL = "no-store";

  private Templates() {}

  /**
   * The value of the request's one {@code Authorization} header when its scheme is {@code Bearer}
   * (any case; the guard skips the scheme), or null when there is no such header or it has another
   * scheme ({@code Basic ...}): then the guard refuses with {@link
   * AuthFailure.Reason#MISSING_TOKEN}.
   *
   * @param authorizationHeaders every {@code Authorization} header of the request, one value per
   *     header line (null for none)
   * @throws ApoJwtException with {@link AuthFailure.Reason#INVALID_REQUEST} when there are two or
   *     more: the request is ambiguous, whatever the headers hold
   */
  public static String bearerToken(Iterator<String> authorizationHeaders) {
    if (authorizationHeaders == null || !authorizationHeaders.hasNext()) {
      return null;
    }
    String value = authorizationHeaders.next();
    if (authorizationHeaders.hasNext()) {
      throw Failures.invalidRequest("the request has two or more Authorization headers");
    }
    return BearerValue.hasBearerScheme(value) ? value : null;
  }

  /**
   * The value of the request's one cookie named {@code name} (RFC 6265 section 4.2: {@code
   * name=value} pairs separated by {@code ;}, surrounding quotes removed), or null when there is
   * none. Names are compared exactly; a pair without {@code =} is skipped.
   *
   * @param cookieHeaders every {@code Cookie} header of the request (null for none)
   * @throws ApoJwtException with {@link AuthFailure.Reason#INVALID_REQUEST} when there are two or
   *     more cookies of the name (a browser sends both when two paths or domains set one): the
   *     request is ambiguous
   */
  public static String cookie(Iterator<String> cookieHeaders, String name) {
    String found = null;
    while (cookieHeaders != null && cookieHeaders.hasNext()) {
      String header = cookieHeaders.next();
      int length = header == null ? 0 : header.length();
      int from = 0;
      while (from < length) {
        int end = header.indexOf(';', from);
        if (end < 0) {
          end = length;
        }
        int start = skipSpace(header, from, end);
        int equals = header.indexOf('=', start);
        if (equals >= 0
            && equals < end
            && trimEnd(header, start, equals) - start == name.length()
            && header.startsWith(name, start)) {
          if (found != null) {
            throw Failures.invalidRequest("the request has two or more refresh cookies");
          }
          found = unquote(header, skipSpace(header, equals + 1, end), trimEnd(header, start, end));
        }
        from = end + 1;
      }
    }
    return found;
  }

  /**
   * {@code name} if it can name a cookie (an RFC 6265 token: letters, digits and {@code
   * !#$%&'*+-.^_`|~}).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String checkCookieName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "the refresh cookie name must not be null or empty; the default is "
              + DEFAULT_REFRESH_COOKIE);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean tchar =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        throw new IllegalArgumentException(
            "the refresh cookie name must be an RFC 6265 token (letters, digits and"
                + " !#$%&'*+-.^_`|~), without spaces, quotes, '=', ';' or ','");
      }
    }
    return name;
  }

  /**
   * The body of a refused call: {@code {"error":<code>,"message":<message>}} with the failure's
   * {@link AuthFailure#code() code} and {@link AuthFailure#message() message}, as JSON (RFC 8259)
   * in plain ASCII: quotes, backslashes, control and non-ASCII characters are escaped.
   */
  public static String responseBody(AuthFailure failure) {
    StringBuilder json = new StringBuilder(40 + failure.message().length());
    json.append("{\"error\":");
    appendString(json, failure.code());
    json.append(",\"message\":");
    appendString(json, failure.message());
    return json.append('}').toString();
  }

  /**
   * The failure that {@code thrown} reports: its own when it is an {@link ApoJwtException}, the
   * cause's when it is a {@link CompletionException} or {@link ExecutionException} (a failed {@code
   * CompletionStage} that was joined) around one; else null, and the hook lets {@code thrown} go on
   * as it is.
   */
  public static AuthFailure failureOf(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null
        && t.getCause() != t) {
      t = t.getCause();
    }
    return t instanceof ApoJwtException ? ((ApoJwtException) t).failure() : null;
  }

  private static void appendString(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        json.append("\\u");
        String hex = Integer.toHexString(c);
        for (int pad = hex.length(); pad < 4; pad++) {
          json.append('0');
        }
        json.append(hex);
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }

  private static int skipSpace(String s, int from, int end) {
    int i = from;
    while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int trimEnd(String s, int start, int end) {
    int e = end;
    while (e > start && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return e;
  }

  private static String unquote(String s, int start, int end) {
    if (end - start >= 2 && s.charAt(start) == '"' && s.charAt(end - 1) == '"') {
      return s.substring(start + 1, end - 1);
    }
    return start >= end ? "" : s.substring(start, end);
  }
}
