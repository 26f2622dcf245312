package dev.apojwt.test;

import dev.apojwt.ApoJwt;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link ApoJwtTest @ApoJwtTest}: resolves {@link ApoJwt}, {@link TestTokens}
 * and {@link TestClock} parameters. Registered by the annotation; public only so that JUnit can
 * make it.
 */
public final class ApoJwtExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ApoJwtExtension.class);
  private static final List<Class<?>> RESOLVED =
      List.of(ApoJwt.class, TestTokens.class, TestClock.class);

  /** Made by JUnit. */
  public ApoJwtExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    AnnotatedElement annotated = annotated(context);
    Fixture.Config config = read(annotated);
    // A store sees its parents' values: what the class context made, its tests share.
    Fixture fixture =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(config, c -> new Fixture(config, annotated), Fixture.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == ApoJwt.class) {
      return fixture.jwt;
    }
    if (type == TestTokens.class) {
      return fixture.tokens;
    }
    if (type == TestClock.class) {
      return fixture.clock;
    }
    throw new ParameterResolutionException("@ApoJwtTest does not provide a " + type.getName());
  }

  /** The nearest {@code @ApoJwtTest}: the method's, else its class's, else an enclosing class's. */
  private static AnnotatedElement annotated(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    if (method.isPresent() && method.get().isAnnotationPresent(ApoJwtTest.class)) {
      return method.get();
    }
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getEnclosingClass()) {
      if (type.isAnnotationPresent(ApoJwtTest.class)) {
        return type;
      }
    }
    throw new ExtensionConfigurationException(
        "ApoJwtExtension is registered without @ApoJwtTest: annotate the test class or method with"
            + " @ApoJwtTest instead of @ExtendWith");
  }

  private static Fixture.Config read(AnnotatedElement element) {
    ApoJwtTest a = element.getAnnotation(ApoJwtTest.class);
    return new Fixture.Config(
        a.algorithm(),
        a.refresh(),
        a.issuer(),
        List.of(a.audience()),
        a.adminPermission(),
        duration(a.expPeriod(), "expPeriod", element),
        duration(a.refreshPeriod(), "refreshPeriod", element),
        duration(a.leeway(), "leeway", element));
  }

  private static Duration duration(String text, String attribute, AnnotatedElement element) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException(
          "@ApoJwtTest("
              + attribute
              + " = \""
              + text
              + "\") on "
              + element
              + " is not an ISO-8601 duration: write e.g. \"PT15M\", \"PT30S\" or \"P1D\"",
          e);
    }
  }
}
