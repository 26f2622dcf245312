package dev.apojwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Key pairs made once, JCA signing independent of the code under test, and a clock to move. */
final class Keys {
  static final KeyPair EC_NEW = TestTokens.ec("secp256r1");
  static final KeyPair EC_OLD = TestTokens.ec("secp256r1");
  static final KeyPair EC_OTHER = TestTokens.ec("secp256r1");
  static final KeyPair ED25519 = generate("Ed25519");

  private Keys() {}

  static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** header.payload signed by JCA with {@code jcaAlgorithm} ("SHA256withECDSAinP1363Format"...). */
  static String sign(String jcaAlgorithm, PrivateKey key, String headerJson, String payloadJson) {
    String input = TestTokens.b64(headerJson) + "." + TestTokens.b64(payloadJson);
    try {
      Signature signature = Signature.getInstance(jcaAlgorithm);
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + TestTokens.b64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String es256(PrivateKey key, String headerJson, String payloadJson) {
    return sign("SHA256withECDSAinP1363Format", key, headerJson, payloadJson);
  }

  /** The decoded header of {@code token}. */
  static String header(String token) {
    return new String(
        TestTokens.unb64(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile long millis;

    MovableClock(Instant start) {
      this.millis = start.toEpochMilli();
    }

    void advance(Duration by) {
      millis += by.toMillis();
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
