package dev.apojwt;

import java.net.URI;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The access-token keys of a {@link ApoJwt.Builder}, and what {@code build()} makes of them: the
 * allowed algorithms, the signing key, and the keys that verify (or the JWKS URI they come from).
 * Checked as a whole, with a message that says what to change.
 */
final class KeyConfiguration {
  /** A key or secret with its kid (null for the one without). */
  private static final class Named<K> {
    final String kid;
    final K key;

    Named(String kid, K key) {
      this.kid = kid;
      this.key = key;
    }
  }

  String algorithm = "HS256";
  boolean algorithmSet;
  List<String> algorithms;
  byte[] secret;
  String secretKid;
  final List<Named<byte[]>> verificationSecrets = new ArrayList<>();
  KeyPair signingKeys;
  String signingKid;
  final List<Named<PublicKey>> verificationKeys = new ArrayList<>();
  URI jwksUri;

  void verificationSecret(String kid, byte[] secret) {
    verificationSecrets.add(new Named<>(kid, secret));
  }

  void verificationKey(String kid, PublicKey key) {
    if (kid == null) {
      verificationKeys.removeIf(k -> k.kid == null); // a setter: the last one counts
    }
    verificationKeys.add(new Named<>(kid, key));
  }

  /** What {@code build()} made of the keys. */
  static final class Resolved {
    /** The algorithms a token's header may name. */
    final Set<JwsAlgorithm> allowed;

    /** The key tokens are signed with, or null when this service only verifies. */
    final JwsKey signingKey;

    /** The keys that verify (with the signing key's public half); empty with a JWKS URI. */
    final KeySet verification;

    /** The JWKS URI the keys come from, or null. */
    final URI jwksUri;

    Resolved(Set<JwsAlgorithm> allowed, JwsKey signingKey, KeySet verification, URI jwksUri) {
      this.allowed = allowed;
      this.signingKey = signingKey;
      this.verification = verification;
      this.jwksUri = jwksUri;
    }

    /** The algorithm of refresh tokens: the access algorithm when it is HMAC, else HS256. */
    JwsAlgorithm refreshAlgorithm() {
      return signingKey instanceof HmacKey ? signingKey.algorithm : JwsAlgorithm.HS256;
    }

    /** Every access secret, for the check that the refresh secret is another key. */
    List<HmacKey> hmacKeys() {
      List<HmacKey> keys = new ArrayList<>();
      for (JwsKey key : verification.keys()) {
        if (key instanceof HmacKey) {
          keys.add((HmacKey) key);
        }
      }
      return keys;
    }
  }

  /**
   * @throws IllegalArgumentException saying what to fix
   */
  Resolved resolve() {
    JwsAlgorithm alg = parse(algorithm);
    Set<JwsAlgorithm> listed = null;
    if (algorithms != null) {
      listed = EnumSet.noneOf(JwsAlgorithm.class);
      for (String name : algorithms) {
        listed.add(parse(name));
      }
    }
    if (jwksUri != null) {
      return remote(alg, listed);
    }
    if (secret != null || (alg.family == JwsAlgorithm.Family.HMAC && listed == null)) {
      return hmac(alg, listed);
    }
    return asymmetric(alg, listed);
  }

  private static JwsAlgorithm parse(String name) {
    JwsAlgorithm alg = JwsAlgorithm.configured(name);
    if (alg == null) {
      throw new IllegalArgumentException(
          "algorithm must be one of " + Arrays.toString(JwsAlgorithm.values()) + "; got " + name);
    }
    return alg;
  }

  private Resolved remote(JwsAlgorithm alg, Set<JwsAlgorithm> listed) {
    if (secret != null
        || signingKeys != null
        || !verificationKeys.isEmpty()
        || !verificationSecrets.isEmpty()) {
      throw new IllegalArgumentException(
          "jwksUri(...) verifies with the keys published there: leave out secret(...),"
              + " signingKeys(...) and verificationKey(...)");
    }
    Set<JwsAlgorithm> allowed =
        listed != null ? listed : EnumSet.of(algorithmSet ? alg : JwsAlgorithm.RS256);
    for (JwsAlgorithm a : allowed) {
      if (!a.family.asymmetric()) {
        throw new IllegalArgumentException(
            a
                + " is an HMAC algorithm, whose secrets a JWK Set never holds: jwksUri(...) needs"
                + " algorithms(...) of RS*, ES* or EdDSA");
      }
    }
    return new Resolved(allowed, null, KeySet.EMPTY, checkedUri(jwksUri));
  }

  /**
   * A JWKS URI must be {@code https}, except {@code http} to a loopback address (for tests): the
   * keys decide who gets in, so they must come over an authenticated channel.
   */
  static URI checkedUri(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !uri.isAbsolute()) {
      throw new IllegalArgumentException("jwksUri must be an absolute https URI with a host");
    }
    if (scheme.equals("https")) {
      return uri;
    }
    if (scheme.equals("http") && isLoopback(host)) {
      return uri;
    }
    throw new IllegalArgumentException(
        "jwksUri must be https (plain http only to a loopback address, for tests)");
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) {
      return true;
    }
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private Resolved hmac(JwsAlgorithm alg, Set<JwsAlgorithm> listed) {
    if (signingKeys != null || !verificationKeys.isEmpty()) {
      throw new IllegalArgumentException(
          alg + " is an HMAC algorithm: configure secret(...), not a key pair or public key");
    }
    if (listed != null) {
      throw new IllegalArgumentException(
          "algorithms(...) is for public keys and jwksUri(...); HMAC secrets all use the one"
              + " algorithm(...)");
    }
    if (alg.family != JwsAlgorithm.Family.HMAC) {
      throw new IllegalArgumentException(
          alg
              + " signs with a key pair: configure signingKeys(KeyPair) or"
              + " verificationKey(PublicKey), not secret(...)");
    }
    if (secret == null) {
      throw new IllegalArgumentException(
          alg + " needs secret(...): at least " + alg.minSecretBytes() + " bytes");
    }
    List<String> kids = new ArrayList<>();
    kids.add(secretKid);
    verificationSecrets.forEach(v -> kids.add(v.kid));
    checkKids(kids);
    HmacKey signing = HmacKey.of(alg, secret, "secret", secretKid);
    List<JwsKey> keys = new ArrayList<>();
    keys.add(signing);
    for (Named<byte[]> s : verificationSecrets) {
      HmacKey key = HmacKey.of(alg, s.key, "verification secret", s.kid);
      for (JwsKey other : keys) {
        if (((HmacKey) other).isSameKeyAs(key)) {
          throw new IllegalArgumentException(
              "verificationSecret " + label(s.kid) + " is the same key as another secret");
        }
      }
      keys.add(key);
    }
    return new Resolved(EnumSet.of(alg), signing, new KeySet(keys), null);
  }

  private Resolved asymmetric(JwsAlgorithm alg, Set<JwsAlgorithm> listed) {
    if (!verificationSecrets.isEmpty()) {
      throw new IllegalArgumentException(
          "verificationSecret(...) goes with secret(...), not with key pairs or public keys");
    }
    Set<JwsAlgorithm> allowed = listed != null ? listed : EnumSet.of(alg);
    for (JwsAlgorithm a : allowed) {
      if (!a.family.asymmetric()) {
        throw new IllegalArgumentException(
            a + " is an HMAC algorithm: configure secret(...), not a key pair or public key");
      }
    }
    if (signingKeys == null && verificationKeys.isEmpty()) {
      throw new IllegalArgumentException(
          describe(allowed)
              + " needs signingKeys(KeyPair) or, to verify only, verificationKey(PublicKey)");
    }
    if (signingKeys != null
        && signingKid == null
        && verificationKeys.stream().anyMatch(k -> k.kid == null)) {
      throw new IllegalArgumentException(
          "configure either signingKeys(KeyPair) or verificationKey(PublicKey), not both: give"
              + " each key a kid to configure several");
    }
    List<String> kids = new ArrayList<>();
    if (signingKeys != null) {
      kids.add(signingKid);
    }
    verificationKeys.forEach(v -> kids.add(v.kid));
    checkKids(kids);
    List<JwsKey> keys = new ArrayList<>();
    JwsKey signing = null;
    if (signingKeys != null) {
      JwsAlgorithm signingAlgorithm = signingAlgorithm(alg, listed, allowed);
      signing =
          AsymmetricKey.of(
              signingAlgorithm, signingKeys.getPublic(), signingKeys.getPrivate(), signingKid);
      keys.add(signing);
    }
    for (Named<PublicKey> v : verificationKeys) {
      keys.addAll(verifyingKeys(v, allowed));
    }
    return new Resolved(allowed, signing, new KeySet(keys), null);
  }

  /** The explicit algorithm, else the first allowed one that suits the signing key. */
  private JwsAlgorithm signingAlgorithm(
      JwsAlgorithm alg, Set<JwsAlgorithm> listed, Set<JwsAlgorithm> allowed) {
    if (algorithmSet || listed == null) {
      if (!allowed.contains(alg)) {
        throw new IllegalArgumentException(
            "algorithm " + alg + " is not among algorithms " + allowed + ": add it there");
      }
      return alg;
    }
    for (JwsAlgorithm a : allowed) {
      if (suits(a, signingKeys.getPublic())) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "the signing key suits none of algorithms " + allowed + ": add its algorithm");
  }

  /** One key per allowed algorithm that {@code v} suits. */
  private static List<JwsKey> verifyingKeys(Named<PublicKey> v, Set<JwsAlgorithm> allowed) {
    List<JwsKey> keys = new ArrayList<>();
    for (JwsAlgorithm a : allowed) {
      if (suits(a, v.key)) {
        keys.add(AsymmetricKey.of(a, v.key, null, v.kid));
      }
    }
    if (keys.isEmpty()) {
      if (allowed.size() == 1) {
        // The key's own check says what it lacks ("needs a key on curve P-384").
        AsymmetricKey.of(allowed.iterator().next(), v.key, null, v.kid);
      }
      throw new IllegalArgumentException(
          "verificationKey " + label(v.kid) + " suits none of the algorithms " + allowed);
    }
    return keys;
  }

  /**
   * Whether {@code key} is of the type {@code alg} signs with (its size and curve checked later).
   */
  static boolean suits(JwsAlgorithm alg, PublicKey key) {
    switch (alg.family) {
      case RSA:
        return key instanceof RSAPublicKey;
      case EC:
        return key instanceof ECPublicKey && EcKey.curveOf((ECPublicKey) key) == alg.curve;
      case OKP:
        return key instanceof EdECPublicKey;
      default:
        return false;
    }
  }

  /** Of the configured keys (before each is made for its algorithms): one without kid, at most. */
  private static void checkKids(List<String> kids) {
    Set<String> seen = new HashSet<>();
    boolean withoutKid = false;
    for (String kid : kids) {
      if (kid == null) {
        if (withoutKid) {
          throw new IllegalArgumentException(
              "at most one key may have no kid (tokens without kid are checked with it): give the"
                  + " others a kid");
        }
        withoutKid = true;
      } else if (!seen.add(kid)) {
        throw new IllegalArgumentException("kid '" + kid + "' names two keys: kids must differ");
      }
    }
  }

  private static String label(String kid) {
    return kid == null ? "without kid" : "'" + kid + "'";
  }

  private static String describe(Set<JwsAlgorithm> allowed) {
    return allowed.size() == 1 ? allowed.iterator().next().toString() : allowed.toString();
  }
}
