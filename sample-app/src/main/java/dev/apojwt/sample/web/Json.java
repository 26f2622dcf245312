package dev.apojwt.sample.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON for the whole service: one strict mapper (duplicate keys, trailing data and deep nesting are
 * refused) that writes records with snake_case names ({@code accessToken} -> {@code access_token}),
 * and helpers that turn a bad request body into a 400.
 */
public final class Json {
  /** The mapper Javalin writes responses with and handlers read request bodies with. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
  }

  private Json() {}

  /**
   * The request body as a JSON object. 415 unless the request says {@code application/json} (which
   * also keeps cross-site HTML forms out: they cannot send that content type without a CORS
   * preflight) with no charset or UTF-8; 400 for a body that is not UTF-8, empty, malformed JSON,
   * or anything but an object.
   *
   * <p>The raw header is read, not {@code ctx.contentType()}: the servlet layer resolves the
   * charset parameter with {@code Charset.forName}, which throws for a client's unknown name.
   */
  public static ObjectNode requestObject(Context ctx) {
    if (!isUtf8Json(ctx.header("Content-Type"))) {
      throw new ApiError(
          415,
          "unsupported_media_type",
          "send the request body as Content-Type: application/json (UTF-8)");
    }
    String body;
    try {
      body =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(ctx.bodyAsBytes()))
              .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("the request body is not UTF-8");
    }
    return parseObject(body);
  }

  /** {@code application/json}, optionally with {@code charset=utf-8} (any case, quoted or not). */
  static boolean isUtf8Json(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    if (!parts[0].strip().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals).strip();
      if (name.equalsIgnoreCase("charset")) {
        String value = equals < 0 ? "" : parameter.substring(equals + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code body} parsed as a JSON object; 400 when it is empty, malformed or not an object. */
  public static ObjectNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw ApiError.badRequest("the request body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the body (a password): never pass it on.
      throw ApiError.badRequest("the request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * The string field {@code name}: present, a JSON string, not blank, at most {@code maxLength}.
   */
  public static String requiredString(ObjectNode object, String name, int maxLength) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest("field '" + name + "' is required");
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest("field '" + name + "' must be a string");
    }
    String text = value.textValue();
    if (text.isBlank()) {
      throw ApiError.badRequest("field '" + name + "' must not be blank");
    }
    if (text.length() > maxLength) {
      throw ApiError.badRequest("field '" + name + "' is longer than " + maxLength + " characters");
    }
    return text;
  }

  /** The integer field {@code name}: present, a JSON integer, within {@code [min, max]}. */
  public static int requiredInt(ObjectNode object, String name, int min, int max) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest("field '" + name + "' is required");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiError.badRequest("field '" + name + "' must be an integer");
    }
    int number = value.intValue();
    if (number < min || number > max) {
      throw ApiError.badRequest("field '" + name + "' must be between " + min + " and " + max);
    }
    return number;
  }

  /** 400 when {@code object} has a field not in {@code allowed} (catches typos early). */
  public static void onlyFields(ObjectNode object, String... allowed) {
    object
        .fieldNames()
        .forEachRemaining(
            field -> {
              for (String name : allowed) {
                if (name.equals(field)) {
                  return;
                }
              }
              throw ApiError.badRequest(
                  "unknown field; this request takes only " + String.join(", ", allowed));
            });
  }
}
