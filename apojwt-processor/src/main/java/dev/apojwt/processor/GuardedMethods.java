package dev.apojwt.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Which methods a guard implements: every member method of the handler interface but static and
 * private ones and Object's, in declaration order (the interface's own, then its superinterfaces'
 * depth first), grouped by signature as seen from the handler. For a group of override-equivalent
 * methods, which one the guard implements and what it may throw.
 */
final class GuardedMethods {
  private final Types types;

  GuardedMethods(Types types) {
    this.types = types;
  }

  /**
   * The groups of {@code handler}, whose {@code interfaces} ({@link Supertypes#interfaces}) and
   * member methods are given.
   */
  List<MethodGroup> of(
      DeclaredType handlerType, List<TypeElement> interfaces, Set<ExecutableElement> members) {
    Map<String, List<ExecutableElement>> methods = new LinkedHashMap<>();
    Map<String, List<ExecutableType>> methodTypes = new LinkedHashMap<>();
    for (TypeElement type : interfaces) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (members.contains(method) && ElementSupport.isGuardable(method)) {
          ExecutableType memberType = (ExecutableType) types.asMemberOf(handlerType, method);
          String signature = signature(method, memberType);
          methods.computeIfAbsent(signature, s -> new ArrayList<>(1)).add(method);
          methodTypes.computeIfAbsent(signature, s -> new ArrayList<>(1)).add(memberType);
        }
      }
    }
    List<MethodGroup> groups = new ArrayList<>(methods.size());
    methods.forEach(
        (signature, group) ->
            groups.add(new MethodGroup(signature, group, methodTypes.get(signature))));
    return groups;
  }

  /** {@code name(java.lang.String, int)}: how guards and access tables name a method. */
  String signature(ExecutableElement method, ExecutableType memberType) {
    return TypeSupport.signature(method.getSimpleName().toString(), memberType, types);
  }

  /**
   * Of the members of {@code group}, the index of the one whose return type is a subtype of all the
   * others' (the one the guard must implement).
   */
  int implemented(MethodGroup group) {
    List<ExecutableType> memberTypes = group.memberTypes();
    if (memberTypes.size() == 1) {
      return 0;
    }
    for (int i = 0; i < memberTypes.size(); i++) {
      TypeMirror returns = memberTypes.get(i).getReturnType();
      boolean specific = true;
      for (ExecutableType other : memberTypes) {
        TypeMirror otherReturns = other.getReturnType();
        if (returns.getKind() == TypeKind.VOID || otherReturns.getKind() == TypeKind.VOID) {
          specific &= returns.getKind() == otherReturns.getKind();
        } else {
          specific &= types.isSubtype(types.erasure(returns), types.erasure(otherReturns));
        }
      }
      if (specific) {
        return i;
      }
    }
    return 0; // javac reports the incompatible return types
  }

  /**
   * What a method implementing all of {@code group} may throw: each checked exception that every
   * one of them allows.
   */
  List<TypeMirror> thrownTypes(MethodGroup group, int implemented) {
    List<ExecutableType> memberTypes = group.memberTypes();
    if (memberTypes.size() == 1) {
      return List.copyOf(memberTypes.get(implemented).getThrownTypes());
    }
    List<TypeMirror> common = new ArrayList<>();
    for (ExecutableType member : memberTypes) {
      for (TypeMirror thrown : member.getThrownTypes()) {
        boolean allowedEverywhere = true;
        for (ExecutableType other : memberTypes) {
          boolean allowed = false;
          for (TypeMirror otherThrown : other.getThrownTypes()) {
            allowed |= types.isSubtype(thrown, otherThrown);
          }
          allowedEverywhere &= allowed;
        }
        boolean known = false;
        for (TypeMirror c : common) {
          known |= types.isSameType(c, thrown);
        }
        if (allowedEverywhere && !known) {
          common.add(thrown);
        }
      }
    }
    return common;
  }
}
