package dev.apojwt;

/** The two kinds of token apojwt issues; one must never pass as the other. */
enum TokenKind {
  ACCESS("at+jwt"),
  REFRESH("refresh+jwt");

  /** The {@code typ} header value of the tokens apojwt creates of this kind. */
  final String typ;

  TokenKind(String typ) {
    this.typ = typ;
  }
}
