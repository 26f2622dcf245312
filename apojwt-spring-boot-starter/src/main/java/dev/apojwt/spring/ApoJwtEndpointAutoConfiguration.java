package dev.apojwt.spring;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@link ApoJwtEndpoint}, when Spring Boot Actuator is on the class path. */
@AutoConfiguration(after = ApoJwtAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class ApoJwtEndpointAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint(ApoJwtEndpoint.class)
  public ApoJwtEndpoint apoJwtEndpoint(ConfigurableListableBeanFactory beans) {
    return new ApoJwtEndpoint(GuardRegistry.load(beans.getBeanClassLoader()), beans);
  }
}
