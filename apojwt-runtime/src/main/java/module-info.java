/**
 * The apojwt runtime: {@link dev.apojwt.ApoJwt} (configuration, token creation and verification)
 * and the small API that generated guards call. Only {@code dev.apojwt} is exported; Jackson's
 * streaming parser is used inside and appears in no signature of it, so it is not required
 * transitively.
 */
module dev.apojwt {
  requires com.fasterxml.jackson.core;

  exports dev.apojwt;
}
