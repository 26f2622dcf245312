package dev.apojwt.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test (class or method) that is handed, as parameters of its test methods,
 * {@code @BeforeEach}/{@code @AfterEach} methods or constructor: an {@link dev.apojwt.ApoJwt} with
 * throwaway keys, {@link TestTokens} of it, and the {@link TestClock} it reads.
 *
 * <pre>{@code
 * @ApoJwtTest(adminPermission = "admin")
 * class OrdersTest {
 *   @Test
 *   void readersReadOrders(ApoJwt jwt, TestTokens tokens, TestClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>The {@code ApoJwt} has the template {@link CallerToken#template()}: it finds tokens with
 * {@link CallerToken#finder()} (access and refresh alike), and a refused call throws the guard's
 * {@code ApoJwtException}. Each test method gets its own {@code ApoJwt}, tokens and clock, the same
 * in its {@code @BeforeEach} and {@code @AfterEach} methods; the clock starts at the current time,
 * in whole seconds, and stands still until moved. When the constructor or a {@code @BeforeAll}
 * method takes one, every test of the class shares that one (and its clock): take them as test
 * method parameters for a clock per test. Keys are made once per JVM and algorithm. The annotation
 * on a method configures that test; on a class, every test of it and of its nested classes.
 * Durations are ISO-8601 ({@code PT15M}, {@code P1D}). Parameters only: fields are not injected.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ApoJwtExtension.class)
public @interface ApoJwtTest {
  /**
   * The algorithm: HS256 (default) or any other that {@code ApoJwt.Builder.algorithm} takes (HS384,
   * HS512, RS256, RS384, RS512, ES256, ES384, ES512). The keys are of its family: a 64-byte secret,
   * a 2048-bit RSA key pair, or a key pair on the algorithm's curve.
   */
  String algorithm() default "HS256";

  /** Whether refresh tokens are configured (with their own throwaway secret). */
  boolean refresh() default true;

  /** The issuer ({@code iss}). */
  String issuer() default "";

  /** The server audience; none by default. */
  String[] audience() default {};

  /** The admin permission; none when empty. */
  String adminPermission() default "";

  /** The access tokens' lifetime. */
  String expPeriod() default "PT15M";

  /** The refresh tokens' lifetime. */
  String refreshPeriod() default "P1D";

  /** The allowed clock skew. */
  String leeway() default "PT0S";
}
