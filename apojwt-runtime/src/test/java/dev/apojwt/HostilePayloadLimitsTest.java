package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Limits that SECURITY.md promises on unsigned or hostile input: finite numbers anywhere in the
 * payload, and a long header refused by its length before it is decoded. (Each case failed in a
 * review before its fix; do not loosen one, fix the production code.)
 */
class HostilePayloadLimitsTest {
  private static final ApoJwt JWT = TestTokens.hs256().build();

  /**
   * Was a bug: SECURITY.md step 9 promises "finite numbers" in the payload, but a non-finite number
   * in a claim apojwt does not read is skipped unchecked, and the token passes.
   */
  @Test
  void verify_refusesANonFiniteNumberAnywhereInThePayload() {
    String token = TestTokens.hs256(TestTokens.payload("\"x\":1e999"));
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify(token));
    assertEquals(AuthFailure.Reason.MALFORMED, e.reason());
  }

  /**
   * Was a bug: the header is parsed before the signature is checked, and nothing bounded it but
   * maxTokenLength, so an unsigned header of hundreds of members cost tens of valid verifications
   * to refuse. Now a long header is refused by its length, before it is decoded
   * (RejectionBenchmark.hugeHeader measures the cost).
   */
  @Test
  void aLongUnsignedHeaderIsRefusedByItsLengthBeforeDecoding() {
    String valid = JWT.createToken("u", List.of("a"), Map.of());
    String[] parts = valid.split("\\.");
    StringBuilder header = new StringBuilder("{\"alg\":\"HS256\"");
    for (int i = 0; i < 600; i++) {
      header.append(",\"k").append(i).append("\":0");
    }
    header.append('}');
    String hostile = TestTokens.b64(header.toString()) + "." + parts[1] + "." + parts[2];
    assertTrue(hostile.length() <= ApoJwt.DEFAULT_MAX_TOKEN_LENGTH);
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify(hostile));
    assertEquals(AuthFailure.Reason.MALFORMED, e.reason());
    assertEquals("header is longer than 1024 characters", e.failure().detail());
    // A header at the limit is still parsed (and here refused for its unknown crit).
    String atLimit = "{\"alg\":\"HS256\",\"crit\":[\"x\"],\"pad\":\"";
    int padding = 1024 * 3 / 4 - atLimit.length() - 2;
    String header768 = atLimit + "p".repeat(padding) + "\"}";
    String limitToken = TestTokens.b64(header768) + "." + parts[1] + "." + parts[2];
    assertTrue(TestTokens.b64(header768).length() <= 1024);
    assertEquals(
        "header 'crit' names an extension apojwt does not implement",
        assertThrows(ApoJwtException.class, () -> JWT.verify(limitToken)).failure().detail());
  }
}
