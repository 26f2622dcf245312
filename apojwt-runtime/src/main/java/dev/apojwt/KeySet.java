package dev.apojwt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one kind of token may be verified with, immutable: the configured ones, or one fetched
 * JWK Set. The token's {@code kid} chooses among these keys only, and never falls back to another:
 *
 * <ul>
 *   <li>when no key has a kid (a single configured key, as in apojwt 1.7), there is nothing to
 *       choose and the header's {@code kid} is not read;
 *   <li>otherwise a token with a {@code kid} needs a key of that id made for the token's algorithm;
 *       a token without one is tried against the key without kid, if there is one.
 * </ul>
 */
final class KeySet {
  static final KeySet EMPTY = new KeySet(List.of());

  private final List<JwsKey> keys;
  private final Map<String, JwsKey[]> byKid = new HashMap<>();
  private final Map<JwsAlgorithm, JwsKey> withoutKid = new EnumMap<>(JwsAlgorithm.class);
  private final boolean usesKids;

  /**
   * A set of {@code keys}, in order; at most one per kid and algorithm, and at most one without kid
   * per algorithm (the configuration and the JWK Set reader see to that).
   */
  KeySet(List<JwsKey> keys) {
    this.keys = List.copyOf(keys);
    boolean anyKid = false;
    Map<String, List<JwsKey>> grouped = new HashMap<>();
    for (JwsKey key : this.keys) {
      if (key.kid == null) {
        if (withoutKid.put(key.algorithm, key) != null) {
          throw new IllegalArgumentException("two keys without kid for " + key.algorithm);
        }
      } else {
        anyKid = true;
        grouped.computeIfAbsent(key.kid, k -> new ArrayList<>()).add(key);
      }
    }
    grouped.forEach((kid, list) -> byKid.put(kid, list.toArray(new JwsKey[0])));
    // An empty set (a provider's, between rotations) has unknown kids, not kids to ignore.
    this.usesKids = anyKid || this.keys.isEmpty();
  }

  List<JwsKey> keys() {
    return keys;
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /**
   * The key that must have made the token's signature, or null when its {@code kid} names no key of
   * this set (which a remote set may answer by fetching the set again).
   *
   * @throws ApoJwtException MALFORMED for a {@code kid} that is not a string or not a valid key id;
   *     BAD_ALGORITHM when the key the {@code kid} names is not made for the header's {@code alg};
   *     BAD_SIGNATURE when there is no key for a token without {@code kid}
   */
  JwsKey find(JwsHeader header) {
    if (!usesKids) {
      JwsKey key = withoutKid.get(header.algorithm);
      if (key == null) {
        throw Failures.badSignature("no key for the token's algorithm");
      }
      return key;
    }
    if (!header.hasKid()) {
      JwsKey key = withoutKid.get(header.algorithm);
      if (key == null) {
        throw Failures.badSignature("token has no 'kid', and no key without one suits its 'alg'");
      }
      return key;
    }
    if (header.kidNotAString) {
      throw Failures.malformed("header 'kid' is not a string");
    }
    if (!KeyIds.valid(header.kid)) {
      throw Failures.malformed("header 'kid' is not a valid key id");
    }
    JwsKey[] named = byKid.get(header.kid);
    if (named == null) {
      return null;
    }
    for (JwsKey key : named) {
      if (key.algorithm == header.algorithm) {
        return key;
      }
    }
    throw Failures.badAlgorithm("header 'alg' is not an algorithm of the key its 'kid' names");
  }

  /** Whether {@code key} (this very instance) is in this set. */
  boolean holds(JwsKey key) {
    for (JwsKey k : keys) {
      if (k == key) {
        return true;
      }
    }
    return false;
  }
}
