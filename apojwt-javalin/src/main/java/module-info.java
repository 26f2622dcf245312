/** apojwt's template for Javalin 7: {@link dev.apojwt.javalin.JavalinTemplate}. */
module dev.apojwt.javalin {
  requires transitive dev.apojwt;
  requires transitive io.javalin;

  exports dev.apojwt.javalin;
}
