package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.AuthFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What {@code @ApoJwtTest} hands a test, and how it is configured. */
@ApoJwtTest
class ApoJwtTestExtensionTest {

  @Test
  void aTestGetsAnApoJwtItsTokensAndTheClockItReads(
      ApoJwt jwt, TestTokens tokens, TestClock clock) {
    assertSame(jwt, tokens.jwt());
    assertSame(clock, jwt.clock());
    assertEquals(
        "orders:read",
        jwt.verify(tokens.permissions("orders:read").access()).permissions().iterator().next());
    assertEquals(Duration.ofMinutes(15), jwt.expPeriod());
    assertEquals(Duration.ofDays(1), jwt.refreshPeriod());
    assertNull(jwt.adminPermission());
    assertTrue(jwt.toString().contains("algorithm=HS256"), jwt.toString());
  }

  @Test
  void theClockMovesOnlyWhenTheTestMovesIt(ApoJwt jwt, TestTokens tokens, TestClock clock)
      throws InterruptedException {
    String token = tokens.access();
    java.time.Instant start = clock.instant();
    Thread.sleep(5);
    assertEquals(start, clock.instant());
    clock.advance(jwt.expPeriod().minusSeconds(1));
    jwt.verify(token);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        AuthFailure.Reason.EXPIRED,
        assertThrows(ApoJwtException.class, () -> jwt.verify(token)).reason());
  }

  @Test
  void theApoJwtFindsTokensThroughCallerToken(ApoJwt jwt, TestTokens tokens) {
    String refresh = tokens.refresh();
    String access = tokens.access();
    CallerToken.run(access, () -> assertEquals(access, CallerToken.finder().find(null)));
    assertEquals(refresh, CallerToken.call(refresh, CallerToken::current));
    assertNull(CallerToken.current());
  }

  @Test
  @ApoJwtTest(
      algorithm = "ES384",
      refresh = false,
      issuer = "https://auth.example.com",
      audience = {"orders", "billing"},
      adminPermission = "admin",
      expPeriod = "PT5M",
      leeway = "PT30S")
  void aMethodsAnnotationConfiguresThatTest(ApoJwt jwt, TestTokens tokens, TestClock clock) {
    assertTrue(jwt.toString().contains("algorithm=ES384"), jwt.toString());
    assertNull(jwt.refreshPeriod());
    assertEquals("admin", jwt.adminPermission());
    assertEquals(Duration.ofMinutes(5), jwt.expPeriod());
    assertEquals(Duration.ofSeconds(30), jwt.leeway());
    var token = jwt.verify(tokens.access());
    assertEquals("https://auth.example.com", token.issuer());
    assertEquals(List.of("orders", "billing"), token.audience());

    // The leeway lets a token pass until 30 seconds after its exp: 29 s after, not 30 s after.
    String access = tokens.access();
    clock.advance(Duration.ofMinutes(5).plusSeconds(29));
    jwt.verify(access);
    clock.advance(Duration.ofSeconds(1));
    assertThrows(ApoJwtException.class, () -> jwt.verify(access));
  }

  @Test
  @ApoJwtTest(algorithm = "RS256")
  void theAnnotationChoosesTheAlgorithm(ApoJwt jwt, TestTokens tokens) {
    String token = tokens.access();
    assertEquals("RS256", ForeignKeys.algorithm(token.substring(0, token.indexOf('.'))));
    jwt.verify(token);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.apojwt.test.TestTokensTest#algorithms")
  void everyAlgorithmOfTheRuntimeCanBeChosenInAnyCase(String algorithm) {
    Fixture fixture =
        new Fixture(
            new Fixture.Config(
                algorithm.toLowerCase(Locale.ROOT),
                true,
                "",
                List.of(),
                "",
                Duration.ofMinutes(15),
                Duration.ofDays(1),
                Duration.ZERO),
            ApoJwtTestExtensionTest.class);
    String token = fixture.tokens.access();
    assertEquals(algorithm, ForeignKeys.algorithm(token.substring(0, token.indexOf('.'))));
    fixture.jwt.verify(token);
    fixture.jwt.verifyRefresh(fixture.tokens.refresh());
  }

  @Nested
  class NestedClasses {
    @Test
    void getTheEnclosingClassesConfiguration(ApoJwt jwt, TestTokens tokens) {
      assertTrue(jwt.toString().contains("algorithm=HS256"), jwt.toString());
      jwt.verifyRefresh(tokens.refresh());
    }
  }

  // ---------------------------------------------------------------- lifecycle and errors

  @Test
  void eachTestGetsItsOwnFixtureTheSameInItsBeforeEach() {
    PerTest.seen.clear();
    assertEquals(List.of(), failures(PerTest.class));
    assertEquals(2, PerTest.seen.size());
    Object[] first = PerTest.seen.get(0);
    Object[] second = PerTest.seen.get(1);
    assertSame(first[0], first[1]);
    assertNotSame(first[1], second[1]);
    assertNotSame(first[2], second[2]);
  }

  @Test
  void whatTheConstructorIsGivenTheWholeClassShares() {
    PerClass.seen.clear();
    assertEquals(List.of(), failures(PerClass.class));
    assertEquals(2, PerClass.seen.size());
    Object[] first = PerClass.seen.get(0);
    Object[] second = PerClass.seen.get(1);
    assertSame(first[0], first[1]);
    assertSame(first[1], second[1]);
  }

  @Test
  void anUnreadableDurationFailsTheTestSayingWhatToWrite() {
    List<Throwable> failures = failures(BadDuration.class);
    assertEquals(1, failures.size());
    Throwable failure = failures.get(0).getCause(); // JUnit wraps it
    assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
    assertTrue(failure.getMessage().contains("expPeriod = \"15 minutes\""), failure.getMessage());
    assertTrue(failure.getMessage().contains("PT15M"), failure.getMessage());
  }

  @Test
  void anInvalidConfigurationFailsTheTestWithTheBuildersReason() {
    List<Throwable> failures = failures(BadAlgorithm.class);
    assertEquals(1, failures.size());
    Throwable failure = failures.get(0).getCause(); // JUnit wraps it
    assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
    assertTrue(failure.getMessage().contains("algorithm must be one of"), failure.getMessage());
  }

  /** Runs a test class with the JUnit Platform and returns its tests' failures. */
  static List<Throwable> failures(Class<?> testClass) {
    List<Throwable> failures = new ArrayList<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            .configurationParameter(RunByKitTests.PARAMETER, "true")
            .build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            result.getThrowable().ifPresent(failures::add);
          }
        });
    return failures;
  }

  /** Records what each of its tests was given. */
  @RunByKitTests
  @ApoJwtTest
  static class PerTest {
    static final List<Object[]> seen = new ArrayList<>();
    private ApoJwt beforeEach;

    @BeforeEach
    void setUp(ApoJwt jwt) {
      beforeEach = jwt;
    }

    @Test
    void one(ApoJwt jwt, TestClock clock) {
      seen.add(new Object[] {beforeEach, jwt, clock});
    }

    @Test
    void two(ApoJwt jwt, TestClock clock) {
      seen.add(new Object[] {beforeEach, jwt, clock});
    }
  }

  /** Records what each of its tests and its constructor were given. */
  @RunByKitTests
  @ApoJwtTest
  static class PerClass {
    static final List<Object[]> seen = new ArrayList<>();
    private final ApoJwt constructed;

    PerClass(ApoJwt jwt) {
      this.constructed = jwt;
    }

    @Test
    void one(ApoJwt jwt) {
      seen.add(new Object[] {constructed, jwt});
    }

    @Test
    void two(ApoJwt jwt) {
      seen.add(new Object[] {constructed, jwt});
    }
  }

  @RunByKitTests
  @ApoJwtTest(expPeriod = "15 minutes")
  static class BadDuration {
    @Test
    void test(ApoJwt jwt) {}
  }

  @RunByKitTests
  @ApoJwtTest(algorithm = "none")
  static class BadAlgorithm {
    @Test
    void test(ApoJwt jwt) {}
  }
}
