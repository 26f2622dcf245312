package dev.apojwt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates one kind of token. The payload follows apojwt 1.7's claim order (exp, sub, nbf, iss, aud,
 * iat, data, perms) and adds a {@code jti}; the header is {@code {"alg":..,"typ":..}}. The key
 * signs the token in place: header, payload and signature are encoded into one array, which becomes
 * the token's String.
 */
final class TokenWriter {
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(TokenWriter::newRandom);

  private final TokenKind kind;
  private final JwsKey key;
  private final byte[] encodedHeader;
  private final String issuer;
  private final List<String> audience;
  private final long lifetimeSeconds;
  private final Clock clock;
  private final Supplier<String> ids;
  private final int maxLength;

  TokenWriter(
      TokenKind kind,
      JwsKey key,
      String issuer,
      List<String> audience,
      long lifetimeSeconds,
      Clock clock,
      Supplier<String> ids,
      int maxLength) {
    this.kind = kind;
    this.key = key;
    this.encodedHeader =
        HeaderCheck.encoded(key.algorithm, kind.typ).getBytes(StandardCharsets.US_ASCII);
    this.issuer = issuer;
    this.audience = audience;
    this.lifetimeSeconds = lifetimeSeconds;
    this.clock = clock;
    this.ids = ids == null ? TokenWriter::randomId : ids;
    this.maxLength = maxLength;
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG"); // per thread: no lock shared between requests
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** 128 random bits, base64url: unique with overwhelming probability (RFC 7519 4.1.7). */
  static String randomId() {
    byte[] id = new byte[16];
    RANDOM.get().nextBytes(id);
    return Base64Url.encodeToString(id);
  }

  /**
   * A signed token. {@code permissions} is null for a refresh token. Throws
   * IllegalArgumentException when {@code data} is not made of JSON values.
   */
  String write(String subject, Collection<String> permissions, Map<String, ?> data) {
    if (!key.canSign()) {
      throw new IllegalStateException(
          "this ApoJwt has only a verification key: configure signingKeys(KeyPair) to create tokens");
    }
    if (kind == TokenKind.ACCESS && subject == null) {
      throw new IllegalArgumentException("subject must not be null (apojwt writes \"\" for none)");
    }
    if (data == null) {
      throw new IllegalArgumentException("data must not be null: pass Map.of() for none");
    }
    long now = Math.floorDiv(clock.millis(), 1000L);
    ByteArrayBuilder out = new ByteArrayBuilder(256);
    try (JsonGenerator json = StrictJson.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("exp", now + lifetimeSeconds);
      if (subject != null) {
        json.writeStringField("sub", wellFormed(subject, "subject"));
      }
      json.writeNumberField("nbf", now);
      json.writeStringField("iss", issuer);
      json.writeArrayFieldStart("aud");
      for (String a : audience) {
        json.writeString(a);
      }
      json.writeEndArray();
      json.writeNumberField("iat", now);
      json.writeFieldName("data");
      writeValue(json, data, 1);
      if (permissions != null) {
        json.writeArrayFieldStart("perms");
        for (String permission : uniquePermissions(permissions)) {
          json.writeString(wellFormed(permission, "a permission"));
        }
        json.writeEndArray();
      }
      json.writeStringField("jti", ids.get());
      json.writeEndObject();
    } catch (BadValue e) {
      throw e.asArgumentError();
    } catch (IOException e) {
      // Jackson refuses strings that are not valid UTF-16 (a lone surrogate half).
      throw new IllegalArgumentException("the token's claims could not be written as JSON", e);
    }
    return sign(out.toByteArray());
  }

  /** {@code header.payload.signature}, encoded into one array and signed in place. */
  private String sign(byte[] payload) {
    int header = encodedHeader.length;
    int signingInput = header + 1 + Base64Url.encodedLength(payload.length);
    int length = signingInput + 1 + Base64Url.encodedLength(key.signatureLength());
    if (length > maxLength) {
      // Never a token that this very configuration would refuse as too long.
      throw new IllegalArgumentException(
          "the token would be "
              + length
              + " characters, over maxTokenLength "
              + maxLength
              + ": put less in data, or raise maxTokenLength on every service that verifies it");
    }
    byte[] token = new byte[length];
    System.arraycopy(encodedHeader, 0, token, 0, header);
    token[header] = '.';
    Base64Url.encode(payload, token, header + 1);
    token[signingInput] = '.';
    byte[] signature = key.sign(token, 0, signingInput);
    Base64Url.encode(signature, token, signingInput + 1);
    return new String(token, StandardCharsets.US_ASCII);
  }

  /** Jackson's (and so our parser's) longest number, in digits. */
  private static final int MAX_NUMBER_DIGITS = 1000;

  /** Below this many bits a BigInteger has fewer than 1000 digits: no need to count them. */
  private static final int MAX_NUMBER_BITS = 3300;

  private static final String UNPAIRED =
      " is not well-formed Unicode (it has an unpaired surrogate), which JSON parsers treat"
          + " differently";

  private static String wellFormed(String text, String what) {
    if (!isWellFormed(text)) {
      throw new IllegalArgumentException(what + UNPAIRED);
    }
    return text;
  }

  /** Whether every surrogate in {@code text} is half of a pair. */
  static boolean isWellFormed(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static Collection<String> uniquePermissions(Collection<String> permissions) {
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String permission : permissions) {
      if (permission == null) {
        throw new IllegalArgumentException("permissions must not contain null");
      }
      unique.add(permission);
    }
    return unique;
  }

  /**
   * Writes one data value. Paths for error messages are only built when a value is refused: each
   * enclosing map or list prepends its key on the way out.
   */
  private static void writeValue(JsonGenerator json, Object value, int depth) throws IOException {
    if (depth >= StrictJson.MAX_DEPTH - 1) {
      throw new BadValue(
          " is nested deeper than " + (StrictJson.MAX_DEPTH - 2) + " levels (or contains itself)");
    }
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String) {
      if (!isWellFormed((String) value)) {
        throw new BadValue(UNPAIRED);
      }
      json.writeString((String) value);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new BadValue(" is " + d + ", which JSON cannot represent");
      }
      if (value instanceof Float) {
        json.writeNumber((Float) value);
      } else {
        json.writeNumber(d);
      }
    } else if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      if (big.bitLength() > MAX_NUMBER_BITS && big.abs().toString().length() > MAX_NUMBER_DIGITS) {
        throw new BadValue(
            " has more than " + MAX_NUMBER_DIGITS + " digits, more than JSON parsers accept");
      }
      json.writeNumber(big);
    } else if (value instanceof BigDecimal) {
      BigDecimal decimal = (BigDecimal) value;
      if (!Double.isFinite(decimal.doubleValue()) || decimal.precision() > MAX_NUMBER_DIGITS) {
        throw new BadValue(" is beyond the range or precision a JSON number is read back with");
      }
      json.writeNumber(decimal);
    } else if (value instanceof Map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new BadValue(" has a key that is not a String");
        }
        String key = (String) entry.getKey();
        if (!isWellFormed(key)) {
          throw new BadValue(" has a key that" + UNPAIRED);
        }
        json.writeFieldName(key);
        try {
          writeValue(json, entry.getValue(), depth + 1);
        } catch (BadValue e) {
          throw e.within("." + key);
        }
      }
      json.writeEndObject();
    } else if (value instanceof List) {
      json.writeStartArray();
      int i = 0;
      for (Object element : (List<?>) value) {
        try {
          writeValue(json, element, depth + 1);
        } catch (BadValue e) {
          throw e.within("[" + i + "]");
        }
        i++;
      }
      json.writeEndArray();
    } else {
      throw new BadValue(
          " is a "
              + value.getClass().getName()
              + "; token data must be JSON values: String, Number, Boolean, null, List or Map"
              + " with String keys");
    }
  }

  /** A refused data value; its path grows as it leaves each enclosing container. */
  private static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String problem;
    private String path = "";

    BadValue(String problem) {
      super(null, null, false, false);
      this.problem = problem;
    }

    BadValue within(String segment) {
      path = segment + path;
      return this;
    }

    IllegalArgumentException asArgumentError() {
      return new IllegalArgumentException("data" + path + problem);
    }
  }
}
