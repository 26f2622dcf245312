package dev.apojwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict JSON for JOSE headers and claims, on Jackson's streaming parser: UTF-8 only, one object,
 * no duplicate member names (also when spelled with escapes), no trailing data, a bounded nesting
 * depth. Jackson already refuses comments, single quotes, NaN, leading zeros and unescaped control
 * characters by default.
 *
 * <p>Duplicate names are detected here rather than by Jackson's STRICT_DUPLICATE_DETECTION, which
 * hashes every name of every object: the claims apojwt reads are tracked in a bit set, {@code data}
 * objects by their map, and only members apojwt does not read need a set of names. The names
 * compared are the decoded ones, so an escaped duplicate is still a duplicate.
 */
final class StrictJson {
  /** Deep enough for any sensible {@code data}; a bound on recursion and on hostile input. */
  static final int MAX_DEPTH = 64;

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          // Written JSON is pure ASCII, as Python's json.dumps writes it. This also keeps a lone
          // surrogate in a member name valid JSON (\\ud800) instead of invalid UTF-8.
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private StrictJson() {}

  /** What {@link #write} writes. */
  @FunctionalInterface
  interface Writing {
    void to(JsonGenerator json) throws IOException;
  }

  /** The JSON text {@code writing} writes, as the tokens' JSON is written (ASCII only). */
  static String write(Writing writing) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writing.to(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("could not be written as JSON", e);
    }
    return out.toString();
  }

  /**
   * Opens a parser on {@code json} positioned on its root START_OBJECT; throws MALFORMED unless the
   * bytes are strict UTF-8 beginning (after optional whitespace) with an object.
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
   * JWS parts must be UTF-8 (RFC 7515 section 5.2). Jackson would also accept UTF-16/32 (which it
   * detects from NUL bytes among the first four) and a byte order mark, so those are refused here;
   * anything beyond ASCII is decoded strictly once, which refuses overlong forms, encoded
   * surrogates and truncated sequences. An escaped surrogate must be half of an escaped pair, in
   * names and values alike, as at creation: a lone {@code \\ud800} is text that JSON parsers decode
   * differently (Jackson keeps the half, others replace or refuse it).
   */
  private static void checkEncoding(byte[] json, String part) {
    if (json.length == 0) {
      throw Failures.malformed(part + " is empty");
    }
    byte first = json[0];
    if (first != '{' && first != ' ' && first != '\t' && first != '\n' && first != '\r') {
      throw Failures.malformed(part + " is not a JSON object");
    }
    for (int i = 1; i < Math.min(4, json.length); i++) {
      if (json[i] == 0) {
        throw Failures.malformed(part + " is not UTF-8");
      }
    }
    int found = scan(json);
    if ((found & NON_ASCII) != 0) {
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
    if ((found & BACKSLASH) != 0 && hasUnpairedSurrogateEscape(json)) {
      throw Failures.malformed(part + " has an unpaired surrogate escape");
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int NON_ASCII = 1;
  private static final int BACKSLASH = 2;
  private static final long EVERY_HIGH_BIT = 0x8080808080808080L;
  private static final long EVERY_LOW_BIT = 0x0101010101010101L;
  private static final long EVERY_BACKSLASH = 0x5C5C5C5C5C5C5C5CL;

  /**
   * Whether any byte is 0x80 or above ({@link #NON_ASCII}), and whether any is a backslash ({@link
   * #BACKSLASH}), eight bytes at a time: most tokens have neither, and then no byte is looked at
   * twice.
   */
  private static int scan(byte[] bytes) {
    int i = 0;
    long high = 0;
    long backslash = 0;
    for (int n = bytes.length - 7; i < n; i += 8) {
      long word = (long) LONGS.get(bytes, i);
      high |= word;
      long x = word ^ EVERY_BACKSLASH; // a zero byte where there was a backslash
      backslash |= (x - EVERY_LOW_BIT) & ~x;
    }
    for (; i < bytes.length; i++) {
      high |= bytes[i];
      if (bytes[i] == '\\') {
        backslash = EVERY_HIGH_BIT;
      }
    }
    return ((high & EVERY_HIGH_BIT) != 0 ? NON_ASCII : 0)
        | ((backslash & EVERY_HIGH_BIT) != 0 ? BACKSLASH : 0);
  }

  /**
   * Whether an escape {@code \\uD800}-{@code \\uDBFF} is not followed by an escape {@code
   * \\uDC00}-{@code \\uDFFF}, or the latter stands alone. A backslash can only begin an escape
   * (outside strings it is a syntax error, which the parser refuses), so the escapes are found
   * without tracking strings.
   */
  private static boolean hasUnpairedSurrogateEscape(byte[] json) {
    int n = json.length;
    for (int i = 0; i < n; i++) {
      if (json[i] != '\\') {
        continue;
      }
      int unit = unicodeEscape(json, i);
      if (unit < 0) {
        i++; // a two-character escape (or a broken one, which the parser refuses)
      } else if (unit >= 0xD800 && unit <= 0xDBFF) {
        int next = unicodeEscape(json, i + 6);
        if (next < 0xDC00 || next > 0xDFFF) {
          return true;
        }
        i += 11;
      } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
        return true;
      } else {
        i += 5;
      }
    }
    return false;
  }

  /** The code unit of the escape {@code \\uXXXX} at {@code at}, or -1 when there is none. */
  private static int unicodeEscape(byte[] json, int at) {
    if (at + 5 >= json.length || json[at] != '\\' || json[at + 1] != 'u') {
      return -1;
    }
    int unit = 0;
    for (int i = at + 2; i < at + 6; i++) {
      int digit = Character.digit(json[i], 16);
      if (digit < 0) {
        return -1;
      }
      unit = unit << 4 | digit;
    }
    return unit;
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
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Set<String> names = null;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        names = addName(names, parser.currentName());
        parser.nextToken();
        skipValue(parser);
      }
      if (token != JsonToken.END_OBJECT) {
        throw Failures.malformed("JSON ends inside a value");
      }
    } else if (token == JsonToken.START_ARRAY) {
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw Failures.malformed("JSON ends inside a value");
        }
        skipValue(parser);
      }
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(parser.getDoubleValue())) {
      throw Failures.malformed("a number is out of range");
    } else if (token == null) {
      throw Failures.malformed("JSON ends inside a value");
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
      int size = map.size();
      map.put(name, readValue(parser));
      if (map.size() == size) {
        throw duplicate();
      }
    }
    return Collections.unmodifiableMap(map);
  }

  static ApoJwtException duplicate() {
    return Failures.malformed("a JSON object has a duplicate member name");
  }

  /** Adds {@code name} to the names seen so far (made when first needed); throws if seen. */
  static Set<String> addName(Set<String> seen, String name) {
    Set<String> names = seen == null ? new HashSet<>() : seen;
    if (!names.add(name)) {
      throw duplicate();
    }
    return names;
  }

  private static List<Object> readArray(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      list.add(readValue(parser));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * The current value as String, Integer, Long, BigInteger, Double, Boolean, null, an unmodifiable
   * List or an unmodifiable Map.
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
