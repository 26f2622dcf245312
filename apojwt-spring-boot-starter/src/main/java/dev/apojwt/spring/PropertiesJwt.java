package dev.apojwt.spring;

import dev.apojwt.ApoJwt;
import dev.apojwt.Template;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link ApoJwt} of {@link ApoJwtProperties}, checking first what a property can get
 * wrong so that start-up names the property to set; what {@link ApoJwt.Builder#build()} refuses
 * besides is reported as it says (its messages never echo a secret).
 */
final class PropertiesJwt {
  /** RFC 7518 section 3.2: an HMAC key at least as long as the hash, as the runtime requires. */
  private static final Map<String, Integer> MIN_SECRET_BYTES =
      Map.of("HS256", 32, "HS384", 48, "HS512", 64);

  private static final String RANDOM =
      " from the environment, a random value made e.g. with `openssl rand -base64 48`";

  private PropertiesJwt() {}

  static ApoJwt build(ApoJwtProperties p, Template template) {
    String algorithm = p.getAlgorithm() == null ? "" : p.getAlgorithm().toUpperCase(Locale.ROOT);
    Integer min = MIN_SECRET_BYTES.get(algorithm);
    if (min == null) {
      throw ApoJwtStartupException.property(
          "apojwt.algorithm",
          "the properties configure HMAC algorithms only (HS256, HS384, HS512)",
          "Set apojwt.algorithm to HS256, HS384 or HS512, or, for RS*, ES* or EdDSA keys, define"
              + " your own ApoJwt @Bean with ApoJwt.builder().template(springMvcTemplate)...;"
              + " the starter then uses it.");
    }
    byte[] secret = checkedSecret("apojwt.secret", p.getSecret(), algorithm, min);
    ApoJwt.Builder b = ApoJwt.builder().algorithm(algorithm).secret(secret).template(template);
    String refreshSecret = p.getRefresh().getSecret();
    if (refreshSecret != null) {
      byte[] refresh = checkedSecret("apojwt.refresh.secret", refreshSecret, algorithm, min);
      if (MessageDigest.isEqual(secret, refresh)) {
        throw ApoJwtStartupException.property(
            "apojwt.refresh.secret",
            "the refresh secret equals apojwt.secret, so a refresh token could pass as an access"
                + " token",
            "Set apojwt.refresh.secret to a different random value" + RANDOM + ".");
      }
      b.refresh(refresh, required("apojwt.refresh.period", p.getRefresh().getPeriod()));
    }
    try {
      b.issuer(required("apojwt.issuer", p.getIssuer()))
          .serverAudience(required("apojwt.audience", p.getAudience()))
          .expPeriod(required("apojwt.exp-period", p.getExpPeriod()))
          .leeway(required("apojwt.leeway", p.getLeeway()));
      if (p.getAdminPermission() != null) {
        b.adminPermission(p.getAdminPermission());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      // The builder's message names its setter, which the property of the same name sets.
      throw ApoJwtStartupException.property(
          "apojwt.*",
          e.getMessage(),
          "Correct the apojwt property that the message names (expPeriod is apojwt.exp-period,"
              + " serverAudience apojwt.audience, the refresh period apojwt.refresh.period).");
    }
  }

  private static byte[] checkedSecret(String property, String value, String algorithm, int min) {
    if (value == null || value.isBlank()) {
      throw ApoJwtStartupException.property(
          property,
          "it is not set, and " + algorithm + " needs a secret of at least " + min + " bytes",
          "Set "
              + property
              + " (environment variable "
              + property.toUpperCase(Locale.ROOT).replace('.', '_')
              + ") to at least "
              + min
              + " bytes"
              + RANDOM
              + ".");
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < min) {
      throw ApoJwtStartupException.property(
          property,
          "it is too short: " + algorithm + " needs a secret of at least " + min + " bytes",
          "Set " + property + " to at least " + min + " bytes" + RANDOM + ".");
    }
    return bytes;
  }

  private static <T> T required(String property, T value) {
    if (value == null) {
      throw ApoJwtStartupException.property(
          property, "it is empty", "Set " + property + " or remove it to keep the default.");
    }
    return value;
  }
}
