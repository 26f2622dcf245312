package dev.apojwt.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of verify with Jazzer. In the test command it fuzzes for a few seconds
 * (the {@code fuzz-verify} Surefire execution sets JAZZER_FUZZ=1); in the ordinary test run it
 * replays the seeds in {@code VerifyFuzzTestInputs/}.
 */
class VerifyFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void onlyApoJwtExceptionLeavesVerify(FuzzedDataProvider data) {
    VerifyFuzzTarget.fuzzerTestOneInput(data);
  }
}
