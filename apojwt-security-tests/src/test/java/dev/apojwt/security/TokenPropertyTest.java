package dev.apojwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apojwt.ApoJwt;
import dev.apojwt.ApoJwtException;
import dev.apojwt.TokenPair;
import dev.apojwt.VerifiedRefresh;
import dev.apojwt.VerifiedToken;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties over arbitrary subjects, permissions, data and tampering. */
class TokenPropertyTest {
  private static final ApoJwt JWT = Services.HMAC.builder().build();

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.of(
            "", " ", "\"", "\\", "\u0000", "é", "😀", "\u2028", "</script>", "{\"sub\":1}"));
  }

  @Provide
  Arbitrary<List<String>> permissions() {
    return text().list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<Map<String, Object>> data() {
    return jsonObject(3);
  }

  private Arbitrary<Map<String, Object>> jsonObject(int depth) {
    return Arbitraries.maps(text(), jsonValue(depth - 1)).ofMaxSize(4).map(LinkedHashMap::new);
  }

  private Arbitrary<Object> jsonValue(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            text().map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(b -> (Object) b),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    if (depth <= 0) {
      return scalar;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalar),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(3).map(l -> (Object) l)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.lazy(() -> jsonObject(depth - 1)).map(m -> (Object) m)));
  }

  @Property(tries = 500)
  void createThenVerifyRoundTrips(
      @ForAll("text") String subject,
      @ForAll("permissions") List<String> permissions,
      @ForAll("data") Map<String, Object> data,
      @ForAll("data") Map<String, Object> refreshData) {
    if (!wellFormed(subject)
        || !wellFormed(permissions)
        || !wellFormed(data)
        || !wellFormed(refreshData)) {
      // Never a token that a JSON parser would read differently: refused at creation.
      assertThrows(
          IllegalArgumentException.class,
          () -> JWT.createTokens(subject, permissions, data, refreshData));
      return;
    }
    TokenPair pair = JWT.createTokens(subject, permissions, data, refreshData);
    VerifiedToken token = JWT.verify(pair.access());
    assertEquals(subject, token.subject());
    assertEquals(new LinkedHashSet<>(permissions), token.permissions());
    assertEquals(normalize(data), normalize(token.data()));
    VerifiedRefresh refresh = JWT.verifyRefresh(pair.refresh());
    assertEquals(normalize(refreshData), normalize(refresh.data()));
    assertEquals(subject, refresh.subject());
  }

  /** Whether every string in {@code value} (keys included) has only paired surrogates. */
  static boolean wellFormed(Object value) {
    if (value instanceof String) {
      String s = (String) value;
      return s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value)
          .entrySet().stream().allMatch(e -> wellFormed(e.getKey()) && wellFormed(e.getValue()));
    }
    if (value instanceof List) {
      return ((List<?>) value).stream().allMatch(TokenPropertyTest::wellFormed);
    }
    return true;
  }

  /** JSON numbers come back as Integer, Long or BigInteger by size: compare integers by value. */
  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return new BigInteger(value.toString());
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, normalize(v)));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<?>) value).forEach(v -> out.add(normalize(v)));
      return out;
    }
    return value;
  }

  @Property(tries = 1000)
  void anyMutationOfAnyTokenIsRefused(
      @ForAll("text") String subject,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll char replacement) {
    Assume.that(wellFormed(subject));
    String token = JWT.createToken(subject, List.of("orders:read"), Map.of());
    int at = position % token.length();
    Assume.that(token.charAt(at) != replacement);
    String mutated = token.substring(0, at) + replacement + token.substring(at + 1);
    ApoJwtException e = assertThrows(ApoJwtException.class, () -> JWT.verify(mutated));
    AttackCorpusTest.assertEchoesNothing(mutated, e.failure());
  }

  @Property(tries = 1000)
  void onlyApoJwtExceptionEscapes(@ForAll("text") String garbage, @ForAll("text") String suffix) {
    String token = JWT.createToken("u", List.of(), Map.of());
    for (String input :
        List.of(garbage, token + suffix, suffix + token, garbage + "." + garbage + "." + garbage)) {
      Assume.that(!input.equals(token));
      assertThrows(ApoJwtException.class, () -> JWT.verify(input));
      assertThrows(ApoJwtException.class, () -> JWT.verifyRefresh(input));
    }
  }
}
