package dev.apojwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runtime is the named module {@code dev.apojwt} (the tests run inside it), which exports only
 * its API package and needs nothing but Jackson's streaming parser, Caffeine and the JDK's HTTP
 * client, none of which its signatures show.
 */
class ModuleTest {
  @Test
  void theRuntimeIsTheModuleDevApojwtExportingOnlyItsApi() {
    Module module = ApoJwt.class.getModule();
    assertTrue(module.isNamed(), "the tests should run inside the module");
    ModuleDescriptor descriptor = module.getDescriptor();
    assertEquals("dev.apojwt", descriptor.name());
    assertEquals(
        Set.of("dev.apojwt"),
        descriptor.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertTrue(descriptor.opens().isEmpty());
  }

  @Test
  void itDeclaresTheGeneratedGuardFactoriesAsAService() {
    assertEquals(
        Set.of("dev.apojwt.GuardFactory"), ApoJwt.class.getModule().getDescriptor().uses());
  }

  @Test
  void itRequiresJacksonCoreCaffeineAndTheHttpClientAndNoneTransitively() {
    Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires =
        ApoJwt.class.getModule().getDescriptor().requires().stream()
            .collect(Collectors.toMap(ModuleDescriptor.Requires::name, r -> r.modifiers()));
    assertEquals(
        Set.of(
            "java.base",
            "com.fasterxml.jackson.core",
            "com.github.benmanes.caffeine",
            "java.net.http"),
        requires.keySet());
    assertTrue(requires.get("com.fasterxml.jackson.core").isEmpty(), requires.toString());
    assertTrue(requires.get("com.github.benmanes.caffeine").isEmpty(), requires.toString());
    assertTrue(requires.get("java.net.http").isEmpty(), requires.toString());
  }
}
