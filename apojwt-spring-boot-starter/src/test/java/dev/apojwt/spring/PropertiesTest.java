package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apojwt.ApoJwt;
import dev.apojwt.VerifiedToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The {@code apojwt.*} properties configure the ApoJwt; an application's own ApoJwt wins. */
class PropertiesTest {
  private static final String SECRET_48 = "spring-starter-test-hs384-secret-of-48-bytes-long!";
  private static final String REFRESH_48 = "spring-starter-test-hs384-refresh-of-48-bytes-long";

  @Test
  void everyPropertyConfiguresTheApoJwt() {
    try (ConfigurableApplicationContext app =
        Apps.plain(
            new Class<?>[] {Empty.class},
            "apojwt.secret=" + SECRET_48,
            "apojwt.algorithm=hs384",
            "apojwt.issuer=notes-service",
            "apojwt.audience=notes-api,notes-admin",
            "apojwt.exp-period=5m",
            "apojwt.admin-permission=root",
            "apojwt.leeway=30s",
            "apojwt.refresh.secret=" + REFRESH_48,
            "apojwt.refresh.period=2d",
            "apojwt.refresh.cookie=sid")) {
      ApoJwt jwt = app.getBean(ApoJwt.class);
      assertEquals(Duration.ofMinutes(5), jwt.expPeriod());
      assertEquals(Duration.ofDays(2), jwt.refreshPeriod());
      assertEquals("sid", app.getBean(SpringMvcTemplate.class).refreshCookieName());
      String token = jwt.createToken("alice", List.of("notes:read"), Map.of());
      String header =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
              StandardCharsets.UTF_8);
      assertTrue(header.contains("\"alg\":\"HS384\""), header);
      VerifiedToken verified = jwt.verify(token);
      assertEquals("notes-service", verified.issuer());
      assertEquals(List.of("notes-api", "notes-admin"), verified.audience());
      // The leeway: a token that expired 20 s ago still passes.
      ApoJwt earlier =
          ApoJwt.builder()
              .algorithm("HS384")
              .secret(SECRET_48)
              .issuer("notes-service")
              .serverAudience("notes-api")
              .expPeriod(Duration.ofMinutes(5))
              .clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-320)))
              .build();
      assertNotNull(jwt.verify(earlier.createToken("bob", List.of(), Map.of())));
      // Refresh tokens are enabled, with their own secret.
      assertNotNull(
          jwt.verifyRefresh(jwt.createTokens("a", List.of(), Map.of(), Map.of()).refresh()));
    }
  }

  @Test
  void anApoJwtOfTheApplicationsOwnWinsAndNeedsNoProperties() {
    try (ConfigurableApplicationContext app = Apps.plain(new Class<?>[] {OwnJwt.class})) {
      assertSame(OwnJwt.JWT, app.getBean(ApoJwt.class));
    }
  }

  @Test
  void whatTheBuilderRefusesIsReportedWithTheProperties() {
    ApoJwtProperties p = new ApoJwtProperties();
    p.setSecret(Apps.SECRET);
    p.setLeeway(Duration.ofMinutes(10));
    ApoJwtStartupException e =
        assertThrows(
            ApoJwtStartupException.class, () -> PropertiesJwt.build(p, SpringMvcTemplate.create()));
    assertTrue(e.getMessage().startsWith("apojwt.*: leeway must be whole seconds"), e::getMessage);
    p.setLeeway(Duration.ZERO);
    p.setAlgorithm("RS256");
    e =
        assertThrows(
            ApoJwtStartupException.class, () -> PropertiesJwt.build(p, SpringMvcTemplate.create()));
    assertTrue(e.getMessage().startsWith("apojwt.algorithm:"), e::getMessage);
    assertTrue(e.action().contains("define your own ApoJwt @Bean"), e::action);
    p.setAlgorithm("HS512");
    e =
        assertThrows(
            ApoJwtStartupException.class, () -> PropertiesJwt.build(p, SpringMvcTemplate.create()));
    assertEquals(
        "apojwt.secret: it is too short: HS512 needs a secret of at least 64 bytes",
        e.getMessage());
  }

  /** IDEs complete the properties from the metadata the configuration processor generated. */
  @Test
  void theMetadataListsEveryProperty() throws IOException {
    String json;
    try (InputStream in =
        ApoJwtProperties.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertNotNull(in, "the starter jar carries META-INF/spring-configuration-metadata.json");
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"(apojwt\\.[^\"]+)\"").matcher(json);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "apojwt.secret",
                "apojwt.algorithm",
                "apojwt.issuer",
                "apojwt.audience",
                "apojwt.exp-period",
                "apojwt.admin-permission",
                "apojwt.leeway",
                "apojwt.refresh",
                "apojwt.refresh.secret",
                "apojwt.refresh.period",
                "apojwt.refresh.cookie")),
        names);
    assertTrue(json.contains("\"defaultValue\": \"15m\""), json);
    assertTrue(json.contains("\"value\": \"HS512\""), json); // the algorithm hint
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Empty {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class OwnJwt {
    static final ApoJwt JWT = ApoJwt.builder().secret(Apps.SECRET).build();

    @Bean
    ApoJwt apoJwt() {
      return JWT;
    }
  }
}
