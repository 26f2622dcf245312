package dev.apojwt.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Catalog>Hierarchy}: the catalog's {@code @Implies} resolved at compile time.
 * Guards read its {@code HIERARCHY} when they are loaded, so recompiling only the catalog changes
 * what every existing guard accepts (no permission set is inlined into a guard).
 */
final class HierarchyWriter {
  /** {@code @Generated}, or null when the JDK lacks it. */
  private final AnnotationSpec generated;

  HierarchyWriter(AnnotationSpec generated) {
    this.generated = generated;
  }

  JavaFile write(PermissionCatalogModel catalog) {
    ClassName name = catalog.hierarchyClass;
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(catalog.catalog)
            .addJavadoc(
                "The permission hierarchy of {@link $T}, resolved at compile time by apojwt.\n",
                catalog.catalogClass);
    if (generated != null) {
      type.addAnnotation(generated);
    }
    type.addField(
        FieldSpec.builder(
                RuntimeNames.PERMISSION_HIERARCHY,
                RuntimeNames.HIERARCHY_FIELD,
                Modifier.PUBLIC,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc(
                "The permissions of {@link $T}, each with everything it implies (resolved"
                    + " transitively).\n",
                catalog.catalogClass)
            .initializer(RuntimeNames.hierarchyBuilder(catalog, 2))
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).build();
  }
}
