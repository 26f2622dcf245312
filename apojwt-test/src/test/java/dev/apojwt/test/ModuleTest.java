package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit is the module {@code dev.apojwt.test}, exporting its one package and requiring the
 * runtime and JUnit Jupiter's API transitively (its signatures show their types); the tests run on
 * the class path, so the descriptor is read from the compiled classes.
 */
class ModuleTest {
  @Test
  void theKitIsTheModuleDevApojwtTest() throws URISyntaxException {
    Path classes =
        Path.of(AccessMatrix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    assertEquals("dev.apojwt.test", descriptor.name());
    assertEquals(
        Set.of("dev.apojwt.test"),
        descriptor.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires =
        descriptor.requires().stream()
            .collect(Collectors.toMap(ModuleDescriptor.Requires::name, r -> r.modifiers()));
    assertEquals(Set.of("java.base", "dev.apojwt", "org.junit.jupiter.api"), requires.keySet());
    assertTrue(requires.get("dev.apojwt").contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
    assertTrue(
        requires
            .get("org.junit.jupiter.api")
            .contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
  }
}
