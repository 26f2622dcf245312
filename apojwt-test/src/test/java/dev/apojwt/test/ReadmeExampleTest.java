package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.GuardedOrders;
import dev.apojwt.AccessRule;
import dev.apojwt.AccessTable;
import dev.apojwt.templatetests.ReadmeSnippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * README's "Testing your service" shows the example of {@code com.example.orders} as it is: the
 * handler, its test (which this module's tests run), the snapshot that test keeps, and the diff a
 * loosened rule fails with.
 */
class ReadmeExampleTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/access-snapshot.txt");

  @Test
  void readmeShowsTheExampleAndItsSnapshot() throws IOException {
    ReadmeSnippets.assertShown("apojwt-test/src/test/java/com/example/orders/Orders.java");
    ReadmeSnippets.assertShown(
        "apojwt-test/src/test/java/com/example/orders/OrdersAccessTest.java");
    ReadmeSnippets.assertShown("apojwt-test/" + SNAPSHOT.toString().replace('\\', '/'));
  }

  @Test
  void readmeShowsTheDiffOfGetLoosenedToTokenRequired() throws IOException {
    AccessTable table = GuardedOrders.accessTable();
    AccessRule[] loosened =
        table.rules().stream()
            .map(
                rule ->
                    rule.methodName().equals("get")
                        ? AccessRule.forMethod(table.handler(), rule.signature()).token()
                        : rule)
            .toArray(AccessRule[]::new);
    String failure =
        assertThrows(
                AssertionFailedError.class,
                () ->
                    AccessSnapshot.assertUnchanged(
                        SNAPSHOT, AccessTable.of(table.handler(), loosened)))
            .getMessage();

    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String opening = "```text\n--- " + SNAPSHOT.toString().replace('\\', '/') + "\n";
    int start = readme.indexOf(opening);
    assertTrue(start >= 0, "README shows no diff of the example's snapshot");
    start += "```text\n".length();
    String shown = readme.substring(start, readme.indexOf("```\n", start));
    assertTrue(shown.contains("\n+    @TokenRequired\n"), shown);
    assertTrue(failure.contains(shown), () -> "README shows\n" + shown + "\nbut it is\n" + failure);
  }
}
