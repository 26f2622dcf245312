/** apojwt's template for Jakarta Servlet 6: {@link dev.apojwt.servlet.ServletTemplate}. */
module dev.apojwt.servlet {
  requires transitive dev.apojwt;
  requires transitive jakarta.servlet;

  exports dev.apojwt.servlet;
}
