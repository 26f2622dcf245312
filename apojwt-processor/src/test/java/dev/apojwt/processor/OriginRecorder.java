package dev.apojwt.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;

/**
 * Runs a processor with a Filer that records the originating elements of every source file it
 * creates: what Gradle's incremental compilation relies on, and javac does not show.
 */
final class OriginRecorder implements Processor {
  /** Generated type -> qualified names of its originating elements, in order. */
  final Map<String, List<String>> origins = new LinkedHashMap<>();

  private final Processor delegate;

  OriginRecorder(Processor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void init(ProcessingEnvironment env) {
    Filer filer = env.getFiler();
    Filer recording =
        (Filer)
            Proxy.newProxyInstance(
                Filer.class.getClassLoader(),
                new Class<?>[] {Filer.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("createSourceFile")) {
                    List<String> names = new ArrayList<>();
                    for (Element e : (Element[]) args[1]) {
                      names.add(((QualifiedNameable) e).getQualifiedName().toString());
                    }
                    origins.put(args[0].toString(), names);
                  }
                  return invoke(method, filer, args);
                });
    delegate.init(
        (ProcessingEnvironment)
            Proxy.newProxyInstance(
                ProcessingEnvironment.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, args) ->
                    method.getName().equals("getFiler") ? recording : invoke(method, env, args)));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    return delegate.process(annotations, roundEnv);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
