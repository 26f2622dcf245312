package dev.apojwt.templatetests;

/**
 * The routes every template's test server serves, each calling one {@link Api} method of the guard
 * and answering {@code 200 text/plain} with what it returns. A refused call is the template's
 * business; an exception of the application's own (the {@code /fails} route) is left to the
 * framework, or for the JDK's server, which has no error handling of its own, to an outer filter
 * that answers 500.
 *
 * <p>Around the template's hook, the server runs {@link Fixture#probe(String)} on the request
 * thread after the hook has returned, for every request that carries {@link #PROBE_HEADER}.
 */
public final class Routes {
  /** {@code GET}: {@link Api#open()}. */
  public static final String OPEN = "/open";

  /** {@code GET}: {@link Api#subject(String)}. */
  public static final String SUBJECT = "/subject";

  /** {@code GET}: {@link Api#subjectOf(Object, String)} with the framework's request object. */
  public static final String SUBJECT_OF = "/subject-of";

  /** {@code GET}: {@link Api#read(String)}. */
  public static final String READ = "/read";

  /** {@code POST}: {@link Api#refresh(java.util.Map)}. */
  public static final String REFRESH = "/refresh";

  /** {@code GET}: {@link Api#bearer(String, String)} with the value of {@link #TOKEN_HEADER}. */
  public static final String BEARER = "/bearer";

  /**
   * {@code GET}: {@link Api#later(String)} through the framework's asynchronous path (Javalin's
   * {@code ctx.future}, a servlet's {@code startAsync} with a dispatch back for a failure, the JDK
   * server's worker joining the stage).
   */
  public static final String LATER = "/later";

  /** {@code GET}: {@link Api#fails()}. */
  public static final String FAILS = "/fails";

  /** {@code GET}: {@link Api#unavailable()}. */
  public static final String UNAVAILABLE = "/unavailable";

  /** The request header whose value the {@link #BEARER} route passes as its bearer argument. */
  public static final String TOKEN_HEADER = "X-Token";

  /** A request with this header is probed after the hook: its value names the probe. */
  public static final String PROBE_HEADER = "X-Probe";

  private Routes() {}
}
