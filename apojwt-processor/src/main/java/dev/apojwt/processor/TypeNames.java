package dev.apojwt.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * javac's types as JavaPoet names, for the model, so that the writer asks javac nothing (and can
 * run on another thread). The same as {@link TypeName#get(TypeMirror)}, with each class's name
 * looked up once per compilation: guards name the same few types again and again.
 */
final class TypeNames {
  private final Map<TypeElement, ClassName> classNames = new HashMap<>();

  TypeName of(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getEnclosingType().getKind() != TypeKind.NONE
            && !element.getModifiers().contains(Modifier.STATIC)) {
          return TypeName.get(type); // an inner class of a generic type: JavaPoet's own way
        }
        ClassName raw = classNameOf(element);
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.isEmpty()) {
          return raw;
        }
        TypeName[] converted = new TypeName[arguments.size()];
        for (int i = 0; i < converted.length; i++) {
          converted[i] = of(arguments.get(i));
        }
        return ParameterizedTypeName.get(raw, converted);
      case ARRAY:
        return ArrayTypeName.of(of(((ArrayType) type).getComponentType()));
      default:
        return TypeName.get(type);
    }
  }

  List<TypeName> of(List<? extends TypeMirror> types) {
    List<TypeName> names = new ArrayList<>(types.size());
    for (TypeMirror type : types) {
      names.add(of(type));
    }
    return names;
  }

  ClassName classNameOf(TypeElement element) {
    ClassName name = classNames.get(element);
    if (name == null) {
      name = ClassName.get(element);
      classNames.put(element, name);
    }
    return name;
  }

  /** A method's type variable as seen from the handler interface, with its bounds. */
  TypeVariableName variable(TypeVariable variable) {
    List<TypeName> bounds = new ArrayList<>();
    TypeMirror upper = variable.getUpperBound();
    if (upper.getKind() == TypeKind.INTERSECTION) {
      for (TypeMirror bound : ((IntersectionType) upper).getBounds()) {
        bounds.add(of(bound));
      }
    } else if (upper.getKind() != TypeKind.NULL) {
      bounds.add(of(upper));
    }
    bounds.remove(ClassName.OBJECT);
    return TypeVariableName.get(
        variable.asElement().getSimpleName().toString(), bounds.toArray(new TypeName[0]));
  }
}
