package dev.apojwt.servlet;

import dev.apojwt.templatetests.Fixture;
import dev.apojwt.templatetests.GuardedApi;
import dev.apojwt.templatetests.Routes;
import dev.apojwt.templatetests.TemplateSuite;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The shared template suite on embedded Tomcat 11, registered through the portable Servlet API
 * ({@code ServletContext.addFilter} from a {@code ServletContainerInitializer}).
 */
class ServletTemplateTest extends TemplateSuite {

  ServletTemplateTest() {
    super(ServletTemplate::create, ServletTemplate::create);
  }

  @Override
  protected Server start(Fixture fixture) throws Exception {
    ServletTemplate web = (ServletTemplate) fixture.template();
    GuardedApi<HttpServletRequest> api = fixture.api();
    Path base = Files.createTempDirectory("apojwt-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    tomcat.setSilent(true);
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    // Tomcat's default error report quotes the rejected header line, token and all (see
    // README): a production Tomcat turns that off, as here.
    ErrorReportValve errors = new ErrorReportValve();
    errors.setShowReport(false);
    errors.setShowServerInfo(false);
    tomcat.getHost().getPipeline().addValve(errors);
    Context context = tomcat.addContext("", base.toString());
    context.addServletContainerInitializer(
        (classes, servletContext) -> {
          EnumSet<DispatcherType> dispatches =
              EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC);
          FilterRegistration.Dynamic probe =
              servletContext.addFilter("probe", new ProbeAfterTheHook(fixture));
          probe.setAsyncSupported(true);
          probe.addMappingForUrlPatterns(dispatches, false, "/*");
          FilterRegistration.Dynamic apojwt = servletContext.addFilter("apojwt", web.filter());
          apojwt.setAsyncSupported(true);
          apojwt.addMappingForUrlPatterns(dispatches, false, "/*");
          ServletRegistration.Dynamic routes =
              servletContext.addServlet("routes", new RoutesServlet(api));
          routes.setAsyncSupported(true);
          routes.addMapping("/*");
        },
        null);
    tomcat.start();
    return new Server() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
      }
    };
  }

  /** {@link Routes} as one servlet. */
  private static final class RoutesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String FAILURE = "later.failure";

    private final transient GuardedApi<HttpServletRequest> api;

    RoutesServlet(GuardedApi<HttpServletRequest> api) {
      this.api = api;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      String path = request.getRequestURI();
      switch (path) {
        case Routes.OPEN:
          write(response, api.open());
          break;
        case Routes.SUBJECT:
          write(response, api.subject());
          break;
        case Routes.SUBJECT_OF:
          write(response, api.subjectOf(request, null));
          break;
        case Routes.READ:
          write(response, api.read());
          break;
        case Routes.REFRESH:
          write(response, api.refresh());
          break;
        case Routes.BEARER:
          write(response, api.bearer(request.getHeader(Routes.TOKEN_HEADER), null));
          break;
        case Routes.LATER:
          later(request);
          break;
        case Routes.UNAVAILABLE:
          write(response, api.unavailable());
          break;
        case Routes.FAILS:
          write(response, api.fails());
          break;
        default:
          response.sendError(404);
      }
    }

    /**
     * Asynchronously: the answer is written on the thread that completes the stage; a failure is
     * dispatched back to the container and thrown there, where the filter answers it.
     */
    private void later(HttpServletRequest request) throws ServletException {
      if (request.getDispatcherType() == DispatcherType.ASYNC) {
        Throwable failure = (Throwable) request.getAttribute(FAILURE);
        if (failure instanceof RuntimeException) {
          throw (RuntimeException) failure;
        }
        throw new ServletException(failure);
      }
      AsyncContext async = request.startAsync();
      api.later()
          .whenComplete(
              (value, failure) -> {
                if (failure == null) {
                  try {
                    write((HttpServletResponse) async.getResponse(), value);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  } finally {
                    async.complete();
                  }
                } else {
                  request.setAttribute(FAILURE, failure);
                  async.dispatch();
                }
              });
    }

    private static void write(HttpServletResponse response, String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      response.setContentType("text/plain;charset=utf-8");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  /** Outside the template's filter: the suite's probe, on the request thread after the hook. */
  private static final class ProbeAfterTheHook implements Filter {
    private final Fixture fixture;

    ProbeAfterTheHook(Fixture fixture) {
      this.fixture = fixture;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      try {
        chain.doFilter(request, response);
      } finally {
        String probe = ((HttpServletRequest) request).getHeader(Routes.PROBE_HEADER);
        if (probe != null && request.getDispatcherType() == DispatcherType.REQUEST) {
          fixture.probe(probe);
        }
      }
    }
  }
}
