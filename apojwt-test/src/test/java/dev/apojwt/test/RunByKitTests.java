package dev.apojwt.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that a test of the kit runs with the JUnit Platform to see how it fails or what it
 * was given; skipped when the build's own test run comes across it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunByKitTests.Condition.class)
@interface RunByKitTests {
  String PARAMETER = "apojwt.kit.fixtures";

  /** Enabled only when the launching test set {@link #PARAMETER}. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by a test of the kit")
          : ConditionEvaluationResult.disabled("run only by the test of the kit that uses it");
    }
  }
}
