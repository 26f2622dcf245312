package dev.apojwt.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadmeBlocksTest {
  @Test
  void readsEachMarkedBlockByNameAndSkipsUnmarkedOnes() {
    String readme =
        """
        # Title

        ```sh
        ./mvnw -B verify
        ```

        <!-- consumer-test: pom.xml -->
        ```xml
        <project>
          <modelVersion>4.0.0</modelVersion>
        </project>
        ```

        Text.
        <!-- consumer-test: startup -->
        ```java
        ApoJwt jwt = ApoJwt.builder()

            .build();
        ```
        """;

    assertEquals(
        Map.of(
            "pom.xml", "<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n",
            "startup", "ApoJwt jwt = ApoJwt.builder()\n\n    .build();\n"),
        ReadmeBlocks.parse(readme));
  }

  @Test
  void aMarkerWithoutABlockRightAfterItIsAnError() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadmeBlocks.parse("a\n<!-- consumer-test: pom.xml -->\n\n```xml\n<p/>\n```\n"));
    assertEquals(
        "README.md line 2: the marker of pom.xml must stand right before a ``` code block",
        e.getMessage());
  }

  @Test
  void aMalformedMarkerIsAnError() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadmeBlocks.parse("<!-- consumer-test pom.xml -->\n```xml\n<p/>\n```\n"));
    assertEquals(
        "README.md line 1: malformed marker <!-- consumer-test pom.xml -->:"
            + " write <!-- consumer-test: NAME -->",
        e.getMessage());
  }

  @Test
  void anUnclosedBlockIsAnError() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReadmeBlocks.parse(
                    "<!-- consumer-test: Orders -->\n```java\ninterface Orders {}\n"));
    assertEquals("README.md line 2: the block Orders is never closed", e.getMessage());
  }

  @Test
  void twoBlocksOfOneNameAreAnError() {
    String block = "<!-- consumer-test: Perms -->\n```java\ninterface Perms {}\n```\n";
    var e = assertThrows(IllegalArgumentException.class, () -> ReadmeBlocks.parse(block + block));
    assertEquals("README.md line 5: a second block is marked Perms", e.getMessage());
  }
}
