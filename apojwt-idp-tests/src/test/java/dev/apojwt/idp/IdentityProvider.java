package dev.apojwt.idp;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Spring Authorization Server, as a company would run it, on a free loopback port: one client
 * ({@code orders-client}) with the client-credentials grant and the scopes {@code orders:read} and
 * {@code orders:write}; RS256 keys that the test can rotate; a count of the requests to its JWKS
 * endpoint.
 */
@SpringBootApplication
public class IdentityProvider {
  static final String CLIENT = "orders-client";
  static final String CLIENT_SECRET = "orders-client-secret";

  /** The signing keys: the active one signs, every one is published. */
  static final class RotatingKeys implements JWKSource<SecurityContext> {
    private volatile RSAKey active = newKey();
    private volatile List<JWK> published = List.of(active);

    /** A new active key; the old one stays published while its tokens live. */
    void rotate() {
      RSAKey next = newKey();
      List<JWK> keys = new ArrayList<>();
      keys.add(next);
      keys.addAll(published);
      published = List.copyOf(keys);
      active = next;
    }

    String activeKid() {
      return active.getKeyID();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
      // The JWKS endpoint asks for every key (a matcher without constraints); the token
      // encoder asks for a signing key of its algorithm, and must find exactly one.
      boolean everyKey =
          selector.getMatcher().getKeyTypes() == null
              && selector.getMatcher().getAlgorithms() == null;
      return selector.select(new JWKSet(everyKey ? published : List.of(active)));
    }

    private static RSAKey newKey() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final RotatingKeys KEYS = new RotatingKeys();
  static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();

  @Bean
  JWKSource<SecurityContext> jwkSource() {
    return KEYS;
  }

  @Bean
  RegisteredClientRepository clients() {
    RegisteredClient client =
        RegisteredClient.withId("1")
            .clientId(CLIENT)
            .clientSecret("{noop}" + CLIENT_SECRET)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope("orders:read")
            .scope("orders:write")
            .tokenSettings(
                TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
            .build();
    return new InMemoryRegisteredClientRepository(client);
  }

  /** Counts what the resource servers fetch. */
  @Bean
  FilterRegistrationBean<Filter> jwksCounter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            (request, response, chain) -> {
              JWKS_REQUESTS.incrementAndGet();
              chain.doFilter(request, response);
            });
    registration.addUrlPatterns("/oauth2/jwks");
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }

  /** Starts it on a free loopback port. */
  static ConfigurableApplicationContext start() {
    SpringApplication app = new SpringApplication(IdentityProvider.class);
    return app.run(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN");
  }

  static URI base(ConfigurableApplicationContext context) {
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port);
  }
}
