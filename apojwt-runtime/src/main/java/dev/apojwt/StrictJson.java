package dev.apojwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON for JOSE headers and claims, on Jackson's streaming parser: UTF-8 only, one
 * object, no duplicate member names (also when spelled with escapes), no trailing data, a
 * bounded nesting depth. Jackson already refuses comments, single quotes, NaN, leading zeros
 * and unescaped control characters by default.
 */
final class StrictJson {
  /** Deep enough for any sensible {@code data}; a bound on recursion and on hostile input. */
  static final int MAX_DEPTH = 64;

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          // Written JSON is pure ASCII, as Python's json.dumps writes it. This also keeps a lone
          // surrogate in a member name valid JSON (\\ud800) instead of invalid UTF-8.
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private StrictJson() {}

  /**
   * Opens a parser on {@code json} positioned on its root START_OBJECT; throws MALFORMED unless
   * the bytes are strict UTF-8 beginning (after optional whitespace) with an object.
   */
  static JsonParser openObject(byte[] json, String part) throws IOException {
    checkEncoding(json, part);
    JsonParser parser = FACTORY.createParser(json);
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw Failures.malformed(part + " is not a JSON object");
    }
    return parser;
  }

  /** Throws MALFORMED if anything follows the root object's END_OBJECT. */
  static void expectEnd(JsonParser parser, String part) throws IOException {
    if (parser.nextToken() != null) {
      throw Failures.malformed(part + " has data after its JSON object");
    }
  }

  /**
   * JWS parts must be UTF-8 (RFC 7515 section 5.2). Jackson would also accept UTF-16/32 (which
   * it detects from NUL bytes among the first four) and a byte order mark, so those are refused
   * here; anything beyond ASCII is decoded strictly once, which refuses overlong forms, encoded
   * surrogates and truncated sequences.
   */
  private static void checkEncoding(byte[] json, String part) {
    if (json.length == 0) {
      throw Failures.malformed(part + " is empty");
    }
    byte first = json[0];
    if (first != '{' && first != ' ' && first != '\t' && first != '\n' && first != '\r') {
      throw Failures.malformed(part + " is not a JSON object");
    }
    boolean ascii = true;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (b == 0 && i < 4) {
        throw Failures.malformed(part + " is not UTF-8");
      }
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(json));
      } catch (CharacterCodingException e) {
        throw Failures.malformed(part + " is not valid UTF-8");
      }
    }
  }

  /** The current string value; MALFORMED when the current token is not a string. */
  static String string(JsonParser parser, String claim) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw Failures.malformed("claim '" + claim + "' is not a string");
    }
    return parser.getText();
  }

  /** The current array of strings, in order; MALFORMED for any other JSON. */
  static List<String> stringArray(JsonParser parser, String claim) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw Failures.malformed("claim '" + claim + "' is not an array of strings");
    }
    List<String> values = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_STRING) {
        throw Failures.malformed("claim '" + claim + "' is not an array of strings");
      }
      values.add(parser.getText());
    }
    return values;
  }

  /**
   * Skips the current value (of a member apojwt does not read), checking it as strictly as the
   * values it does read: syntax, depth and duplicate names by the parser, numbers finite here.
   */
  static void skipValue(JsonParser parser) throws IOException {
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (true) {
      if (token == null) {
        throw Failures.malformed("JSON ends inside a value");
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        depth++;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(parser.getDoubleValue())) {
        throw Failures.malformed("a number is out of range");
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
    }
  }

  /** The current object as an unmodifiable map of plain Java values; MALFORMED otherwise. */
  static Map<String, Object> object(JsonParser parser, String claim) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw Failures.malformed("claim '" + claim + "' is not a JSON object");
    }
    return readObject(parser);
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      map.put(name, readValue(parser));
    }
    return Collections.unmodifiableMap(map);
  }

  private static List<Object> readArray(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      list.add(readValue(parser));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * The current value as String, Integer, Long, BigInteger, Double, Boolean, null, an
   * unmodifiable List or an unmodifiable Map.
   */
  private static Object readValue(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        return readArray(parser);
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
          throw Failures.malformed("a number is out of range");
        }
        return value;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw Failures.malformed("unexpected JSON token");
    }
  }
}
