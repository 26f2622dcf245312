/**
 * The apojwt test kit (see {@link dev.apojwt.test}): tokens for tests, the access matrix, the
 * access snapshot and the {@code @ApoJwtTest} JUnit 5 extension. Its API shows the runtime's types,
 * so it requires the runtime transitively; JUnit Jupiter's API is the user's own.
 */
module dev.apojwt.test {
  requires transitive dev.apojwt;
  requires transitive org.junit.jupiter.api;

  exports dev.apojwt.test;
}
