package dev.apojwt.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What the consumer build cannot show: the wrapper's Maven would pick a compiler plugin that reads
 * {@code annotationProcessorPaths} even if README's pom named none, but Maven 3.8 picks 3.1, which
 * silently ignores it. So README's pom must name a version of 3.5 or newer, and the Java release.
 */
class ReadmePomTest {
  private static final String COMPILER =
      "/project/build/plugins/plugin[artifactId='maven-compiler-plugin']";

  @Test
  void namesACompilerPluginThatReadsTheProcessorPathAndTheRelease() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    ReadmeBlocks.parse(readme).get("pom.xml").getBytes(StandardCharsets.UTF_8)));
    var xpath = XPathFactory.newInstance().newXPath();

    String version = xpath.evaluate(COMPILER + "/version", pom);
    String[] parts = version.split("\\.");
    assertTrue(
        parts.length >= 2
            && (Integer.parseInt(parts[0]) > 3
                || Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= 5),
        "maven-compiler-plugin version " + version);
    assertEquals("17", xpath.evaluate("/project/properties/maven.compiler.release", pom));
    assertEquals(
        "${apojwt.version}",
        xpath.evaluate(
            COMPILER
                + "/configuration/annotationProcessorPaths/path[artifactId='apojwt-processor']"
                + "/version",
            pom));
  }
}
