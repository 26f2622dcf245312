package dev.apojwt.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.util.Elements;

/** The runtime types generated code refers to, and the pieces both writers share. */
final class RuntimeNames {
  static final String RUNTIME_PACKAGE = "dev.apojwt";
  static final ClassName APO_JWT = ClassName.get(RUNTIME_PACKAGE, "ApoJwt");
  static final ClassName ACCESS_RULE = ClassName.get(RUNTIME_PACKAGE, "AccessRule");
  static final ClassName ACCESS_TABLE = ClassName.get(RUNTIME_PACKAGE, "AccessTable");
  static final ClassName PERMISSION_HIERARCHY =
      ClassName.get(RUNTIME_PACKAGE, "PermissionHierarchy");
  static final ClassName VERIFIED_TOKEN = ClassName.get(RUNTIME_PACKAGE, "VerifiedToken");
  static final ClassName GUARD_FACTORY = ClassName.get(RUNTIME_PACKAGE, "GuardFactory");
  static final ClassName VERIFIED_REFRESH = ClassName.get(RUNTIME_PACKAGE, "VerifiedRefresh");

  static final String GENERATED = "javax.annotation.processing.Generated";
  static final String PROCESSOR = "dev.apojwt.processor.ApoJwtProcessor";

  /** The field of a generated {@code <Catalog>Hierarchy} class. */
  static final String HIERARCHY_FIELD = "HIERARCHY";

  private RuntimeNames() {}

  /** {@code @Generated("dev.apojwt.processor.ApoJwtProcessor")}, or null when the JDK lacks it. */
  static AnnotationSpec generated(Elements elements) {
    if (elements.getTypeElement(GENERATED) == null) {
      return null;
    }
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  /**
   * A {@code PermissionHierarchy.builder()} chain for {@code catalog}, one permission per line with
   * everything it implies, transitively; continuation lines {@code indents} levels in.
   */
  static CodeBlock hierarchyBuilder(PermissionCatalogModel catalog, int indents) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", PERMISSION_HIERARCHY);
    for (int i = 0; i < indents; i++) {
      code.indent();
    }
    for (PermissionCatalogModel.Permission permission : catalog.permissions) {
      List<CodeBlock> arguments = new ArrayList<>();
      arguments.add(CodeBlock.of("$S", permission.name()));
      for (String implied : catalog.closure.get(permission.name())) {
        arguments.add(CodeBlock.of("$S", implied));
      }
      code.add("\n.permission($L)", CodeBlock.join(arguments, ", "));
    }
    code.add("\n.build()");
    for (int i = 0; i < indents; i++) {
      code.unindent();
    }
    return code.build();
  }
}
