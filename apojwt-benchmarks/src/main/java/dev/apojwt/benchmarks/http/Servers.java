package dev.apojwt.benchmarks.http;

import com.sun.net.httpserver.HttpServer;
import dev.apojwt.ApoJwt;
import dev.apojwt.Template;
import dev.apojwt.httpserver.HttpServerTemplate;
import dev.apojwt.javalin.JavalinTemplate;
import dev.apojwt.servlet.ServletTemplate;
import io.javalin.Javalin;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * One server per template, each on a free loopback port with two routes answering the same text:
 * {@code /open} calls the implementation directly, {@code /guarded} calls it through the guard
 * (HS256, one permission), both behind the template's hook.
 */
enum Servers {
  JAVALIN("Javalin 7 (Jetty 12)", JavalinTemplate::create) {
    @Override
    Running start(Template template, Hello plain, Hello guarded) {
      Javalin javalin =
          Javalin.create(
                  config -> {
                    ((JavalinTemplate) template).install(config);
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = 0;
                    config.routes.get("/open", ctx -> ctx.result(plain.hello("anonymous")));
                    config.routes.get("/guarded", ctx -> ctx.result(guarded.hello(null)));
                  })
              .start();
      return new Running(javalin.port(), javalin::stop);
    }
  },

  SERVLET("Servlet (Tomcat 11)", ServletTemplate::create) {
    @Override
    Running start(Template template, Hello plain, Hello guarded) throws Exception {
      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(Files.createTempDirectory("apojwt-bench-tomcat").toString());
      tomcat.setSilent(true);
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      tomcat.getConnector().setProperty("maxKeepAliveRequests", "-1");
      Context context = tomcat.addContext("", null);
      context.addServletContainerInitializer(
          (classes, servlets) -> {
            servlets
                .addFilter("apojwt", ((ServletTemplate) template).filter())
                .addMappingForUrlPatterns(null, false, "/*");
            servlets.addServlet("open", text(() -> plain.hello("anonymous"))).addMapping("/open");
            servlets.addServlet("guarded", text(() -> guarded.hello(null))).addMapping("/guarded");
          },
          null);
      tomcat.start();
      return new Running(
          tomcat.getConnector().getLocalPort(),
          () -> {
            try {
              tomcat.stop();
              tomcat.destroy();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
  },

  HTTPSERVER("JDK HttpServer (8 workers)", HttpServerTemplate::create) {
    @Override
    Running start(Template template, Hello plain, Hello guarded) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
      ExecutorService workers = Executors.newFixedThreadPool(8);
      server.setExecutor(workers);
      HttpServerTemplate web = (HttpServerTemplate) template;
      server
          .createContext("/open", exchange -> reply(exchange, plain.hello("anonymous")))
          .getFilters()
          .add(web.filter());
      server
          .createContext("/guarded", exchange -> reply(exchange, guarded.hello(null)))
          .getFilters()
          .add(web.filter());
      server.start();
      return new Running(
          server.getAddress().getPort(),
          () -> {
            server.stop(0);
            workers.shutdownNow();
          });
    }
  };

  /** A started server. */
  static final class Running implements AutoCloseable {
    final int port;
    private final Runnable stop;

    Running(int port, Runnable stop) {
      this.port = port;
      this.stop = stop;
    }

    @Override
    public void close() {
      stop.run();
    }
  }

  final String label;
  private final Supplier<Template> template;

  Servers(String label, Supplier<Template> template) {
    this.label = label;
    this.template = template;
  }

  abstract Running start(Template template, Hello plain, Hello guarded) throws Exception;

  /** Starts this server with a fresh template and an ApoJwt configured with it. */
  Running start(Function<Template, ApoJwt> jwt) throws Exception {
    Template t = template.get();
    Hello plain = user -> "hello " + user;
    return start(t, plain, new GuardedHello(plain, jwt.apply(t)));
  }

  private static HttpServlet text(Supplier<String> body) {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
      }
    };
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
