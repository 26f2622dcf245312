package dev.apojwt.sample.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with PBKDF2-HMAC-SHA256 from the JDK: a random 16-byte salt per password and a
 * 256-bit derived key. A hash is stored as one string, {@code
 * pbkdf2-sha256$<iterations>$<salt>$<key>} (salt and key in base64), so the iteration count can be
 * raised later without invalidating stored hashes. Thread-safe.
 */
public final class PasswordHasher {
  static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;

  private final int iterations;
  private final SecureRandom random;

  /** A hasher for new passwords with {@code iterations} PBKDF2 rounds. */
  public PasswordHasher(int iterations, SecureRandom random) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive; got " + iterations);
    }
    this.iterations = iterations;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The rounds this hasher uses for new hashes. */
  public int iterations() {
    return iterations;
  }

  /** A new hash of {@code password} with a fresh random salt, in the stored string form. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] key = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(key);
  }

  /**
   * Whether {@code password} matches {@code hash}, comparing the derived keys in constant time. The
   * work depends only on the hash's iteration count, not on where the password differs.
   */
  public static boolean verify(char[] password, PasswordHash hash) {
    byte[] key = derive(password, hash.salt(), hash.iterations());
    return MessageDigest.isEqual(key, hash.key());
  }

  static byte[] derive(char[] password, byte[] salt, int iterations) {
    KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
    } finally {
      ((PBEKeySpec) spec).clearPassword();
    }
  }

  /** A parsed stored hash. */
  public static final class PasswordHash {
    private final int iterations;
    private final byte[] salt;
    private final byte[] key;

    private PasswordHash(int iterations, byte[] salt, byte[] key) {
      this.iterations = iterations;
      this.salt = salt;
      this.key = key;
    }

    /**
     * Parses {@code pbkdf2-sha256$<iterations>$<salt>$<key>}.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the value)
     */
    public static PasswordHash parse(String encoded) {
      Objects.requireNonNull(encoded, "encoded");
      String[] parts = encoded.split("\\$", -1);
      if (parts.length != 4 || !parts[0].equals(SCHEME)) {
        throw new IllegalArgumentException(
            "a password hash has the form " + SCHEME + "$<iterations>$<salt>$<key>");
      }
      int iterations;
      try {
        iterations = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the iteration count of a password hash is not a number");
      }
      if (iterations < 1) {
        throw new IllegalArgumentException(
            "the iteration count of a password hash must be positive");
      }
      byte[] salt;
      byte[] key;
      try {
        salt = Base64.getDecoder().decode(parts[2]);
        key = Base64.getDecoder().decode(parts[3]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the salt or key of a password hash is not base64");
      }
      if (salt.length < 8) {
        throw new IllegalArgumentException(
            "the salt of a password hash must have at least 8 bytes");
      }
      if (key.length != KEY_BITS / 8) {
        throw new IllegalArgumentException(
            "the key of a password hash must have " + (KEY_BITS / 8) + " bytes");
      }
      return new PasswordHash(iterations, salt, key);
    }

    public int iterations() {
      return iterations;
    }

    byte[] salt() {
      return salt.clone();
    }

    byte[] key() {
      return key.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PasswordHash
          && iterations == ((PasswordHash) o).iterations
          && Arrays.equals(salt, ((PasswordHash) o).salt)
          && Arrays.equals(key, ((PasswordHash) o).key);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return "PasswordHash[" + SCHEME + ", iterations=" + iterations + "]";
    }
  }
}
