package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of verification under arbitrary tampering. */
class TokenMutationPropertyTest {
  private static final ApoJwt JWT =
      TestTokens.hs256()
          .issuer("apogee")
          .serverAudience("https://orders.example.com")
          .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), c -> null)
          .build();
  private static final TokenPair PAIR =
      JWT.createTokens(
          "user-1",
          List.of("orders:read", "orders:write"),
          Map.of("tenant", "acme"),
          Map.of("user_id", "user-1"));

  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.oneOf(
        Arbitraries.chars().alpha(),
        Arbitraries.chars().numeric(),
        Arbitraries.of(
            '-', '_', '.', '=', '+', '/', ' ', '\t', '\n', '\0', '"', '{', 'é', '\u2028', '\uD83D'),
        Arbitraries.chars());
  }

  /**
   * Any single-character substitution anywhere in a valid token is refused, with an
   * ApoJwtException.
   */
  @Property(tries = 3000)
  void anySingleCharacterChangeIsRefused(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll("replacements") char replacement,
      @ForAll boolean refreshToken) {
    String token = refreshToken ? PAIR.refresh() : PAIR.access();
    int at = position % token.length();
    Assume.that(token.charAt(at) != replacement);
    String changed = token.substring(0, at) + replacement + token.substring(at + 1);
    ApoJwtException e =
        assertThrows(
            ApoJwtException.class,
            () -> {
              if (refreshToken) {
                JWT.verifyRefresh(changed);
              } else {
                JWT.verify(changed);
              }
            });
    assertEquals(401, e.status());
    VerificationFailureTest.assertNoEcho(changed, e);
  }

  /** Deleting or duplicating any one character is refused too. */
  @Property(tries = 1000)
  void anyDeletionOrDuplicationIsRefused(
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll boolean delete) {
    String token = PAIR.access();
    int at = position % token.length();
    String changed =
        delete
            ? token.substring(0, at) + token.substring(at + 1)
            : token.substring(0, at) + token.charAt(at) + token.substring(at);
    assertThrows(ApoJwtException.class, () -> JWT.verify(changed));
  }

  /** Whatever string arrives, only an ApoJwtException leaves verify and verifyRefresh. */
  @Property(tries = 2000)
  void arbitraryInputOnlyEverFailsWithApoJwtException(@ForAll("junk") String input) {
    assertThrows(ApoJwtException.class, () -> JWT.verify(input));
    assertThrows(ApoJwtException.class, () -> JWT.verifyRefresh(input));
  }

  @Provide
  Arbitrary<String> junk() {
    Arbitrary<String> base64ish =
        Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
            .ofMaxLength(400);
    Arbitrary<String> jsonParts =
        Arbitraries.of(
                "{\"alg\":\"HS256\"}",
                "{\"alg\":\"none\"}",
                "{}",
                "[]",
                "{\"exp\":1}",
                "null",
                "{\"a\":",
                "{\"alg\":\"HS256\",\"crit\":[\"x\"]}",
                "\"\\ud800\"",
                "{\"data\":" + "[".repeat(100) + "}")
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(parts -> String.join(".", parts.stream().map(TestTokens::b64).toList()));
    return Arbitraries.oneOf(base64ish, jsonParts, Arbitraries.strings().ofMaxLength(200));
  }
}
