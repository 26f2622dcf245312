package dev.apojwt;

/**
 * Makes the guard of one handler interface: the registry through which a framework (the Spring Boot
 * starter, a DI container, a test) guards an implementation without knowing the generated class's
 * name, without reflection and without proxies.
 *
 * <p>The annotation processor generates one factory per valid handler interface, as the nested
 * class {@code Guarded<Interface>.Factory}, and lists every factory of a compilation in {@code
 * META-INF/services/dev.apojwt.GuardFactory}, so that {@link java.util.ServiceLoader} finds them:
 *
 * <pre>{@code
 * for (GuardFactory<?> factory : ServiceLoader.load(GuardFactory.class, classLoader)) {
 *   if (factory.handler().isInstance(bean)) { ... factory.guard(...) ... }
 * }
 * }</pre>
 *
 * <p>A factory is stateless and thread-safe. The factory of a generic handler interface {@code
 * Repo<T>} is a {@code GuardFactory<Repo<?>>}: a guard checks tokens, never the type arguments.
 *
 * @param <T> the handler interface
 */
public interface GuardFactory<T> {
  /** The handler interface whose guard this factory makes. */
  Class<T> handler();

  /**
   * The guard of {@code delegate}: {@code new Guarded<Interface>(delegate, jwt)}, which calls
   * {@code delegate} only for callers whose token passes the interface's access rules.
   *
   * @throws NullPointerException if {@code delegate} or {@code jwt} is null
   * @throws IllegalStateException if {@code jwt} lacks a token finder or the refresh configuration
   *     that a method of the handler needs
   */
  T guard(T delegate, ApoJwt jwt);

  /**
   * What every method of the handler interface requires, as the guard enforces it: {@code
   * Guarded<Interface>.accessTable()}, for a service to print or serve (the starter's Actuator
   * endpoint) without reflection.
   */
  AccessTable accessTable();
}
