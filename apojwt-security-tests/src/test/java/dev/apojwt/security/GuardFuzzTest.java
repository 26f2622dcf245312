package dev.apojwt.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of a generated guard with Jazzer: a few seconds in the test command (the
 * {@code fuzz-guard} Surefire execution), seed replay in the ordinary run.
 */
class GuardFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void theDelegateRunsOnlyForPermittedTokens(FuzzedDataProvider data) {
    GuardFuzzTarget.fuzzerTestOneInput(data);
  }
}
