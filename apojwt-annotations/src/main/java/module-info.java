/**
 * The annotations of apojwt: access rules, injected parameters and the permission catalog (see
 * {@link dev.apojwt.annotation}). No dependencies; read by the annotation processor at compile
 * time.
 */
module dev.apojwt.annotation {
  exports dev.apojwt.annotation;
}
