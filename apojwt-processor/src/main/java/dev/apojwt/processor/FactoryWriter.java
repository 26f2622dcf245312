package dev.apojwt.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collections;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Guarded<Interface>.Factory}, the guard's {@code dev.apojwt.GuardFactory}, which
 * {@link ServicesFile} lists for {@link java.util.ServiceLoader}: a public no-arg constructor,
 * {@code handler()}, {@code guard(delegate, jwt)} and {@code accessTable()}, nested in the guard
 * (see {@link HandlerModel#factoryName}).
 *
 * <p>The factory of a generic handler {@code Repo<T>} is a {@code GuardFactory<Repo<?>>}: a generic
 * helper captures the wildcard so that the guard is made with the delegate's own type argument, and
 * only {@code handler()} needs an unchecked cast ({@code Repo.class} is the class of every {@code
 * Repo<...>}).
 */
final class FactoryWriter {
  TypeSpec write(HandlerModel model) {
    ClassName handler = model.handlerClass();
    TypeName handlerType = wildcardType(model);
    ClassName guard = model.guardName();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.factoryName().simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(RuntimeNames.GUARD_FACTORY, handlerType))
            .addJavadoc(
                "Makes {@link $T} for frameworks, which find it with {@link"
                    + " java.util.ServiceLoader}:\napojwt lists it in {@code"
                    + " META-INF/services/dev.apojwt.GuardFactory}.\n",
                guard);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("For {@link java.util.ServiceLoader}.\n")
            .build());
    type.addMethod(handlerMethod(model, handler, handlerType));
    MethodSpec.Builder guardMethod =
        MethodSpec.methodBuilder("guard")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(handlerType)
            .addParameter(handlerType, "delegate")
            .addParameter(RuntimeNames.APO_JWT, "jwt");
    if (model.typeVariables().isEmpty()) {
      type.addMethod(guardMethod.addStatement("return new $T(delegate, jwt)", guard).build());
    } else {
      type.addMethod(guardMethod.addStatement("return guarded(delegate, jwt)").build());
      type.addMethod(capturingHelper(model, guard));
    }
    type.addMethod(
        MethodSpec.methodBuilder("accessTable")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeNames.ACCESS_TABLE)
            .addStatement("return $N", GuardWriter.ACCESS_TABLE)
            .build());
    return type.build();
  }

  /** {@code Orders}, or {@code Repo<?>} for a generic handler. */
  private static TypeName wildcardType(HandlerModel model) {
    if (model.typeVariables().isEmpty()) {
      return model.handlerClass();
    }
    TypeName[] wildcards =
        Collections.nCopies(model.typeVariables().size(), WildcardTypeName.subtypeOf(Object.class))
            .toArray(new TypeName[0]);
    return ParameterizedTypeName.get(model.handlerClass(), wildcards);
  }

  private static MethodSpec handlerMethod(
      HandlerModel model, ClassName handler, TypeName handlerType) {
    TypeName classType = ParameterizedTypeName.get(ClassName.get(Class.class), handlerType);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("handler")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(classType);
    if (model.typeVariables().isEmpty()) {
      return method.addStatement("return $T.class", handler).build();
    }
    return method
        .addAnnotation(GuardMethodWriter.UNCHECKED)
        .addStatement("return ($T) ($T<?>) $T.class", classType, Class.class, handler)
        .build();
  }

  /** {@code <T extends Comparable<T>> Repo<T> guarded(Repo<T> delegate, ApoJwt jwt)}. */
  private static MethodSpec capturingHelper(HandlerModel model, ClassName guard) {
    TypeName handlerType = model.handlerType();
    return MethodSpec.methodBuilder("guarded")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Captures the wildcard: the guard has the delegate's own type arguments.\n")
        .addTypeVariables(model.typeVariables())
        .returns(handlerType)
        .addParameter(handlerType, "delegate")
        .addParameter(RuntimeNames.APO_JWT, "jwt")
        .addStatement("return new $T<>(delegate, jwt)", guard)
        .build();
  }
}
