package dev.apojwt.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.apojwt.ApoJwtException;
import dev.apojwt.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes a generated guard through the ways a token reaches it (the finder's header value and a
 * {@code @BearerToken} parameter). The property: the delegate is called exactly when the value
 * carries a valid access token holding the permission, and every refusal is the exception handler's
 * error. Anything else, including any other exception, is a finding.
 */
public final class GuardFuzzTarget {
  private static final GuardHarness HARNESS = new GuardHarness(Services.HMAC);
  private static final String VALID =
      Services.HMAC.builder().build().createToken("user-1", List.of("orders:read"), Map.of());

  private GuardFuzzTarget() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean viaParameter = data.consumeBoolean();
    String value;
    switch (data.consumeInt(0, 2)) {
      case 0:
        value = data.consumeRemainingAsString();
        break;
      case 1:
        byte[] payload = data.consumeRemainingAsBytes();
        value =
            "Bearer "
                + Forge.signHmac(
                    "HmacSHA256",
                    Services.SECRET.getBytes(StandardCharsets.UTF_8),
                    Forge.b64("{\"alg\":\"HS256\"}") + "." + Forge.b64(payload));
        break;
      default:
        StringBuilder token = new StringBuilder("Bearer " + VALID);
        int at = data.consumeInt(0, token.length() - 1);
        token.setCharAt(at, data.consumeChar());
        value = token.toString();
    }
    call(value, viaParameter);
  }

  static void call(String value, boolean viaParameter) {
    int before = HARNESS.recorder.calls.get();
    boolean reached;
    try {
      if (viaParameter) {
        HARNESS.guard.bearer(value);
      } else {
        HARNESS.guard.get(new Victim.Request(value));
      }
      reached = true;
    } catch (GuardHarness.HttpError refused) {
      reached = false;
    }
    boolean called = HARNESS.recorder.calls.get() == before + 1;
    if (reached != called) {
      throw new IllegalStateException(
          "the delegate was called "
              + (called ? "" : "not ")
              + "on "
              + (reached ? "success" : "failure"));
    }
    if (reached && !holdsPermission(value)) {
      throw new IllegalStateException(
          "the guard let a call through without a valid permitted token");
    }
  }

  /** An independent judgement of the value: a valid access token holding orders:read. */
  private static boolean holdsPermission(String value) {
    String token = value.strip();
    if (token.regionMatches(true, 0, "Bearer", 0, 6)) {
      token = token.substring(6).strip();
    }
    try {
      VerifiedToken verified = VerifyFuzzTarget.JWT.verify(token);
      return verified.hasPermission("orders:read");
    } catch (ApoJwtException e) {
      return false;
    }
  }
}
