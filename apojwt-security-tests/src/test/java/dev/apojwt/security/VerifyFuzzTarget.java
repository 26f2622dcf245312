package dev.apojwt.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes {@link ApoJwt#verify} and {@link ApoJwt#verifyRefresh}. The property: whatever the input,
 * only an {@link ApoJwtException} with a 401 leaves them, its texts never echo the input, and
 * whatever is accepted satisfies every configured check. Any other exception is a finding.
 *
 * <p>Three kinds of input: raw strings (the shape checks), fuzzer-chosen header and payload bytes
 * correctly signed with the service's secret (so the fuzzer reaches the strict JSON and claim
 * checks behind the signature), and a valid token with fuzzer-chosen edits.
 *
 * <p>Run by {@code VerifyFuzzTest} for a few seconds in the test command; for a long run see {@code
 * fuzz.sh}, which drives this class with Jazzer's standalone entry point.
 */
public final class VerifyFuzzTarget {
  static final ApoJwt JWT = Services.HMAC.builder().build();
  private static final String VALID =
      JWT.createToken("user-1", List.of("orders:read"), Map.of("tenant", "acme"));
  private static final String VALID_REFRESH =
      JWT.createTokens("user-1", List.of(), Map.of(), Map.of("user_id", "user-1")).refresh();

  private VerifyFuzzTarget() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean refresh = data.consumeBoolean();
    String input;
    boolean signedByUs = false;
    switch (data.consumeInt(0, 2)) {
      case 0:
        input = data.consumeRemainingAsString();
        break;
      case 1:
        byte[] header = data.consumeBytes(data.consumeInt(0, 200));
        byte[] payload = data.consumeRemainingAsBytes();
        String secret = refresh ? Services.REFRESH_SECRET : Services.SECRET;
        input =
            Forge.signHmac(
                "HmacSHA256",
                secret.getBytes(StandardCharsets.UTF_8),
                Forge.b64(header) + "." + Forge.b64(payload));
        signedByUs = true;
        break;
      default:
        StringBuilder token = new StringBuilder(refresh ? VALID_REFRESH : VALID);
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits && token.length() > 0; i++) {
          int at = data.consumeInt(0, token.length() - 1);
          switch (data.consumeInt(0, 2)) {
            case 0:
              token.setCharAt(at, data.consumeChar());
              break;
            case 1:
              token.deleteCharAt(at);
              break;
            default:
              token.insert(at, data.consumeChar());
          }
        }
        input = token.toString();
    }
    check(input, refresh, signedByUs);
  }

  static void check(String input, boolean refresh, boolean signedByUs) {
    try {
      if (refresh) {
        JWT.verifyRefresh(input);
        if (!signedByUs && !input.equals(VALID_REFRESH)) {
          throw new IllegalStateException("an altered refresh token was accepted");
        }
      } else {
        VerifiedToken token = JWT.verify(input);
        if (!signedByUs && !input.equals(VALID)) {
          throw new IllegalStateException("an altered access token was accepted");
        }
        // Whatever passes satisfies the configured checks.
        if (!token.expiresAt().isAfter(Services.NOW)
            || !Services.ISSUER.equals(token.issuer())
            || !token.audience().contains(Services.AUDIENCE)
            || token.subject() == null) {
          throw new IllegalStateException("accepted a token that fails a configured check");
        }
      }
    } catch (ApoJwtException e) {
      if (e.status() != 401) {
        throw new IllegalStateException("verify refused with status " + e.status());
      }
      String said = e.failure().message() + e.failure().detail();
      if (input.length() >= 12 && said.contains(input)) {
        throw new IllegalStateException("a failure echoes the input");
      }
    }
  }
}
