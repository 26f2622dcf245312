package dev.apojwt.test;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.apojwt.AccessTable;
import dev.apojwt.ApoJwt;
import dev.apojwt.processor.ApoJwtProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.JavaFileObject;

/**
 * Handler interfaces compiled with the apojwt processor, as a user's build compiles them, and
 * loaded by a class loader of their own: two compilations of the same handler are two sets of
 * classes, side by side.
 */
final class Compiled {
  private final ClassLoader loader;

  private Compiled(Map<String, byte[]> classes) {
    this.loader = new MemoryClassLoader(classes);
  }

  /** Compiles sources given as alternating qualified names and texts. */
  static Compiled of(String... namesAndSources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (int i = 0; i < namesAndSources.length; i += 2) {
      files.add(JavaFileObjects.forSourceString(namesAndSources[i], namesAndSources[i + 1]));
    }
    Compilation compilation = Compiler.javac().withProcessors(new ApoJwtProcessor()).compile(files);
    assertWithMessage("compilation errors: %s", compilation.errors())
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    return new Compiled(classes(compilation));
  }

  Class<?> type(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(binaryName + " was not compiled", e);
    }
  }

  /** The access table of a generated guard. */
  AccessTable table(String guard) {
    try {
      return (AccessTable) type(guard).getMethod("accessTable").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** What makes the guard {@code guard} of a delegate, with {@code jwt}. */
  Function<Object, Object> guard(String guard, ApoJwt jwt) {
    Class<?> type = type(guard);
    Constructor<?> constructor = type.getConstructors()[0];
    return delegate -> {
      try {
        return constructor.newInstance(delegate, jwt);
      } catch (InvocationTargetException e) {
        throw (RuntimeException) e.getCause();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    };
  }

  /** Runs the matrix on a compiled handler, whose type the test knows only at run time. */
  @SuppressWarnings("unchecked")
  static <H> void check(
      Class<?> handler, AccessTable table, Function<Object, Object> guard, ApoJwt jwt) {
    AccessMatrix.check((Class<H>) handler, table, d -> (H) guard.apply(d), jwt);
  }

  private static Map<String, byte[]> classes(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
      String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  /** Defines the compiled classes; the runtime, the kit and JUnit come from the test's own. */
  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes) {
      super(Compiled.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
