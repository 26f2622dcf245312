package dev.apojwt.httpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apojwt.templatetests.Fixture;
import dev.apojwt.templatetests.GuardedApi;
import dev.apojwt.templatetests.Routes;
import dev.apojwt.templatetests.TemplateSuite;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The shared template suite on the JDK's HTTP server. */
class HttpServerTemplateTest extends TemplateSuite {

  HttpServerTemplateTest() {
    super(HttpServerTemplate::create, HttpServerTemplate::create);
  }

  @Override
  protected Server start(Fixture fixture) throws IOException {
    HttpServerTemplate web = (HttpServerTemplate) fixture.template();
    GuardedApi<HttpExchange> api = fixture.api();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService workers = Executors.newFixedThreadPool(4);
    server.setExecutor(workers);
    HttpContext context = server.createContext("/", exchange -> route(api, exchange));
    context.getFilters().add(new ApplicationErrors(fixture));
    context.getFilters().add(web.filter());
    server.start();
    return new Server() {
      @Override
      public int port() {
        return server.getAddress().getPort();
      }

      @Override
      public void close() {
        server.stop(0);
        workers.shutdownNow();
      }
    };
  }

  private static void route(GuardedApi<HttpExchange> api, HttpExchange exchange)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    switch (path) {
      case Routes.OPEN:
        body = api.open();
        break;
      case Routes.SUBJECT:
        body = api.subject();
        break;
      case Routes.SUBJECT_OF:
        body = api.subjectOf(exchange, null);
        break;
      case Routes.READ:
        body = api.read();
        break;
      case Routes.REFRESH:
        body = api.refresh();
        break;
      case Routes.BEARER:
        body = api.bearer(exchange.getRequestHeaders().getFirst(Routes.TOKEN_HEADER), null);
        break;
      case Routes.LATER:
        // The JDK's server has no asynchronous path of its own: the worker joins the stage.
        body = api.later().toCompletableFuture().join();
        break;
      case Routes.UNAVAILABLE:
        body = api.unavailable();
        break;
      case Routes.FAILS:
        body = api.fails();
        break;
      default:
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
    }
    write(exchange, 200, body);
  }

  static void write(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Outside the template's filter: what an application on the JDK's server writes itself, a 500 for
   * its own failures (the server would only close the connection); and the suite's probe.
   */
  private static final class ApplicationErrors extends Filter {
    private final Fixture fixture;

    ApplicationErrors(Fixture fixture) {
      this.fixture = fixture;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      try {
        chain.doFilter(exchange);
      } catch (RuntimeException e) {
        write(exchange, 500, "the application failed");
      } finally {
        String probe = exchange.getRequestHeaders().getFirst(Routes.PROBE_HEADER);
        if (probe != null) {
          fixture.probe(probe);
        }
      }
    }

    @Override
    public String description() {
      return "the application's error page";
    }
  }
}
