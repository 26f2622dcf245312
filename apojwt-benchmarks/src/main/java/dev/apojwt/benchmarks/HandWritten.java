package dev.apojwt.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floors: tokens made and checked by hand with the same tools apojwt uses (the JDK's {@link
 * Mac} or {@link Signature}, initialised once and reused; Jackson's streaming API; the JDK's
 * base64url), as a careful service would write them without a library. They do what apojwt does for
 * a valid token, without its strictness (no charset scan, no UTF-8 or duplicate-name checks, no
 * type checks beyond what the reads need): the difference to apojwt is the price of that strictness
 * and of its API. One instance per benchmark thread.
 */
final class HandWritten {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final String header;
  private final Mac mac;
  private final Signature verifier;
  private final Signature signer;
  private final SecureRandom random;

  /**
   * For HS256 with {@link Fixtures#SECRET} ({@code keys} null), or RS256/ES256 with {@code keys}.
   */
  HandWritten(String algorithm, KeyPair keys) {
    header =
        ENCODER.encodeToString(
            ("{\"alg\":\"" + algorithm + "\",\"typ\":\"at+jwt\"}")
                .getBytes(StandardCharsets.US_ASCII));
    try {
      if (keys == null) {
        mac = Mac.getInstance("HmacSHA256");
        byte[] secret = Fixtures.SECRET.getBytes(StandardCharsets.UTF_8);
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        verifier = null;
        signer = null;
      } else {
        String jca = algorithm.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format";
        mac = null;
        verifier = Signature.getInstance(jca);
        verifier.initVerify(keys.getPublic());
        signer = Signature.getInstance(jca);
        signer.initSign(keys.getPrivate());
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    SecureRandom drbg;
    try {
      drbg = SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      drbg = new SecureRandom();
    }
    random = drbg;
  }

  /** An access token with apojwt's claims and a random 128-bit {@code jti}. */
  String sign(
      String subject,
      Collection<String> permissions,
      Map<String, ?> data,
      String issuer,
      String audience,
      long lifetimeSeconds) {
    long now = System.currentTimeMillis() / 1000;
    byte[] id = new byte[16];
    random.nextBytes(id);
    ByteArrayBuilder out = new ByteArrayBuilder(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("exp", now + lifetimeSeconds);
      json.writeStringField("sub", subject);
      json.writeNumberField("nbf", now);
      json.writeStringField("iss", issuer);
      json.writeArrayFieldStart("aud");
      json.writeString(audience);
      json.writeEndArray();
      json.writeNumberField("iat", now);
      json.writeFieldName("data");
      json.writeStartObject();
      for (Map.Entry<String, ?> entry : data.entrySet()) {
        json.writeFieldName(entry.getKey());
        Object value = entry.getValue();
        if (value instanceof String) {
          json.writeString((String) value);
        } else {
          json.writeNumber(((Number) value).longValue());
        }
      }
      json.writeEndObject();
      json.writeArrayFieldStart("perms");
      for (String permission : permissions) {
        json.writeString(permission);
      }
      json.writeEndArray();
      json.writeStringField("jti", ENCODER.encodeToString(id));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String signingInput = header + "." + ENCODER.encodeToString(out.toByteArray());
    byte[] signature = sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + ENCODER.encodeToString(signature);
  }

  private byte[] sign(byte[] signingInput) {
    if (mac != null) {
      return mac.doFinal(signingInput);
    }
    try {
      signer.update(signingInput);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature check: the MAC compared in constant time, or the JDK's verification. */
  private boolean signatureMatches(byte[] token, int signingInput, byte[] signature) {
    if (mac != null) {
      mac.update(token, 0, signingInput);
      return MessageDigest.isEqual(mac.doFinal(), signature);
    }
    try {
      verifier.update(token, 0, signingInput);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The claims a handler reads from a verified token. */
  static final class Claims {
    String subject;
    List<String> permissions;
    Map<String, Object> data;
  }

  /**
   * Checks an access token as apojwt does for a valid one (its header, its signature in constant
   * time, exp, nbf, iat, iss, aud) and reads its claims; null when it is refused.
   */
  Claims verify(String token, String issuer, String audience) {
    int firstDot = token.indexOf('.');
    int secondDot = token.indexOf('.', firstDot + 1);
    if (firstDot != header.length() || secondDot < 0 || !token.startsWith(header)) {
      return null;
    }
    byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
    byte[] signature = DECODER.decode(token.substring(secondDot + 1));
    if (!signatureMatches(ascii, secondDot, signature)) {
      return null;
    }
    byte[] payload = DECODER.decode(token.substring(firstDot + 1, secondDot));
    long now = System.currentTimeMillis() / 1000;
    Claims claims = new Claims();
    long exp = -1;
    long nbf = -1;
    long iat = -1;
    String iss = null;
    boolean audienceMatches = false;
    try (JsonParser parser = JSON.createParser(payload)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "exp":
            exp = parser.getLongValue();
            break;
          case "nbf":
            nbf = parser.getLongValue();
            break;
          case "iat":
            iat = parser.getLongValue();
            break;
          case "iss":
            iss = parser.getText();
            break;
          case "sub":
            claims.subject = parser.getText();
            break;
          case "aud":
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              audienceMatches |= audience.equals(parser.getText());
            }
            break;
          case "perms":
            claims.permissions = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              claims.permissions.add(parser.getText());
            }
            break;
          case "data":
            claims.data = object(parser);
            break;
          default:
            parser.skipChildren();
        }
      }
    } catch (IOException e) {
      return null;
    }
    boolean valid = exp > now && nbf <= now && iat <= now && issuer.equals(iss) && audienceMatches;
    return valid && claims.permissions != null ? claims : null;
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT) {
        map.put(name, object(parser));
      } else if (token == JsonToken.VALUE_STRING) {
        map.put(name, parser.getText());
      } else if (token.isNumeric()) {
        map.put(name, parser.getNumberValue());
      } else {
        parser.skipChildren();
      }
    }
    return map;
  }
}
