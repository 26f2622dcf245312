package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services file cannot be read or written: one error each, with the fix, and javac does not
 * crash. A file that cannot be read is never overwritten (the lines of the handlers not recompiled
 * would be lost).
 */
class ServicesFileDiagnosticsTest {
  @TempDir Path out;

  @Test
  void anExistingFileThatCannotBeReadIsAnErrorAndLeftAlone() throws IOException {
    Path file = Files.createDirectories(out.resolve(ServicesFile.PATH)); // unreadable as a file
    DirectoryCompiler.Result result = DirectoryCompiler.compile(out, ServicesFileIncrementalTest.A);
    assertThat(result.success()).isFalse();
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("could not read the existing META-INF/services/dev.apojwt.GuardFactory (");
    assertThat(errors.get(0))
        .endsWith(
            "), so it was left as it was and may miss this compilation's guard factories: make the"
                + " file readable, or delete it and rebuild");
    assertThat(Files.isDirectory(file)).isTrue();
    // The guard itself was generated (the error then keeps javac from writing class files).
    assertThat(
            Files.exists(
                out.resolveSibling(out.getFileName() + "-sources/com/example/GuardedA.java")))
        .isTrue();
  }

  @Test
  void aFileThatCannotBeWrittenIsAnError() {
    List<String> attempts = new ArrayList<>();
    DirectoryCompiler.Result result =
        DirectoryCompiler.compile(
            out,
            DirectoryCompiler.testClassPath(),
            manager -> new UnwritableServicesFile(manager, attempts),
            ServicesFileIncrementalTest.A);
    assertThat(result.success()).isFalse();
    assertThat(result.messages(Diagnostic.Kind.ERROR))
        .containsExactly(
            "could not write META-INF/services/dev.apojwt.GuardFactory (disk full), so frameworks"
                + " cannot find the guard factories: make the class output directory writable, or"
                + " rebuild");
    assertThat(attempts).containsExactly("write");
  }

  @Test
  void aBugWhileWritingTheServicesFileIsACrashReportNotAJavacCrash() {
    DirectoryCompiler.Result result =
        DirectoryCompiler.compile(
            out,
            DirectoryCompiler.testClassPath(),
            manager ->
                new ForwardingJavaFileManager<JavaFileManager>(manager) {
                  @Override
                  public FileObject getFileForOutput(
                      Location location,
                      String packageName,
                      String relativeName,
                      FileObject sibling)
                      throws IOException {
                    if (relativeName.equals(ServicesFile.PATH)) {
                      throw new IllegalStateException("simulated bug");
                    }
                    return super.getFileForOutput(location, packageName, relativeName, sibling);
                  }
                },
            ServicesFileIncrementalTest.A);
    assertThat(result.success()).isFalse();
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertThat(errors).hasSize(1);
    // javac wraps what its file manager throws (ClientCodeException); the cause is reported too.
    assertThat(errors.get(0)).startsWith("apojwt could not process this services file (");
    assertThat(errors.get(0)).contains("please report it, with this stack trace:");
    assertThat(errors.get(0)).contains("Caused by: java.lang.IllegalStateException: simulated bug");
  }

  /** A file manager whose services file does not exist and cannot be written. */
  private static final class UnwritableServicesFile
      extends ForwardingJavaFileManager<JavaFileManager> {
    private final List<String> attempts;

    UnwritableServicesFile(JavaFileManager manager, List<String> attempts) {
      super(manager);
      this.attempts = attempts;
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling)
        throws IOException {
      FileObject file = super.getFileForOutput(location, packageName, relativeName, sibling);
      if (!relativeName.equals(ServicesFile.PATH)) {
        return file;
      }
      return new ForwardingFileObject<>(file) {
        @Override
        public InputStream openInputStream() throws IOException {
          throw new NoSuchFileException(relativeName);
        }

        @Override
        public OutputStream openOutputStream() throws IOException {
          attempts.add("write");
          throw new IOException("disk full");
        }

        @Override
        public Writer openWriter() throws IOException {
          attempts.add("write");
          throw new IOException("disk full");
        }
      };
    }
  }
}
