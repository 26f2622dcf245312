package dev.apojwt.spring;

/**
 * What stops start-up for apojwt (an {@code apojwt.*} property that cannot configure an {@code
 * ApoJwt}, a handler bean that cannot be guarded): what is wrong and what to do, for {@link
 * ApoJwtFailureAnalyzer}. Its texts never contain a property's value.
 */
final class ApoJwtStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String action;

  ApoJwtStartupException(String problem, String action) {
    super(problem, null, false, false);
    this.action = action;
  }

  /** A property that cannot configure the ApoJwt: {@code <property>: <problem>}. */
  static ApoJwtStartupException property(String property, String problem, String action) {
    return new ApoJwtStartupException(property + ": " + problem, action);
  }

  /** What to do about it. */
  String action() {
    return action;
  }
}
