package dev.apojwt.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * The apojwt annotation processor: checks the access rules of handler interfaces at compile time
 * and generates {@code Guarded<Interface>} for each, plus {@code <Catalog>Hierarchy} for each
 * {@code @PermissionCatalog}.
 *
 * <p>Each round it reads the catalogs first (this round's, and those named with {@code
 * -Aapojwt.catalog} once), then validates and writes every handler interface on its own: one broken
 * interface never keeps another from being generated, and nothing here ever throws into javac. An
 * interface whose signatures still use a type that cannot be resolved is deferred to the next round
 * (another processor may generate that type).
 */
@AutoService(Processor.class)
public final class ApoJwtProcessor extends AbstractProcessor {
  /** Catalogs in libraries: {@code -Aapojwt.catalog=com.example.Perms,com.example.Billing}. */
  public static final String CATALOG_OPTION = "apojwt.catalog";

  private static final String RUNTIME_TYPE = "dev.apojwt.ApoJwt";

  /** Called before each handler interface is processed; tests use it to simulate a bug. */
  private final Consumer<TypeElement> beforeHandler;

  private Elements elements;
  private Reporter reporter;
  private Catalogs catalogs;
  private CatalogReader catalogReader;
  private PlacementChecker placement;
  private HandlerValidator validator;
  private GuardWriter guardWriter;
  private HierarchyWriter hierarchyWriter;

  /** Handler interfaces waiting for a later round, by qualified name. */
  private final Map<String, HandlerValidator.Unresolved> deferred = new LinkedHashMap<>();

  /** Handler interfaces already generated or rejected. */
  private final Set<String> done = new LinkedHashSet<>();

  private boolean optionCatalogsRead;
  private Boolean runtimeAvailable;
  private boolean runtimeMissingReported;

  public ApoJwtProcessor() {
    this(handler -> {});
  }

  ApoJwtProcessor(Consumer<TypeElement> beforeHandler) {
    this.beforeHandler = beforeHandler;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    reporter = new Reporter(processingEnv.getMessager());
    catalogs = new Catalogs();
    catalogReader = new CatalogReader(reporter);
    placement = new PlacementChecker(reporter);
    DefaultMethods.Bodies bodies;
    try {
      bodies = TreeBodies.create(processingEnv);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      bodies = null; // e.g. ECJ, or an IDE's wrapped environment: DefaultMethods notes it
    }
    DefaultMethods defaultMethods =
        new DefaultMethods(elements, processingEnv.getTypeUtils(), reporter, bodies);
    validator =
        new HandlerValidator(
            elements, processingEnv.getTypeUtils(), reporter, catalogs, placement, defaultMethods);
    guardWriter = new GuardWriter(elements);
    hierarchyWriter = new HierarchyWriter(elements);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ApoAnnotation.qualifiedNames();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(CATALOG_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    try {
      if (roundEnv.processingOver()) {
        reportDeferred(roundEnv);
      } else if (!annotations.isEmpty() || !deferred.isEmpty()) {
        // A round with none of our annotations and nothing deferred (typically the round over
        // the guards just generated) has nothing for us: skip scanning its elements.
        round(roundEnv, annotations);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      // The per-element guards below catch almost everything; this is the last line.
      reporter.error(Message.CRASH.format("compilation", e));
    }
    // apojwt owns these annotations: claiming them keeps -Xlint:processing quiet.
    return true;
  }

  private void round(RoundEnvironment roundEnv, Set<? extends TypeElement> present) {
    reporter.addRootElements(roundEnv.getRootElements());
    // One scan of the round's elements for all our annotations, then sorted by annotation.
    Set<? extends Element> all =
        present.isEmpty()
            ? Set.of()
            : roundEnv.getElementsAnnotatedWithAny(present.toArray(new TypeElement[0]));
    Map<ApoAnnotation, Set<Element>> annotated = new LinkedHashMap<>();
    for (ApoAnnotation annotation : ApoAnnotation.values()) {
      annotated.put(annotation, new LinkedHashSet<>());
    }
    for (Element element : all) {
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        ApoAnnotation annotation = ApoAnnotation.of(mirror);
        if (annotation != null) {
          annotated.get(annotation).add(element);
        }
      }
    }

    for (Element element : all) {
      guarded(element, "element", () -> placement.check(element));
    }

    for (Element element : annotated.get(ApoAnnotation.PERMISSION_CATALOG)) {
      if (element instanceof TypeElement) {
        TypeElement catalog = (TypeElement) element;
        guarded(
            catalog, "catalog", () -> addCatalog(catalog, PermissionCatalogModel.Source.GENERATED));
      }
    }
    if (!optionCatalogsRead) {
      optionCatalogsRead = true;
      readOptionCatalogs();
    }

    Map<String, TypeElement> handlers = new LinkedHashMap<>();
    for (String name : deferred.keySet()) {
      TypeElement handler = elements.getTypeElement(name);
      if (handler != null) {
        handlers.put(name, handler);
      }
    }
    deferred.clear();
    for (ApoAnnotation rule : ApoAnnotation.values()) {
      if (rule.category != ApoAnnotation.Category.RULE) {
        continue;
      }
      for (Element element : annotated.get(rule)) {
        Element type =
            element instanceof ExecutableElement ? element.getEnclosingElement() : element;
        if (ElementSupport.isInterface(type)) {
          TypeElement handler = (TypeElement) type;
          String key = handler.getQualifiedName().toString();
          // A local interface has no name; it is only ever reported, never deferred.
          handlers.putIfAbsent(key.isEmpty() ? "local:" + handlers.size() : key, handler);
        }
      }
    }
    for (Map.Entry<String, TypeElement> entry : handlers.entrySet()) {
      if (!done.contains(entry.getKey())) {
        guarded(entry.getValue(), "interface", () -> handle(entry.getKey(), entry.getValue()));
      }
    }
  }

  private void handle(String key, TypeElement handler) {
    beforeHandler.accept(handler);
    HandlerValidator.Result result = validator.validate(handler);
    if (result instanceof HandlerValidator.Unresolved) {
      deferred.put(key, (HandlerValidator.Unresolved) result);
      return;
    }
    done.add(key);
    if (!(result instanceof HandlerValidator.Valid)) {
      return;
    }
    HandlerModel model = ((HandlerValidator.Valid) result).model();
    if (!runtimeAvailable(handler)) {
      return;
    }
    for (PermissionCatalogModel catalog : model.catalogs()) {
      if (!catalog.valid) {
        return; // the catalog's errors are reported; its hierarchy class does not exist
      }
    }
    write(guardWriter.write(model), handler);
  }

  private void addCatalog(TypeElement catalog, PermissionCatalogModel.Source source) {
    if (catalogs.contains(catalog.getQualifiedName().toString())) {
      return;
    }
    PermissionCatalogModel model = catalogReader.read(catalog, source);
    if (model == null) {
      return;
    }
    catalogs.add(model);
    if (model.valid
        && source == PermissionCatalogModel.Source.GENERATED
        && runtimeAvailable(catalog)) {
      write(hierarchyWriter.write(model), catalog);
    }
  }

  private void readOptionCatalogs() {
    String option = processingEnv.getOptions().get(CATALOG_OPTION);
    if (option == null) {
      return;
    }
    for (String part : option.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty() || catalogs.contains(name)) {
        continue;
      }
      TypeElement catalog = elements.getTypeElement(name);
      if (catalog == null) {
        reporter.error(Message.CATALOG_OPTION_NOT_FOUND.format(name));
        continue;
      }
      if (ApoAnnotation.find(catalog, ApoAnnotation.PERMISSION_CATALOG) == null) {
        reporter.error(Message.CATALOG_OPTION_NOT_CATALOG.format(name));
        continue;
      }
      PermissionCatalogModel.Source source;
      if (reporter.inCompilation(catalog)) {
        source = PermissionCatalogModel.Source.GENERATED;
      } else {
        String hierarchy = PermissionCatalogModel.hierarchyClassOf(catalog).canonicalName();
        source =
            elements.getTypeElement(hierarchy) != null
                ? PermissionCatalogModel.Source.LIBRARY_HIERARCHY
                : PermissionCatalogModel.Source.INLINE;
      }
      guarded(catalog, "catalog", () -> addCatalog(catalog, source));
    }
  }

  /** Whether apojwt-runtime is on the class path; reports its absence once, on {@code at}. */
  private boolean runtimeAvailable(Element at) {
    if (runtimeAvailable == null) {
      runtimeAvailable = elements.getTypeElement(RUNTIME_TYPE) != null;
    }
    if (!runtimeAvailable && !runtimeMissingReported) {
      runtimeMissingReported = true;
      reporter.error(at, null, null, Message.RUNTIME_MISSING.format(), at);
    }
    return runtimeAvailable;
  }

  private void write(JavaFile file, Element origin) {
    String name =
        file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
    try {
      // Rendered to a String first, then written at once: JavaPoet appends in small pieces,
      // which costs far more on the Filer's encoding writer than on a StringBuilder.
      String source = file.toString();
      JavaFileObject output =
          processingEnv
              .getFiler()
              .createSourceFile(
                  name, file.typeSpec().originatingElements().toArray(new Element[0]));
      try (Writer writer = output.openWriter()) {
        writer.write(source);
      }
    } catch (IOException e) {
      reporter.error(origin, null, null, Message.WRITE_FAILED.format(name, e.getMessage()), origin);
    }
  }

  /**
   * At the end, an interface still waiting for a type is an error, unless javac has reported errors
   * already (then the missing type is surely among them).
   */
  private void reportDeferred(RoundEnvironment roundEnv) {
    if (!roundEnv.errorRaised()) {
      for (Map.Entry<String, HandlerValidator.Unresolved> entry : deferred.entrySet()) {
        TypeElement handler = elements.getTypeElement(entry.getKey());
        HandlerValidator.Unresolved unresolved = entry.getValue();
        if (handler != null && unresolved.inBody()) {
          // Resolve the body once more, in this last round, so that javac shows why the call does
          // not resolve (what it found in earlier rounds was dropped as possibly temporary).
          guarded(handler, "interface", () -> validator.validate(handler));
        }
        String guard =
            handler == null
                ? "Guarded" + entry.getKey()
                : HandlerModel.guardNameOf(handler).simpleName();
        String text = Message.UNRESOLVED.format(guard, unresolved.where(), unresolved.what());
        if (handler == null) {
          reporter.error(text);
        } else {
          reporter.error(handler, null, null, text, handler);
        }
      }
    }
    deferred.clear();
  }

  /** Runs {@code step}; an unexpected exception becomes an error on {@code element}. */
  private void guarded(Element element, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      reporter.error(element, null, null, Message.CRASH.format(what, e), element);
    }
  }
}
