package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Whether a handler's guard factory can be found in a named module: there {@link
 * java.util.ServiceLoader} reads the module's {@code provides} directives, never {@code
 * META-INF/services}, so the module must declare {@code provides dev.apojwt.GuardFactory with
 * ...Factory}. On the class path (the unnamed module) the services file is enough.
 *
 * <p>Checked only in the last round: reading a module's directives completes them, and javac then
 * keeps a {@code provides} that names a class not generated yet as broken ("does not have a default
 * constructor"), so an earlier look would break the very module that is right.
 */
final class ModuleProvides {
  private record Factory(TypeElement handler, String name) {}

  private final Elements elements;
  private final Reporter reporter;
  private final List<Factory> factories = new ArrayList<>();

  ModuleProvides(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** {@code factory} (canonical name), generated for {@code handler}, is to be checked. */
  void add(TypeElement handler, String factory) {
    factories.add(new Factory(handler, factory));
  }

  /** In the last round: a note on each handler whose named module does not provide its factory. */
  void checkAll() {
    for (Factory factory : factories) {
      check(factory.handler(), factory.name());
    }
    factories.clear();
  }

  private void check(TypeElement handler, String factory) {
    ModuleElement module = elements.getModuleOf(handler);
    if (module == null || module.isUnnamed() || provides(module, factory)) {
      return;
    }
    reporter
        .scope(handler)
        .report(
            handler,
            Message.FACTORY_NOT_PROVIDED,
            handler.getQualifiedName(),
            module.getQualifiedName(),
            factory);
  }

  /** Whether {@code module} provides {@code GuardFactory} with {@code factory} (canonical name). */
  private static boolean provides(ModuleElement module, String factory) {
    for (ModuleElement.Directive directive : module.getDirectives()) {
      if (directive.getKind() != ModuleElement.DirectiveKind.PROVIDES) {
        continue;
      }
      ModuleElement.ProvidesDirective provides = (ModuleElement.ProvidesDirective) directive;
      if (!provides
          .getService()
          .getQualifiedName()
          .contentEquals(RuntimeNames.GUARD_FACTORY.canonicalName())) {
        continue;
      }
      for (TypeElement implementation : provides.getImplementations()) {
        if (implementation.getQualifiedName().contentEquals(factory)) {
          return true;
        }
      }
    }
    return false;
  }
}
