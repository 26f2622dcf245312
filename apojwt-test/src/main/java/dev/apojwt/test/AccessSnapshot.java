package dev.apojwt.test;

import dev.apojwt.AccessTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Holds a service's access rules against a reviewed text file, so that a pull request that changes
 * who may call what shows up as a changed file in review. The file lists every method of the given
 * access tables, sorted: its rule as the annotation that declares it, for each required permission
 * every permission that satisfies it after {@code @Implies}, and where the token comes from:
 *
 * <pre>
 * com.example.Orders
 *   get(java.lang.String)
 *     &#64;PermissionRequired("orders:read")
 *     accepts "orders:read": "orders:admin" "orders:read" "orders:write"
 *     token: finder
 * </pre>
 *
 * <pre>{@code
 * @Test
 * void accessRulesAreTheReviewedOnes() {
 *   AccessSnapshot.assertUnchanged(
 *       Path.of("src/test/resources/access-snapshot.txt"),
 *       GuardedOrders.accessTable(), GuardedAccounts.accessTable());
 * }
 * }</pre>
 *
 * <p>A rule that changed fails the test with a unified diff of the file against the tables; a
 * missing file fails with what to do. Running the tests with {@code -Dapojwt.updateSnapshot=true}
 * writes the file instead (and passes): review the diff, and commit it with the change. The file is
 * UTF-8 with {@code \n} line endings, ordered the same on every JVM; a checkout that turned them
 * into {@code \r\n} still matches, and so does a file whose {@code #} comment lines differ.
 */
public final class AccessSnapshot {
  /** The system property that makes {@link #assertUnchanged} rewrite the file: {@value}. */
  public static final String UPDATE_PROPERTY = SnapshotText.FLAG;

  private AccessSnapshot() {}

  /**
   * Fails unless {@code file} holds exactly the rules of {@code tables} (with {@code
   * -Dapojwt.updateSnapshot=true}: writes them into it).
   *
   * @throws AssertionFailedError with the diff when a rule changed, or with instructions when the
   *     file does not exist
   * @throws IllegalArgumentException when two tables are of the same handler
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static void assertUnchanged(Path file, AccessTable... tables) {
    Objects.requireNonNull(file, "file");
    String actual = text(tables);
    boolean update = Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY));
    if (!Files.exists(file)) {
      if (update) {
        write(file, actual);
        return;
      }
      throw new AssertionFailedError(
          "No access snapshot at "
              + file.toAbsolutePath()
              + ". Write it by running the tests once with -D"
              + UPDATE_PROPERTY
              + "=true, review it, and commit it. It will read:\n\n"
              + actual);
    }
    String reviewed = SnapshotText.normalized(read(file));
    if (SnapshotText.body(reviewed).equals(SnapshotText.body(actual))) {
      return;
    }
    if (update) {
      write(file, actual);
      return;
    }
    throw new AssertionFailedError(
        "The access rules differ from the reviewed snapshot "
            + file
            + " (- reviewed, + now):\n\n"
            + LineDiff.unified(file.toString(), reviewed, "access tables now", actual)
            + "\nIf the change is intended, rewrite the file by running the tests with -D"
            + UPDATE_PROPERTY
            + "=true, and commit it with the change.",
        reviewed,
        actual);
  }

  /** The snapshot text of {@code tables}, as {@link #assertUnchanged} writes it. */
  public static String text(AccessTable... tables) {
    for (AccessTable table : Objects.requireNonNull(tables, "tables")) {
      Objects.requireNonNull(table, "a table");
    }
    return SnapshotText.of(tables);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the access snapshot " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the access snapshot " + file, e);
    }
  }
}
