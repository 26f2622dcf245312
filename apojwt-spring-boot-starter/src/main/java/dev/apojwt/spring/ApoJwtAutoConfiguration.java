package dev.apojwt.spring;

import dev.apojwt.ApoJwt;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * apojwt for Spring Boot: an {@link ApoJwt} from the {@code apojwt.*} properties (unless the
 * application defines its own), the {@link SpringMvcTemplate}, every handler bean replaced by its
 * guard, and refused calls answered as JSON with their RFC 6750 challenge.
 */
@AutoConfiguration
@EnableConfigurationProperties(ApoJwtProperties.class)
public class ApoJwtAutoConfiguration {
  /** The Spring MVC template, with the refresh cookie {@code apojwt.refresh.cookie}. */
  @Bean
  @ConditionalOnMissingBean
  public SpringMvcTemplate apoJwtTemplate(ApoJwtProperties properties) {
    String cookie = properties.getRefresh().getCookie();
    try {
      return SpringMvcTemplate.create(cookie);
    } catch (IllegalArgumentException e) {
      throw ApoJwtStartupException.property(
          "apojwt.refresh.cookie",
          e.getMessage(),
          "Set apojwt.refresh.cookie to a cookie name, or remove it for refresh_token.");
    }
  }

  /** The ApoJwt of the {@code apojwt.*} properties, with the Spring MVC template. */
  @Bean
  @ConditionalOnMissingBean
  public ApoJwt apoJwt(ApoJwtProperties properties, SpringMvcTemplate template) {
    return PropertiesJwt.build(properties, template);
  }

  /** Replaces handler beans by their guards; static, as a post-processor must be. */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static GuardingPostProcessor apoJwtGuardingPostProcessor() {
    return new GuardingPostProcessor();
  }

  /** Refusals answered on the servlet stack. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(DispatcherServlet.class)
  static class Refusing {
    @Bean
    RefusalResolver apoJwtRefusalResolver() {
      return new RefusalResolver();
    }

    /** Outside the application's filters, for the guards they call. */
    @Bean
    FilterRegistrationBean<RefusalFilter> apoJwtRefusalFilter() {
      FilterRegistrationBean<RefusalFilter> registration =
          new FilterRegistrationBean<>(new RefusalFilter());
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
      registration.setName("apoJwtRefusalFilter");
      registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
      return registration;
    }
  }
}
