#!/usr/bin/env bash
# A long fuzzing run, beyond the seconds the test command spends:
#   apojwt-security-tests/fuzz.sh [seconds=600] [target=dev.apojwt.security.VerifyFuzzTarget]
# Findings (crash-* files) and the growing corpus stay in apojwt-security-tests/target/fuzz-long.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
target="${2:-dev.apojwt.security.VerifyFuzzTarget}"
./mvnw -B -q -pl apojwt-security-tests -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
module=apojwt-security-tests/target
mkdir -p "$module/fuzz-long/corpus"
cd "$module/fuzz-long"
exec java -cp "../test-classes:$(cat ../test-classpath.txt)" com.code_intelligence.jazzer.Jazzer \
  --target_class="$target" \
  --instrumentation_includes='dev.apojwt.**:com.fasterxml.jackson.core.**' \
  -max_total_time="$seconds" corpus
