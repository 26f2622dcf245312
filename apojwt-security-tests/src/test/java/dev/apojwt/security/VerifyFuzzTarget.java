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
 * <p>Four kinds of input: raw strings (the shape checks), fuzzer-chosen header and payload bytes
 * correctly signed with the service's secret (so the fuzzer reaches the strict JSON and claim
 * checks behind the signature), a valid token with fuzzer-chosen edits, and a token whose {@code
 * kid} the fuzzer chooses, signed with the secret of kid {@code "s1"} for a service that knows
 * {@code "s1"} and {@code "s2"}: it may pass only if its kid is {@code "s1"} (the kid chooses among
 * the configured keys, and never falls back to another).
 *
 * <p>Run by {@code VerifyFuzzTest} for a few seconds in the test command; for a long run see {@code
 * fuzz.sh}, which drives this class with Jazzer's standalone entry point.
 */
public final class VerifyFuzzTarget {
  static final ApoJwt JWT = Services.HMAC.builder().build();
  static final String S1 = "security-suite-kid-s1-secret-of-32-bytes!!";
  static final ApoJwt KIDS =
      ApoJwt.builder()
          .secret("s2", Services.SECRET)
          .verificationSecret("s1", S1)
          .issuer(Services.ISSUER)
          .serverAudience(Services.AUDIENCE)
          .clock(Services.CLOCK)
          .build();
  private static final String VALID =
      JWT.createToken("user-1", List.of("orders:read"), Map.of("tenant", "acme"));
  private static final String VALID_REFRESH =
      JWT.createTokens("user-1", List.of(), Map.of(), Map.of("user_id", "user-1")).refresh();

  private VerifyFuzzTarget() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean refresh = data.consumeBoolean();
    String input;
    boolean signedByUs = false;
    switch (data.consumeInt(0, 3)) {
      case 0:
        input = data.consumeRemainingAsString();
        break;
      case 3:
        checkKid(data.consumeRemainingAsString());
        return;
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
          switch (data.consumeInt(0, 3)) {
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

  /** {@code kidJson} in the kid's place (any JSON text, or none), signed with s1's secret. */
  static void checkKid(String kidJson) {
    String header = "{\"alg\":\"HS256\",\"kid\":" + kidJson + "}";
    String token =
        Forge.hmacToken(
            "HmacSHA256",
            S1.getBytes(StandardCharsets.UTF_8),
            header,
            AttackCorpus.claims().toString());
    try {
      KIDS.verify(token);
      if (!"s1".equals(kidOf(header))) {
        throw new IllegalStateException("a token was checked with a key its kid does not name");
      }
    } catch (ApoJwtException e) {
      refusedSafely(e, kidJson, 8);
    }
  }

  /** A refusal is a 401 whose texts do not contain {@code input} (when that is this long). */
  private static void refusedSafely(ApoJwtException e, String input, int echoLength) {
    if (e.status() != 401) {
      throw new IllegalStateException("verify refused with status " + e.status());
    }
    String said = e.failure().message() + e.failure().detail();
    if (input.length() >= echoLength && said.contains(input)) {
      throw new IllegalStateException("a failure echoes the input");
    }
  }

  /** The header's kid as an independent parser reads it, or null. */
  private static String kidOf(String header) {
    try (com.fasterxml.jackson.core.JsonParser parser =
        new com.fasterxml.jackson.core.JsonFactory().createParser(header)) {
      parser.nextToken();
      while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("kid")
            && parser.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          return parser.getText();
        }
        parser.skipChildren();
      }
      return null;
    } catch (java.io.IOException e) {
      return null;
    }
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
      refusedSafely(e, input, 12);
    }
  }
}
