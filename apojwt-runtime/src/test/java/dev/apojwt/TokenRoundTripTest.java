package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenRoundTripTest {

  static Stream<Arguments> algorithms() {
    return Stream.of(
        Arguments.of("HS256", TestTokens.hs256()),
        Arguments.of("HS384", ApoJwt.builder().algorithm("HS384").secret("k".repeat(48))),
        Arguments.of("HS512", ApoJwt.builder().algorithm("HS512").secret("k".repeat(64))),
        Arguments.of("RS256", ApoJwt.builder().algorithm("RS256").signingKeys(TestTokens.rsa())),
        Arguments.of("RS384", ApoJwt.builder().algorithm("RS384").signingKeys(TestTokens.rsa())),
        Arguments.of("RS512", ApoJwt.builder().algorithm("RS512").signingKeys(TestTokens.rsa())),
        Arguments.of("ES256", ApoJwt.builder().algorithm("ES256").signingKeys(TestTokens.ec256())),
        Arguments.of(
            "ES384", ApoJwt.builder().algorithm("ES384").signingKeys(TestTokens.ec("secp384r1"))),
        Arguments.of(
            "ES512", ApoJwt.builder().algorithm("ES512").signingKeys(TestTokens.ec("secp521r1"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void everyAlgorithmRoundTrips(String algorithm, ApoJwt.Builder builder) {
    ApoJwt jwt =
        builder
            .clock(TestTokens.CLOCK)
            .issuer("apogee")
            .serverAudience("https://orders.example.com")
            .refresh("r".repeat(64), Duration.ofDays(1), call -> null)
            .build();
    TokenPair pair =
        jwt.createTokens(
            "user-1",
            List.of("orders:read"),
            Map.of("tenant", "acme"),
            Map.of("user_id", "user-1"));

    String header =
        new String(TestTokens.unb64(pair.access().split("\\.")[0]), StandardCharsets.UTF_8);
    assertEquals("{\"alg\":\"" + algorithm + "\",\"typ\":\"at+jwt\"}", header);
    VerifiedToken token = jwt.verify(pair.access());
    assertEquals("user-1", token.subject());
    assertEquals(Set.of("orders:read"), token.permissions());
    assertEquals(Map.of("tenant", "acme"), token.data());
    assertEquals("apogee", token.issuer());
    assertEquals(List.of("https://orders.example.com"), token.audience());
    assertEquals(TestTokens.NOW, token.issuedAt());
    assertEquals(TestTokens.NOW, token.notBefore());
    assertEquals(TestTokens.NOW.plusSeconds(900), token.expiresAt());
    assertEquals(22, token.id().length());

    String refreshHeader =
        new String(TestTokens.unb64(pair.refresh().split("\\.")[0]), StandardCharsets.UTF_8);
    String refreshAlgorithm = algorithm.startsWith("HS") ? algorithm : "HS256";
    assertEquals("{\"alg\":\"" + refreshAlgorithm + "\",\"typ\":\"refresh+jwt\"}", refreshHeader);
    VerifiedRefresh refresh = jwt.verifyRefresh(pair.refresh());
    assertEquals("user-1", refresh.subject());
    assertEquals(Map.of("user_id", "user-1"), refresh.data());
    assertEquals(TestTokens.NOW.plusSeconds(86400), refresh.expiresAt());
    assertEquals(TestTokens.NOW, refresh.issuedAt());
    assertNotEquals(token.id(), refresh.id());
  }

  @Test
  void thePayloadFollowsApojwtClaimOrderAndTypes() {
    ApoJwt jwt = TestTokens.hs256().issuer("apogee").serverAudience("a", "b").build();
    String token = jwt.createToken("user-1", List.of("p1", "p2", "p1"), Map.of("k", 1));
    String payload = new String(TestTokens.unb64(token.split("\\.")[1]), StandardCharsets.UTF_8);
    long now = TestTokens.NOW.getEpochSecond();
    String expected =
        "{\"exp\":"
            + (now + 900)
            + ",\"sub\":\"user-1\",\"nbf\":"
            + now
            + ",\"iss\":\"apogee\",\"aud\":[\"a\",\"b\"],\"iat\":"
            + now
            + ",\"data\":{\"k\":1},\"perms\":[\"p1\",\"p2\"],\"jti\":\"";
    assertTrue(payload.startsWith(expected), payload);
  }

  @Test
  void refreshTokensCarryNoPermissions() {
    ApoJwt jwt = TestTokens.hs256WithRefresh().build();
    TokenPair pair = jwt.createTokens("u", List.of("p"), Map.of(), Map.of("user_id", "u"));
    String payload =
        new String(TestTokens.unb64(pair.refresh().split("\\.")[1]), StandardCharsets.UTF_8);
    assertFalse(payload.contains("perms"), payload);
    assertTrue(payload.contains("\"data\":{\"user_id\":\"u\"}"), payload);
  }

  @Test
  void dataKeepsEveryJsonTypeAndNesting() {
    ApoJwt jwt = TestTokens.hs256().build();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("string", "värde ✓ 😀");
    data.put("int", 42);
    data.put("long", 9_000_000_000L);
    data.put("big", new BigInteger("123456789012345678901234567890"));
    data.put("double", 2.5);
    data.put("decimal", new BigDecimal("0.1"));
    data.put("float", 1.5f);
    data.put("short", (short) 7);
    data.put("true", true);
    data.put("null", null);
    data.put("list", Arrays.asList(1, "two", null, List.of()));
    data.put("map", Map.of("inner", Map.of("deep", List.of(Map.of()))));

    Map<String, Object> back = jwt.verify(jwt.createToken("u", List.of(), data)).data();
    assertEquals(new ArrayList<>(data.keySet()), new ArrayList<>(back.keySet()));
    assertEquals("värde ✓ 😀", back.get("string"));
    assertEquals(42, back.get("int"));
    assertEquals(9_000_000_000L, back.get("long"));
    assertEquals(new BigInteger("123456789012345678901234567890"), back.get("big"));
    assertEquals(2.5, back.get("double"));
    assertEquals(0.1, back.get("decimal"));
    assertEquals(1.5, back.get("float"));
    assertEquals(7, back.get("short"));
    assertEquals(true, back.get("true"));
    assertTrue(back.containsKey("null"));
    assertNull(back.get("null"));
    assertEquals(Arrays.asList(1, "two", null, List.of()), back.get("list"));
    assertEquals(Map.of("inner", Map.of("deep", List.of(Map.of()))), back.get("map"));
    assertThrows(UnsupportedOperationException.class, () -> back.put("x", 1));
  }

  @Test
  void dataThatIsNotJsonIsRejectedAtCreation() {
    ApoJwt jwt = TestTokens.hs256().build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> jwt.createToken("u", List.of(), Map.of("when", java.time.Instant.EPOCH)));
    assertTrue(e.getMessage().contains("data.when is a java.time.Instant"), e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> jwt.createToken("u", List.of(), Map.of("x", List.of(1, Double.NaN))));
    assertTrue(e.getMessage().contains("data.x[1] is NaN"), e.getMessage());

    Map<Object, Object> badKey = new HashMap<>();
    badKey.put(1, "one");
    assertThrows(
        IllegalArgumentException.class, () -> jwt.createToken("u", List.of(), Map.of("m", badKey)));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.createToken("u", List.of(), Map.of("set", Set.of("a"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.createToken("u", List.of(), Map.of("inf", Float.POSITIVE_INFINITY)));

    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    e = assertThrows(IllegalArgumentException.class, () -> jwt.createToken("u", List.of(), cyclic));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
  }

  @Test
  void stringsWithUnpairedSurrogatesAreRejectedAtCreation() {
    ApoJwt jwt = TestTokens.hs256().build();
    for (String bad : List.of("\uD800", "a\uDC00", "x\uD83D")) {
      assertThrows(IllegalArgumentException.class, () -> jwt.createToken(bad, List.of(), Map.of()));
      assertThrows(
          IllegalArgumentException.class, () -> jwt.createToken("u", List.of(bad), Map.of()));
      IllegalArgumentException key =
          assertThrows(
              IllegalArgumentException.class,
              () -> jwt.createToken("u", List.of(), Map.of(bad, 1)));
      assertTrue(key.getMessage().contains("unpaired surrogate"), key.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> jwt.createToken("u", List.of(), Map.of("k", List.of(Map.of("v", bad)))));
    }
    // Paired surrogates (emoji) are fine, and everything beyond ASCII is written as \\u escapes.
    String token = jwt.createToken("😀", List.of("é"), Map.of("ключ", "値"));
    String payload = new String(TestTokens.unb64(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertTrue(payload.chars().allMatch(c -> c < 128), payload);
    VerifiedToken verified = jwt.verify(token);
    assertEquals("😀", verified.subject());
    assertEquals(Set.of("é"), verified.permissions());
    assertEquals(Map.of("ключ", "値"), verified.data());
  }

  @Test
  void nullArgumentsAreRejectedWithTheFix() {
    ApoJwt jwt = TestTokens.hs256().build();
    assertThrows(IllegalArgumentException.class, () -> jwt.createToken(null, List.of(), Map.of()));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> jwt.createToken("u", null, Map.of()))
            .getMessage()
            .contains("List.of()"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> jwt.createToken("u", List.of(), null))
            .getMessage()
            .contains("Map.of()"));
    assertThrows(
        IllegalArgumentException.class,
        () -> jwt.createToken("u", Arrays.asList("a", null), Map.of()));
  }

  @Test
  void tokenIdsAreUnique() {
    ApoJwt jwt = TestTokens.hs256().build();
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(jwt.verify(jwt.createToken("u", List.of(), Map.of())).id());
    }
    assertEquals(1000, ids.size());
  }

  @Test
  void anAsymmetricServiceWithARefreshSecretSignsRefreshTokensWithHs256() {
    KeyPair keys = TestTokens.rsa();
    ApoJwt jwt =
        ApoJwt.builder()
            .algorithm("RS256")
            .signingKeys(keys)
            .clock(TestTokens.CLOCK)
            .refresh(TestTokens.REFRESH_SECRET, Duration.ofDays(1), c -> null)
            .build();
    TokenPair pair = jwt.createTokens("u", List.of(), Map.of(), Map.of());
    String header =
        new String(TestTokens.unb64(pair.refresh().split("\\.")[0]), StandardCharsets.UTF_8);
    assertTrue(header.contains("HS256"), header);
    assertEquals("u", jwt.verifyRefresh(pair.refresh()).subject());
  }

  @Test
  void tokenPairNeverPrintsTheTokens() {
    TokenPair pair =
        TestTokens.hs256WithRefresh().build().createTokens("u", List.of(), Map.of(), Map.of());
    assertFalse(pair.toString().contains(pair.access()));
    assertFalse(pair.toString().contains(pair.refresh()));
    assertEquals(pair, new TokenPair(pair.access(), pair.refresh()));
  }

  /**
   * A token created on a thread while another is being written there (here from a data map's
   * iterator): each gets its own payload, although the writer reuses a buffer per thread.
   */
  @Test
  void aTokenCreatedWhileAnotherIsBeingWrittenOnTheSameThread() {
    ApoJwt jwt = TestTokens.hs256().build();
    String[] inner = new String[1];
    Map<String, Object> data =
        new java.util.AbstractMap<>() {
          @Override
          public Set<Map.Entry<String, Object>> entrySet() {
            if (inner[0] == null) {
              inner[0] = jwt.createToken("inner", List.of("b"), Map.of("n", "x".repeat(600)));
            }
            return Map.<String, Object>of("outer", 1).entrySet();
          }
        };
    String outer = jwt.createToken("outer", List.of("a"), data);
    assertEquals("outer", jwt.verify(outer).subject());
    assertEquals(Map.of("outer", 1), jwt.verify(outer).data());
    assertEquals("inner", jwt.verify(inner[0]).subject());
    assertEquals(600, ((String) jwt.verify(inner[0]).data().get("n")).length());
    // And the thread's buffer serves the next token as before.
    assertEquals("next", jwt.verify(jwt.createToken("next", List.of(), Map.of())).subject());
  }
}
