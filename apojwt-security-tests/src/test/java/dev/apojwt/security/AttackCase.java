package dev.apojwt.security;

import dev.apojwt.AuthFailure;

/** One row of the attack corpus: a hostile token, where it is sent, and how it must fail. */
final class AttackCase {
  enum Kind {
    /** Sent where an access token is required. */
    ACCESS,
    /** Sent where a refresh token is required. */
    REFRESH
  }

  final String name;
  final Services service;
  final Kind kind;
  final String token;
  final AuthFailure.Reason reason;

  AttackCase(String name, Services service, Kind kind, String token, AuthFailure.Reason reason) {
    this.name = name;
    this.service = service;
    this.kind = kind;
    this.token = token;
    this.reason = reason;
  }

  int status() {
    return reason.status();
  }

  @Override
  public String toString() {
    return name + " (" + service + ", " + kind + ") -> " + reason;
  }
}
