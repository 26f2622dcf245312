package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.notes.ArchiveApi;
import com.example.notes.AuditedNotesApi;
import com.example.notes.AuditedNotesService;
import com.example.notes.CircularTags;
import com.example.notes.GuardedArchiveApi;
import com.example.notes.GuardedAuditedNotesApi;
import com.example.notes.GuardedNotesApi;
import com.example.notes.GuardedTagsApi;
import com.example.notes.NotesApi;
import com.example.notes.NotesController;
import com.example.notes.NotesService;
import com.example.notes.TagsApi;
import com.example.notes.TagsService;
import dev.apojwt.ApoJwt;
import dev.apojwt.GuardFactory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A new user's {@code @Service NotesService implements NotesApi} works with no {@code @Bean}: the
 * starter replaces it by its guard, and no path through the context reaches it unguarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardingTest {
  private ConfigurableApplicationContext app;
  private int port;
  private ApoJwt jwt;

  @BeforeAll
  void start() {
    app =
        Apps.web(
            new Class<?>[] {App.class},
            "apojwt.secret=" + Apps.SECRET,
            "apojwt.refresh.secret=" + Apps.REFRESH_SECRET);
    port = Apps.port(app);
    jwt = app.getBean(ApoJwt.class);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aServiceImplementingAHandlerInterfaceIsServedThroughItsGuard() {
    int calls = NotesService.CALLS.get();
    HttpResponse<String> refused = Http.get(port, "/mine");
    assertEquals(401, refused.statusCode(), refused::body);
    assertEquals(calls, NotesService.CALLS.get(), "the refused call did not reach the service");
    String token = jwt.createToken("alice", List.of(), Map.of());
    HttpResponse<String> ok = Http.get(port, "/mine", "Authorization", "Bearer " + token);
    assertEquals(200, ok.statusCode(), ok::body);
    assertEquals("notes of alice", ok.body());
    assertEquals(calls + 1, NotesService.CALLS.get());
  }

  @Test
  void noHandlerBeanIsReachableUnguardedThroughTheContext() {
    ConfigurableListableBeanFactory beans = app.getBeanFactory();
    List<GuardFactory<?>> factories = GuardRegistry.load(getClass().getClassLoader()).factories();
    assertTrue(factories.size() >= 3, () -> "the test's handler interfaces: " + factories);
    // By type: every handler interface sees guards only, one per bean.
    for (GuardFactory<?> factory : factories) {
      for (Object bean : beans.getBeansOfType(factory.handler(), true, true).values()) {
        assertGuard(bean);
      }
    }
    assertInstanceOf(GuardedNotesApi.class, app.getBean(NotesApi.class));
    Map<String, ArchiveApi> archives = app.getBeansOfType(ArchiveApi.class);
    assertEquals(Set.of("archiveBean", "archiveFactory"), archives.keySet());
    archives.values().forEach(a -> assertInstanceOf(GuardedArchiveApi.class, a));
    assertEquals(0, beans.getBeanNamesForType(Archive.class, true, true).length);
    assertInstanceOf(GuardedTagsApi.class, app.getBean(TagsApi.class)); // a prototype
    assertNotEquals(app.getBean(TagsApi.class), app.getBean(TagsApi.class));
    // By name, by Object, by the provider: never the implementation.
    for (String name : beans.getBeanNamesForType(Object.class, true, true)) {
      assertGuardOrNoHandler(app.getBean(name));
      assertFalse(beans.isTypeMatch(name, NotesService.class), name);
      assertFalse(beans.isTypeMatch(name, TagsService.class), name);
      assertFalse(beans.isTypeMatch(name, Archive.class), name);
    }
    for (Object bean : beans.getBeansOfType(Object.class, true, true).values()) {
      assertGuardOrNoHandler(bean);
    }
    // The implementation classes name no bean.
    assertEquals(0, beans.getBeanNamesForType(NotesService.class, true, true).length);
    assertEquals(0, beans.getBeanNamesForType(TagsService.class, true, true).length);
    assertThrows(NoSuchBeanDefinitionException.class, () -> app.getBean(NotesService.class));
    assertNull(app.getBeanProvider(NotesService.class).getIfAvailable());
    assertEquals(GuardedNotesApi.class, beans.getType(NotesService.class.getName()));
    assertThrows(
        BeanNotOfRequiredTypeException.class,
        () -> app.getBean(NotesService.class.getName(), NotesService.class));
    assertGuard(beans.getSingleton(NotesService.class.getName()));
    app.getBeanProvider(NotesApi.class).stream().forEach(GuardingTest::assertGuard);
  }

  /** A handler interface extending another: the bean is the guard of the one it implements. */
  @Test
  void aBeanOfAHandlerInterfaceExtendingAnotherIsTheGuardOfTheMoreSpecific() {
    try (ConfigurableApplicationContext audited =
        Apps.plain(
            new Class<?>[] {Audited.class},
            "apojwt.secret=" + Apps.SECRET,
            "apojwt.refresh.secret=" + Apps.REFRESH_SECRET)) {
      assertInstanceOf(GuardedAuditedNotesApi.class, audited.getBean(NotesApi.class));
      assertInstanceOf(GuardedAuditedNotesApi.class, audited.getBean(AuditedNotesApi.class));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(AuditedNotesService.class)
  static class Audited {}

  /** An early reference, handed out while the bean is still being created, is the guard too. */
  @Test
  void aCircularReferenceGetsTheGuardToo() {
    try (ConfigurableApplicationContext circular =
        Apps.plain(
            new Class<?>[] {Circular.class},
            "apojwt.secret=" + Apps.SECRET,
            "spring.main.allow-circular-references=true")) {
      CircularTags.Helper helper = circular.getBean(CircularTags.Helper.class);
      assertInstanceOf(GuardedTagsApi.class, helper.tags);
      assertSame(helper.tags, circular.getBean(TagsApi.class));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({CircularTags.class, CircularTags.Helper.class})
  static class Circular {}

  private static void assertGuard(Object bean) {
    assertTrue(
        bean instanceof GuardedNotesApi
            || bean instanceof GuardedAuditedNotesApi
            || bean instanceof GuardedTagsApi
            || bean instanceof GuardedArchiveApi,
        () -> bean.getClass() + " is not a guard");
  }

  private static void assertGuardOrNoHandler(Object bean) {
    if (bean instanceof NotesApi || bean instanceof TagsApi || bean instanceof ArchiveApi) {
      assertGuard(bean);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({NotesService.class, TagsService.class, NotesController.class})
  static class App {
    /** An implementation from a @Bean method, its declared type the implementation's class. */
    @Bean
    Archive archiveBean() {
      return new Archive();
    }

    /** An implementation made by a FactoryBean. */
    @Bean
    FactoryBean<ArchiveApi> archiveFactory() {
      return new FactoryBean<>() {
        @Override
        public ArchiveApi getObject() {
          return new Archive();
        }

        @Override
        public Class<?> getObjectType() {
          return ArchiveApi.class;
        }
      };
    }
  }

  static class Archive implements ArchiveApi {
    @Override
    public String archive() {
      return "archived";
    }
  }
}
