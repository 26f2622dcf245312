package dev.apojwt.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.apojwt.processor.Reporter.Diagnostics;
import java.util.EnumMap;
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

/**
 * The apojwt annotation processor: checks the access rules of handler interfaces at compile time
 * and generates {@code Guarded<Interface>} for each (with its nested {@code GuardFactory}, listed
 * in {@code META-INF/services/dev.apojwt.GuardFactory} at the end), plus {@code <Catalog>Hierarchy}
 * for each {@code @PermissionCatalog}.
 *
 * <p>Each round it checks where the annotations stand, reads the catalogs (this round's, and those
 * named with {@code -Aapojwt.catalog} once), then validates, models and writes every handler
 * interface on its own: one broken interface never keeps another from being generated, and nothing
 * here ever throws into javac. An interface whose signatures still use a type that cannot be
 * resolved is deferred to the next round (another processor may generate that type).
 */
@AutoService(Processor.class)
public final class ApoJwtProcessor extends AbstractProcessor {
  /** Catalogs in libraries: {@code -Aapojwt.catalog=com.example.Perms,com.example.Billing}. */
  public static final String CATALOG_OPTION = "apojwt.catalog";

  /**
   * {@code -Aapojwt.requireCatalog=true}: a {@code @PermissionRequired} without any catalog is an
   * error.
   */
  public static final String REQUIRE_CATALOG_OPTION = "apojwt.requireCatalog";

  private static final String RUNTIME_TYPE = "dev.apojwt.ApoJwt";
  private static final String FACTORY_TYPE = "dev.apojwt.GuardFactory";

  /** Called before each handler interface is processed; tests use it to simulate a bug. */
  private final Consumer<TypeElement> beforeHandler;

  /** Whether files are rendered on a worker thread beside javac's. */
  private final boolean parallelRendering;

  private Elements elements;
  private Reporter reporter;
  private Catalogs catalogs;
  private CatalogReader catalogReader;
  private PlacementChecker placement;
  private HandlerValidator validator;
  private GuardWriter guardWriter;
  private HierarchyWriter hierarchyWriter;
  private SourceFiles sourceFiles;
  private ModuleProvides moduleProvides;
  private final ServicesFile servicesFile = new ServicesFile();

  /** Handler interfaces waiting for a later round, by qualified name. */
  private final Map<String, HandlerValidator.Unresolved> deferred = new LinkedHashMap<>();

  /** Handler interfaces already generated or rejected. */
  private final Set<String> done = new LinkedHashSet<>();

  /** Compile error 8, reported at the end. */
  private final InjectionsWithoutRule injectionsWithoutRule = new InjectionsWithoutRule();

  private boolean optionCatalogsRead;
  private Boolean runtimeAvailable;
  private Boolean factoriesAvailable;
  private boolean runtimeMissingReported;

  public ApoJwtProcessor() {
    this(handler -> {}, SourceFiles.parallelByDefault());
  }

  ApoJwtProcessor(Consumer<TypeElement> beforeHandler) {
    this(beforeHandler, SourceFiles.parallelByDefault());
  }

  ApoJwtProcessor(Consumer<TypeElement> beforeHandler, boolean parallelRendering) {
    this.beforeHandler = beforeHandler;
    this.parallelRendering = parallelRendering;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    reporter = new Reporter(processingEnv.getMessager());
    catalogs = new Catalogs();
    catalogReader = new CatalogReader(reporter);
    placement = new PlacementChecker(reporter);
    DefaultBodyChecker.Bodies bodies;
    try {
      bodies = TreeBodies.create(processingEnv);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      bodies = null; // e.g. ECJ, or an IDE's wrapped environment: the checker notes it
    }
    validator =
        new HandlerValidator(
            elements,
            processingEnv.getTypeUtils(),
            reporter,
            catalogs,
            placement,
            new PermissionRequiredValidator(catalogs, requireCatalog()),
            new DefaultBodyChecker(bodies));
    AnnotationSpec generated = RuntimeNames.generated(elements);
    guardWriter = new GuardWriter(generated);
    hierarchyWriter = new HierarchyWriter(generated);
    sourceFiles = new SourceFiles(processingEnv.getFiler(), reporter, parallelRendering);
    moduleProvides = new ModuleProvides(elements, reporter);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ApoAnnotation.qualifiedNames();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(CATALOG_OPTION, REQUIRE_CATALOG_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    try {
      if (roundEnv.processingOver()) {
        sourceFiles.close();
        writeServicesFile();
        injectionsWithoutRule.report(elements, reporter.compilation());
        reportDeferred(roundEnv);
      } else if (!annotations.isEmpty() || !deferred.isEmpty()) {
        // A round with none of our annotations and nothing deferred (typically the round over
        // the guards just generated) has nothing for us: skip scanning its elements.
        try {
          round(roundEnv, annotations);
        } finally {
          sourceFiles.writeAll(); // javac reads this round's files when it ends
        }
      }
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      // Each step below reports its own crashes; this is the last line.
      reporter.compilation().reportCrash(null, "compilation", e);
    }
    // apojwt owns these annotations: claiming them keeps -Xlint:processing quiet.
    return true;
  }

  /**
   * Whether {@code -Aapojwt.requireCatalog} asks for a catalog; a value not true/false is an error.
   */
  private boolean requireCatalog() {
    Map<String, String> options = processingEnv.getOptions();
    if (!options.containsKey(REQUIRE_CATALOG_OPTION)) {
      return false;
    }
    String value = options.get(REQUIRE_CATALOG_OPTION);
    if (value == null || value.strip().equalsIgnoreCase("true")) {
      return true; // -Aapojwt.requireCatalog alone asks for it too
    }
    if (!value.strip().equalsIgnoreCase("false")) {
      reporter.compilation().report(Message.REQUIRE_CATALOG_OPTION_INVALID, value);
    }
    return false;
  }

  private void round(RoundEnvironment roundEnv, Set<? extends TypeElement> present) {
    reporter.addRootElements(roundEnv.getRootElements());
    Set<? extends Element> all =
        present.isEmpty()
            ? Set.of()
            : roundEnv.getElementsAnnotatedWithAny(present.toArray(new TypeElement[0]));
    for (Element element : all) {
      runReportingCrashes(element, "element", () -> placement.check(element));
    }
    Map<ApoAnnotation, Set<Element>> annotated = byAnnotation(all);
    readCatalogs(annotated.get(ApoAnnotation.PERMISSION_CATALOG));
    Map<String, TypeElement> handlers = handlers(annotated);
    injectionsWithoutRule.collect(
        annotated, name -> handlers.containsKey(name) || done.contains(name));
    for (Map.Entry<String, TypeElement> entry : handlers.entrySet()) {
      if (!done.contains(entry.getKey())) {
        runReportingCrashes(
            entry.getValue(), "interface", () -> handle(entry.getKey(), entry.getValue()));
      }
    }
  }

  /** The round's elements (one scan for all our annotations), sorted by annotation. */
  private static Map<ApoAnnotation, Set<Element>> byAnnotation(Set<? extends Element> all) {
    Map<ApoAnnotation, Set<Element>> annotated = new EnumMap<>(ApoAnnotation.class);
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
    return annotated;
  }

  /** This round's catalogs, and (in the first round) those named with {@code -Aapojwt.catalog}. */
  private void readCatalogs(Set<Element> annotated) {
    for (Element element : annotated) {
      if (element instanceof TypeElement) {
        TypeElement catalog = (TypeElement) element;
        runReportingCrashes(
            catalog, "catalog", () -> addCatalog(catalog, PermissionCatalogModel.Source.GENERATED));
      }
    }
    if (!optionCatalogsRead) {
      optionCatalogsRead = true;
      readOptionCatalogs();
    }
  }

  /**
   * The handler interfaces to process this round, by qualified name: those deferred, then each
   * interface with an access rule (on itself or a method it declares).
   */
  private Map<String, TypeElement> handlers(Map<ApoAnnotation, Set<Element>> annotated) {
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
    return handlers;
  }

  /** Validate, model, write: one handler interface. */
  private void handle(String key, TypeElement handler) {
    beforeHandler.accept(handler);
    if (injectionsWithoutRule.anyPending()) {
      injectionsWithoutRule.guardedBy(validator.interfacesOf(handler));
    }
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
    boolean factory = factoriesAvailable();
    sourceFiles.add(
        handler,
        "interface",
        () -> guardWriter.write(model, factory),
        () -> {
          if (factory) {
            ClassName factoryName = model.factoryName();
            servicesFile.add(HandlerModel.binaryName(factoryName), handler, elements);
            moduleProvides.add(handler, factoryName.canonicalName());
          }
        });
  }

  /**
   * Whether the runtime on the class path has {@code GuardFactory} (one older than the processor
   * does not: its guards are generated without a factory, and listed nowhere).
   */
  private boolean factoriesAvailable() {
    if (factoriesAvailable == null) {
      factoriesAvailable = elements.getTypeElement(FACTORY_TYPE) != null;
    }
    return factoriesAvailable;
  }

  /**
   * The services file of every factory, once, at the end, and whether named modules provide them;
   * each with its own crash guard.
   */
  private void writeServicesFile() {
    runReportingCrashes(
        null,
        "services file",
        () -> servicesFile.write(processingEnv.getFiler(), elements, reporter, done::contains));
    runReportingCrashes(null, "module", moduleProvides::checkAll);
  }

  // ------------------------------------------------------------------ catalogs

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
      sourceFiles.add(catalog, "catalog", () -> hierarchyWriter.write(model));
    }
  }

  private void readOptionCatalogs() {
    String option = processingEnv.getOptions().get(CATALOG_OPTION);
    if (option == null) {
      return;
    }
    Diagnostics diagnostics = reporter.compilation();
    for (String part : option.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty() || catalogs.contains(name)) {
        continue;
      }
      TypeElement catalog = elements.getTypeElement(name);
      if (catalog == null) {
        diagnostics.report(Message.CATALOG_OPTION_NOT_FOUND, name);
        continue;
      }
      if (ApoAnnotation.find(catalog, ApoAnnotation.PERMISSION_CATALOG) == null) {
        diagnostics.report(Message.CATALOG_OPTION_NOT_CATALOG, name);
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
      runReportingCrashes(catalog, "catalog", () -> addCatalog(catalog, source));
    }
  }

  // ------------------------------------------------------------------ output

  /** Whether apojwt-runtime is on the class path; reports its absence once, on {@code at}. */
  private boolean runtimeAvailable(Element at) {
    if (runtimeAvailable == null) {
      runtimeAvailable = elements.getTypeElement(RUNTIME_TYPE) != null;
    }
    if (!runtimeAvailable && !runtimeMissingReported) {
      runtimeMissingReported = true;
      reporter.scope(at).report(at, Message.RUNTIME_MISSING);
    }
    return runtimeAvailable;
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
          runReportingCrashes(handler, "interface", () -> validator.validate(handler));
        }
        if (handler == null) {
          reporter
              .compilation()
              .report(
                  Message.UNRESOLVED,
                  "Guarded" + entry.getKey(),
                  unresolved.where(),
                  unresolved.what());
        } else {
          reporter
              .scope(handler)
              .report(
                  handler,
                  Message.UNRESOLVED,
                  HandlerModel.guardNameOf(handler).simpleName(),
                  unresolved.where(),
                  unresolved.what());
        }
      }
    }
    deferred.clear();
  }

  /**
   * Runs one step of processing {@code element} (a {@code what}: "interface", "catalog"; a null
   * element for a step of the whole compilation) with a crash guard: an unexpected exception
   * becomes an error on that element asking for a report, and processing goes on with the next.
   */
  private void runReportingCrashes(Element element, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      reporter.scope(element).reportCrash(element, what, e);
    }
  }
}
