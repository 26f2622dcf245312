package dev.apojwt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates one kind of token. The payload follows apojwt 1.7's claim order (exp, sub, nbf, iss, aud,
 * iat, data, perms) and adds a {@code jti}, then a {@code sid} for a session's token; the header is
 * {@code {"alg":..,"typ":..}}. The key signs the token in place: header, payload and signature are
 * encoded into one array, which becomes the token's String.
 */
final class TokenWriter {
  // The member names, encoded once.
  private static final SerializedString EXP = new SerializedString("exp");
  private static final SerializedString SUB = new SerializedString("sub");
  private static final SerializedString NBF = new SerializedString("nbf");
  private static final SerializedString ISS = new SerializedString("iss");
  private static final SerializedString AUD = new SerializedString("aud");
  private static final SerializedString IAT = new SerializedString("iat");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString PERMS = new SerializedString("perms");
  private static final SerializedString JTI = new SerializedString("jti");
  private static final SerializedString SID = new SerializedString("sid");

  /** No cap on a token's {@code exp}: it is issued time plus the lifetime. */
  static final long NO_CAP = Long.MAX_VALUE;

  private final TokenKind kind;
  private final JwsKey key;
  private final byte[] encodedHeader;

  /** The values of iss and aud, the same in every token: written as JSON once. */
  private final String issuerJson;

  private final String audienceJson;
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
        HeaderCheck.encoded(key.algorithm, kind.typ, key.kid).getBytes(StandardCharsets.US_ASCII);
    this.issuerJson = StrictJson.write(json -> json.writeString(issuer));
    this.audienceJson =
        StrictJson.write(
            json -> {
              json.writeStartArray();
              for (String a : audience) {
                json.writeString(a);
              }
              json.writeEndArray();
            });
    this.lifetimeSeconds = lifetimeSeconds;
    this.clock = clock;
    this.ids = ids == null ? TokenIds::next : ids;
    this.maxLength = maxLength;
  }

  /**
   * A signed token. {@code permissions} is null for a refresh token. Throws
   * IllegalArgumentException when {@code data} is not made of JSON values.
   */
  String write(String subject, Collection<String> permissions, Map<String, ?> data) {
    return write(subject, permissions, data, null, null, NO_CAP);
  }

  /**
   * A signed token issued at {@code now} (seconds): {@code iat} and {@code nbf} are {@code now},
   * {@code exp} is {@code now} plus this kind's lifetime.
   */
  String write(String subject, Collection<String> permissions, Map<String, ?> data, long now) {
    return write(subject, permissions, data, null, null, NO_CAP, now, true);
  }

  /**
   * A signed token of session {@code sid} (null for none, and then no {@code sid} claim), with
   * {@code id} as its {@code jti} (null for a new random one), expiring at the earlier of its
   * lifetime and {@code expCap} (epoch seconds; {@link #NO_CAP} for none): a session's tokens never
   * outlive the session.
   */
  String write(
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      String sid,
      String id,
      long expCap) {
    return write(subject, permissions, data, sid, id, expCap, now(), true);
  }

  private long now() {
    return Math.floorDiv(clock.millis(), 1000L);
  }

  private String write(
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      String sid,
      String id,
      long expCap,
      long now,
      boolean signed) {
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
    JsonBuffer out = JsonBuffer.acquire();
    try {
      long exp = Math.min(now + lifetimeSeconds, expCap);
      writePayload(out, now, exp, subject, permissions, data, sid, id);
      if (signed) {
        return sign(out.bytes(), out.length());
      }
      checkedLength(encodedHeader.length + 1 + Base64Url.encodedLength(out.length()));
      return null;
    } finally {
      out.release();
    }
  }

  /**
   * Throws what {@link #write} would throw for these arguments, without signing anything: lets a
   * caller refuse bad input before it changes state elsewhere.
   */
  void check(String subject, Collection<String> permissions, Map<String, ?> data) {
    String sample = TokenIds.next();
    write(subject, permissions, data, sample, sample, NO_CAP, now(), false);
  }

  private void writePayload(
      JsonBuffer out,
      long now,
      long exp,
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      String sid,
      String id) {
    try (JsonGenerator json = StrictJson.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeFieldName(EXP);
      json.writeNumber(exp);
      if (subject != null) {
        json.writeFieldName(SUB);
        json.writeString(wellFormed(subject, "subject"));
      }
      json.writeFieldName(NBF);
      json.writeNumber(now);
      json.writeFieldName(ISS);
      json.writeRawValue(issuerJson);
      json.writeFieldName(AUD);
      json.writeRawValue(audienceJson);
      json.writeFieldName(IAT);
      json.writeNumber(now);
      json.writeFieldName(DATA);
      writeValue(json, data, 1);
      if (permissions != null) {
        json.writeFieldName(PERMS);
        writePermissions(json, permissions);
      }
      json.writeFieldName(JTI);
      json.writeString(id != null ? id : ids.get());
      if (sid != null) {
        json.writeFieldName(SID);
        json.writeString(sid);
      }
      json.writeEndObject();
    } catch (BadValue e) {
      throw e.asArgumentError();
    } catch (IOException e) {
      // Jackson refuses strings that are not valid UTF-16 (a lone surrogate half).
      throw new IllegalArgumentException("the token's claims could not be written as JSON", e);
    }
  }

  /** {@code header.payload.signature}, encoded into one array and signed in place. */
  private String sign(byte[] payload, int payloadLength) {
    int header = encodedHeader.length;
    int signingInput = header + 1 + Base64Url.encodedLength(payloadLength);
    int length = checkedLength(signingInput);
    byte[] token = new byte[length];
    System.arraycopy(encodedHeader, 0, token, 0, header);
    token[header] = '.';
    Base64Url.encode(payload, payloadLength, token, header + 1);
    token[signingInput] = '.';
    byte[] signature = key.sign(token, 0, signingInput);
    if (signature.length != key.signatureLength()) {
      // A security provider other than the JDK's may answer differently; never a broken token.
      throw new IllegalStateException(
          key.algorithm + " signature of " + signature.length + " bytes, not the JWS length");
    }
    Base64Url.encode(signature, signature.length, token, signingInput + 1);
    return new String(token, StandardCharsets.ISO_8859_1); // ASCII, copied as it is
  }

  /** The length of the token whose signing input is this long; refused when over the cap. */
  private int checkedLength(int signingInput) {
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
    return length;
  }

  /** Jackson's (and so our parser's) longest number, in digits. */
  private static final int MAX_NUMBER_DIGITS = 1000;

  /** Below this many bits a BigInteger has fewer than 1000 digits: no need to count them. */
  private static final int MAX_NUMBER_BITS = 3300;

  private static final String UNPAIRED =
      " is not well-formed Unicode (it has an unpaired surrogate), which JSON parsers treat"
          + " differently";

  static String wellFormed(String text, String what) {
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

  /** Below this many permissions, duplicates are found by a scan of those written before. */
  private static final int LINEAR_SCAN_LIMIT = 12;

  /** {@code perms}: each permission once, in the caller's order. */
  private static void writePermissions(JsonGenerator json, Collection<String> permissions)
      throws IOException {
    String[] written = new String[permissions.size()];
    Set<String> seen = written.length > LINEAR_SCAN_LIMIT ? new HashSet<>() : null;
    int n = 0;
    json.writeStartArray();
    for (String permission : permissions) {
      if (permission == null) {
        throw new IllegalArgumentException("permissions must not contain null");
      }
      if (seen != null ? seen.add(permission) : !contains(written, n, permission)) {
        written[n++] = permission;
        json.writeString(wellFormed(permission, "a permission"));
      }
    }
    json.writeEndArray();
  }

  private static boolean contains(String[] values, int n, String value) {
    for (int i = 0; i < n; i++) {
      if (values[i].equals(value)) {
        return true;
      }
    }
    return false;
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
