package dev.apojwt.redis;

/**
 * The Redis keys of one store, all under one prefix (default {@code apojwt:}): {@code s:<sid>} a
 * session (hash: subject, current and previous refresh-token ids, when rotated, its expiry), {@code
 * u:<subject>} a subject's session ids (set), {@code rs} ended sessions and {@code ru} revoked
 * subjects (sorted sets scored by when they stop mattering), {@code rc} the subjects' cutoffs
 * (hash), {@code rv} the revocations' version, {@code gen} the data's generation, and the pub/sub
 * channel {@code revocations}. Every key expires or is pruned when it no longer matters.
 */
final class Keys {
  final String sessionPrefix;
  final String subjectPrefix;
  final String endedSessions;
  final String revokedSubjects;
  final String cutoffs;
  final String version;
  final String generation;
  final String channel;

  Keys(String prefix) {
    this.sessionPrefix = prefix + "s:";
    this.subjectPrefix = prefix + "u:";
    this.endedSessions = prefix + "rs";
    this.revokedSubjects = prefix + "ru";
    this.cutoffs = prefix + "rc";
    this.version = prefix + "rv";
    this.generation = prefix + "gen";
    this.channel = prefix + "revocations";
  }

  String session(String sid) {
    return sessionPrefix + sid;
  }

  String subject(String subject) {
    return subjectPrefix + subject;
  }
}
