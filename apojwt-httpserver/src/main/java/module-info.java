/**
 * apojwt's template for the JDK's HTTP server ({@code com.sun.net.httpserver}): {@link
 * dev.apojwt.httpserver.HttpServerTemplate}.
 */
module dev.apojwt.httpserver {
  requires transitive dev.apojwt;
  requires transitive jdk.httpserver;

  exports dev.apojwt.httpserver;
}
