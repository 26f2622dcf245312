/**
 * The apojwt runtime: {@link dev.apojwt.ApoJwt} (configuration, token creation and verification)
 * and the small API that generated guards call. Only {@code dev.apojwt} is exported; Jackson's
 * streaming parser, Caffeine (the verified-token cache, the in-memory session store) and the JDK's
 * HTTP client (JWK Sets) are used inside and appear in no signature of it, so none is required
 * transitively. It {@code uses} {@link dev.apojwt.GuardFactory}: the processor lists each generated
 * factory in {@code META-INF/services}, so that a framework finds them with {@link
 * java.util.ServiceLoader}.
 */
module dev.apojwt {
  requires com.fasterxml.jackson.core;
  requires com.github.benmanes.caffeine;
  requires java.net.http;

  exports dev.apojwt;

  // The generated guard factories, listed in META-INF/services by the processor.
  uses dev.apojwt.GuardFactory;
}
