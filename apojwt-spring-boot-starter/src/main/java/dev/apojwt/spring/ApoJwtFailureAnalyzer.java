package dev.apojwt.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by an {@code apojwt.*} property (a missing, short or reused secret, a bad
 * duration): Spring Boot's failure report names the property and says what to set. Registered in
 * {@code META-INF/spring.factories}.
 */
final class ApoJwtFailureAnalyzer extends AbstractFailureAnalyzer<ApoJwtStartupException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ApoJwtStartupException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
