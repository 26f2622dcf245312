package dev.apojwt;

/**
 * What key selection needs of a token's header once the header stage has passed it: the algorithm
 * (one of the allowed ones) and the key id. The {@code kid} is kept as the header has it and
 * checked only where it is used ({@link KeySet#find}): a service with a single key without kid
 * never reads it.
 */
final class JwsHeader {
  final JwsAlgorithm algorithm;

  /** The header's {@code kid} when it is a string, else null. */
  final String kid;

  /** Whether the header has a {@code kid} that is not a string. */
  final boolean kidNotAString;

  JwsHeader(JwsAlgorithm algorithm, String kid, boolean kidNotAString) {
    this.algorithm = algorithm;
    this.kid = kid;
    this.kidNotAString = kidNotAString;
  }

  /** Whether the header names a key at all. */
  boolean hasKid() {
    return kid != null || kidNotAString;
  }
}
