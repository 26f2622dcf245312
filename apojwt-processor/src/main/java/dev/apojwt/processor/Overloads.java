package dev.apojwt.processor;

import com.palantir.javapoet.ClassName;
import dev.apojwt.processor.HandlerModel.MethodModel;
import dev.apojwt.processor.HandlerModel.Overload;
import dev.apojwt.processor.HandlerModel.Parameter;
import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which guarded methods also get a public overload without their injected parameters ({@code
 * orders.mine(ctx)} for {@code mine(Context ctx, @TokenSubject String owner)}), so that call sites
 * never pass null. An overload is left out, with a note on its method, when its erasure would be
 * that of another method of the guard: a method of the interface (its own or inherited), one of
 * Object's, the guard's static {@code accessTable()}, or another such overload.
 */
final class Overloads {
  private final Types types;

  /** Object's methods, which every guard has: by signature, as messages name them. */
  private final Map<String, String> objectMethods = new LinkedHashMap<>();

  /** How many of Object's methods have each name and number of parameters. */
  private final Map<String, Integer> objectArities = new HashMap<>();

  Overloads(Elements elements, Types types) {
    this.types = types;
    TypeElement object = elements.getTypeElement("java.lang.Object");
    for (ExecutableElement method : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (!ElementSupport.isPrivate(method)) {
        objectMethods.put(
            TypeSupport.signature(
                method.getSimpleName().toString(), (ExecutableType) method.asType(), types),
            "Object." + Describe.signature(method));
        objectArities.merge(
            arity(method.getSimpleName().toString(), method.getParameters().size()),
            1,
            Integer::sum);
      }
    }
  }

  /** {@code methods}, each with its overload decided; a note for each one left out. */
  List<MethodModel> decide(ClassName guard, List<MethodModel> methods, Diagnostics diagnostics) {
    // What each signature of the guard is, for the note; a method is described only on a clash.
    Map<String, Object> taken = new HashMap<>();
    Map<String, Integer> arities = new HashMap<>(objectArities);
    objectMethods.forEach(taken::put);
    taken.put("accessTable()", guard.simpleName() + ".accessTable()");
    for (MethodModel method : methods) {
      taken.put(method.signature(), method);
      arities.merge(arity(method.name(), method.parameters().size()), 1, Integer::sum);
    }

    Map<String, List<Integer>> wanted = new LinkedHashMap<>();
    for (int i = 0; i < methods.size(); i++) {
      if (methods.get(i).injectsAny()) {
        wanted.computeIfAbsent(signatureOf(methods.get(i)), s -> new ArrayList<>(1)).add(i);
      }
    }
    List<Integer> kept = new ArrayList<>();
    wanted.forEach(
        (signature, indices) -> {
          for (int i : indices) {
            MethodModel method = methods.get(i);
            Object existing = taken.get(signature);
            String clash =
                existing instanceof MethodModel
                    ? Describe.method(((MethodModel) existing).method())
                    : (String) existing;
            if (clash == null && indices.size() > 1) {
              int other = indices.get(indices.get(0) == i ? 1 : 0);
              clash = "the overload for " + Describe.method(methods.get(other).method());
            }
            if (clash == null) {
              kept.add(i);
              arities.merge(arity(method.name(), keptCount(method)), 1, Integer::sum);
            } else {
              diagnostics.report(
                  method.method(),
                  Message.OVERLOAD_LEFT_OUT,
                  guard.simpleName(),
                  describe(method),
                  Describe.method(method.method()),
                  clash);
            }
          }
        });

    List<MethodModel> decided = new ArrayList<>(methods);
    for (int i : kept) {
      MethodModel method = methods.get(i);
      // A bare null could match another method of that name and number of parameters.
      boolean typed = arities.get(arity(method.name(), method.parameters().size())) > 1;
      decided.set(i, method.withOverload(typed ? Overload.TYPED_NULLS : Overload.NULLS));
    }
    return decided;
  }

  /** The erasure of the overload: {@code mine(io.javalin.http.Context)}. */
  private String signatureOf(MethodModel method) {
    List<String> erased = new ArrayList<>();
    for (Parameter parameter : method.parameters()) {
      if (!parameter.injection().isFilledIn()) {
        erased.add(TypeSupport.erasedName(parameter.type(), types));
      }
    }
    return method.name() + "(" + String.join(", ", erased) + ")";
  }

  /** The overload as a message names it: {@code mine(Context)}. */
  private static String describe(MethodModel method) {
    List<String> kept = new ArrayList<>();
    for (Parameter parameter : method.parameters()) {
      if (!parameter.injection().isFilledIn()) {
        kept.add(Describe.type(parameter.type()));
      }
    }
    return method.name() + "(" + String.join(", ", kept) + ")";
  }

  private static int keptCount(MethodModel method) {
    int kept = 0;
    for (Parameter parameter : method.parameters()) {
      kept += parameter.injection().isFilledIn() ? 0 : 1;
    }
    return kept;
  }

  /** {@code mine/2}: a name and a number of parameters. */
  private static String arity(String name, int parameters) {
    return name + "/" + parameters;
  }
}
