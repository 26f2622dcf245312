package dev.apojwt.test;

import dev.apojwt.templatetests.ReadmeSnippets;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * README's "Testing your service" shows the example of {@code com.example.orders} as it is: the
 * handler, its test (which this module's tests run) and the snapshot that test keeps.
 */
class ReadmeExampleTest {
  @Test
  void readmeShowsTheExampleAndItsSnapshot() throws IOException {
    ReadmeSnippets.assertShown("apojwt-test/src/test/java/com/example/orders/Orders.java");
    ReadmeSnippets.assertShown(
        "apojwt-test/src/test/java/com/example/orders/OrdersAccessTest.java");
    ReadmeSnippets.assertShown("apojwt-test/src/test/resources/access-snapshot.txt");
  }
}
