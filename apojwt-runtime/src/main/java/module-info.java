/**
 * The apojwt runtime: {@link dev.apojwt.ApoJwt} (configuration, token creation and verification)
 * and the small API that generated guards call. Only {@code dev.apojwt} is exported; Jackson's
 * streaming parser and Caffeine (the in-memory session store) are used inside and appear in no
 * signature of it, so they are not required transitively.
 */
module dev.apojwt {
  requires com.fasterxml.jackson.core;
  requires com.github.benmanes.caffeine;

  exports dev.apojwt;
}
