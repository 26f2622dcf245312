package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.apojwt.ApoJwt;
import dev.apojwt.annotation.TokenRequired;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles sources in memory with the processor, and loads what came out. */
final class TestCompiler {
  /** What the project itself compiles with: every lint warning but the processing ones. */
  static final String LINT = "-Xlint:all,-processing";

  private TestCompiler() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compiler javac() {
    return Compiler.javac().withProcessors(new ApoJwtProcessor()).withOptions(LINT);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().compile(sources);
  }

  /** The directory or jar a class was loaded from, for an explicit class path. */
  static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The annotations and the runtime: what a user's compile class path holds. */
  static List<File> userClassPath() {
    return List.of(locationOf(TokenRequired.class), locationOf(ApoJwt.class));
  }

  /** The class files a compilation produced, by binary name. */
  static Map<String, byte[]> classes(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
      String binaryName =
          relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(binaryName, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  /**
   * Writes a compilation's class files under {@code directory}, as a library jar would hold them.
   */
  static Path writeClasses(Compilation compilation, Path directory) throws IOException {
    for (Map.Entry<String, byte[]> c : classes(compilation).entrySet()) {
      Path file = directory.resolve(c.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, c.getValue());
    }
    return directory;
  }

  /**
   * Compiles {@code sources} with the processor and returns the qualified names of the source files
   * it generated, whether or not the compilation failed (compile-testing shows generated files only
   * for successful compilations).
   */
  static List<String> generatedSourceNames(JavaFileObject... sources) {
    return generatedSourceNames(
        List.of(System.getProperty("java.class.path")), new ApoJwtProcessor(), sources);
  }

  static List<String> generatedSourceNames(
      List<String> classPath, Processor processor, JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> generated = new ArrayList<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
    JavaFileManager inMemory =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            if (kind == JavaFileObject.Kind.SOURCE) {
              generated.add(className);
            }
            return new MemoryFile(className, kind);
          }

          @Override
          public FileObject getFileForOutput(
              Location location, String packageName, String relativeName, FileObject sibling) {
            // The services file: kept in memory too, never written to the working directory.
            return new MemoryFile(packageName + "/" + relativeName, JavaFileObject.Kind.OTHER);
          }
        };
    List<String> options = List.of(LINT, "-classpath", String.join(File.pathSeparator, classPath));
    JavaCompiler.CompilationTask task =
        javac.getTask(new StringWriter(), inMemory, d -> {}, options, null, List.of(sources));
    task.setProcessors(List.of(processor));
    task.call();
    return generated;
  }

  /** An output file kept in memory; javac reads generated sources back from it. */
  private static final class MemoryFile extends SimpleJavaFileObject {
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    MemoryFile(String className, Kind kind) {
      super(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind);
    }

    @Override
    public InputStream openInputStream() throws IOException {
      if (content.size() == 0 && getKind() == Kind.OTHER) {
        throw new FileNotFoundException(toUri().toString());
      }
      return new ByteArrayInputStream(content.toByteArray());
    }

    @Override
    public OutputStream openOutputStream() {
      content.reset();
      return content;
    }

    @Override
    public Writer openWriter() {
      return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content.toString(StandardCharsets.UTF_8);
    }
  }

  /** The contents of a generated source file. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated"));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contents of a resource the compilation generated in its class output. */
  static String generatedResource(Compilation compilation, String path) {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, path)
            .orElseThrow(() -> new AssertionError(path + " was not generated"));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A class loader over in-memory class files: the first map that has a class wins, then the test's
   * own class path (the runtime, the annotations, JUnit).
   */
  static final class MemoryClassLoader extends ClassLoader {
    private final List<Map<String, byte[]>> layers;

    @SafeVarargs
    MemoryClassLoader(Map<String, byte[]>... layers) {
      super(TestCompiler.class.getClassLoader());
      this.layers = new ArrayList<>(List.of(layers));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      for (Map<String, byte[]> layer : layers) {
        byte[] bytes = layer.get(name);
        if (bytes != null) {
          return defineClass(name, bytes, 0, bytes.length);
        }
      }
      throw new ClassNotFoundException(name);
    }

    /** Loads a class that must be in memory (never one from the parent by accident). */
    Class<?> load(String name) {
      try {
        Class<?> type = loadClass(name);
        assertWithMessage("%s comes from the compilation", name)
            .that(type.getClassLoader())
            .isSameInstanceAs(this);
        return type;
      } catch (ClassNotFoundException e) {
        throw new AssertionError(name + " was not compiled", e);
      }
    }
  }
}
