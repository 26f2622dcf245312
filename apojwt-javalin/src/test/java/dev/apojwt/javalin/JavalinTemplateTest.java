package dev.apojwt.javalin;

import dev.apojwt.AuthFailure;
import dev.apojwt.Templates;
import dev.apojwt.templatetests.Fixture;
import dev.apojwt.templatetests.GuardedApi;
import dev.apojwt.templatetests.Routes;
import dev.apojwt.templatetests.TemplateSuite;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;

/** The shared template suite on Javalin 7 (Jetty 12). */
class JavalinTemplateTest extends TemplateSuite {

  JavalinTemplateTest() {
    super(JavalinTemplate::create, JavalinTemplate::create);
  }

  @Override
  protected AuthFailure failureOf(RuntimeException thrown) {
    return thrown instanceof Refusal ? ((Refusal) thrown).failure() : Templates.failureOf(thrown);
  }

  @Override
  protected Server start(Fixture fixture) {
    JavalinTemplate web = (JavalinTemplate) fixture.template();
    GuardedApi<Context> api = fixture.api();
    // Outside the template's filter (added first): the suite's probe, after the hook.
    Filter probe =
        (request, response, chain) -> {
          try {
            chain.doFilter(request, response);
          } finally {
            String id =
                ((jakarta.servlet.http.HttpServletRequest) request).getHeader(Routes.PROBE_HEADER);
            if (id != null && request.getDispatcherType() == DispatcherType.REQUEST) {
              fixture.probe(id);
            }
          }
        };
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              config.jetty.modifyServletContextHandler(
                  handler ->
                      handler
                          .addFilter(probe, "/*", EnumSet.of(DispatcherType.REQUEST))
                          .setAsyncSupported(true));
              web.install(config);
              var routes = config.routes;
              routes.get(Routes.OPEN, ctx -> ctx.result(api.open()));
              routes.get(Routes.SUBJECT, ctx -> ctx.result(api.subject()));
              routes.get(Routes.SUBJECT_OF, ctx -> ctx.result(api.subjectOf(ctx, null)));
              routes.get(Routes.READ, ctx -> ctx.result(api.read()));
              routes.post(Routes.REFRESH, ctx -> ctx.result(api.refresh()));
              routes.get(
                  Routes.BEARER,
                  ctx -> ctx.result(api.bearer(ctx.header(Routes.TOKEN_HEADER), null)));
              routes.get(
                  Routes.LATER,
                  ctx ->
                      ctx.future(() -> api.later().thenAccept(ctx::result).toCompletableFuture()));
              routes.get(Routes.FAILS, ctx -> ctx.result(api.fails()));
              routes.get(Routes.UNAVAILABLE, ctx -> ctx.result(api.unavailable()));
            });
    javalin.start();
    return new Server() {
      @Override
      public int port() {
        return javalin.port();
      }

      @Override
      public void close() {
        javalin.stop();
      }
    };
  }
}
