package dev.apojwt.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.notes.NeedsTheImplementation;
import com.example.notes.NotesAndTags;
import com.example.notes.NotesRestController;
import com.example.notes.NotesService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/**
 * What stops start-up, in Spring Boot's failure report ("APPLICATION FAILED TO START"): which
 * property to set or what to inject, and never a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {
  private static final String REPORT = "APPLICATION FAILED TO START";

  private static String failedStart(CapturedOutput output, Class<?> app, String... properties) {
    assertThrows(RuntimeException.class, () -> Apps.plain(new Class<?>[] {app}, properties));
    String out = output.getAll();
    assertTrue(out.contains(REPORT), out);
    return out.substring(out.lastIndexOf(REPORT));
  }

  private static void assertReport(String report, String description, String action) {
    int d = report.indexOf("Description:");
    int a = report.indexOf("Action:");
    assertTrue(d > 0 && a > d, report);
    assertTrue(report.substring(d, a).contains(description), report);
    assertTrue(report.substring(a).contains(action), report);
  }

  @Test
  void aMissingSecretNamesThePropertyToSet(CapturedOutput output) throws IOException {
    String report = failedStart(output, Empty.class);
    assertReport(
        report,
        "apojwt.secret: it is not set, and HS256 needs a secret of at least 32 bytes",
        "Set apojwt.secret (environment variable APOJWT_SECRET) to at least 32 bytes");
    // README shows this report as it is.
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    int at = readme.indexOf("```text\n***************************\n" + REPORT);
    assertTrue(at >= 0, "README shows the report");
    String shown = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```\n", at + 7));
    String printed = report.substring(0, report.indexOf("\n\n", report.indexOf("Action:") + 9));
    assertEquals(shown.strip(), ("***************************\n" + printed).strip());
  }

  private static Path readme() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    return dir.resolve("README.md");
  }

  @Test
  void aShortSecretNamesThePropertyAndIsNeverPrinted(CapturedOutput output) {
    String secret = "short-but-secret-value-9f3k";
    String report = failedStart(output, Empty.class, "apojwt.secret=" + secret);
    assertReport(
        report,
        "apojwt.secret: it is too short: HS256 needs a secret of at least 32 bytes",
        "Set apojwt.secret to at least 32 bytes");
    assertFalse(output.getAll().contains(secret), output::getAll);
  }

  @Test
  void aRefreshSecretEqualToTheSecretNamesTheRefreshProperty(CapturedOutput output) {
    String report =
        failedStart(
            output,
            Empty.class,
            "apojwt.secret=" + Apps.SECRET,
            "apojwt.refresh.secret=" + Apps.SECRET);
    assertReport(
        report,
        "apojwt.refresh.secret: the refresh secret equals apojwt.secret",
        "Set apojwt.refresh.secret to a different random value");
    assertFalse(output.getAll().contains(Apps.SECRET), output::getAll);
  }

  @Test
  void injectingTheImplementationClassSaysToInjectTheInterface(CapturedOutput output) {
    assertReport(
        failedStart(
            output,
            InjectsTheImplementation.class,
            "apojwt.secret=" + Apps.SECRET,
            "apojwt.refresh.secret=" + Apps.REFRESH_SECRET),
        "the implementation of the handler interface com.example.notes.NotesApi",
        "Inject com.example.notes.NotesApi instead of com.example.notes.NotesService.");
  }

  @Test
  void anImplementationThatIsNoBeanGetsSpringBootsOwnAnalysis(CapturedOutput output) {
    String report =
        failedStart(output, InjectsAMissingImplementation.class, "apojwt.secret=" + Apps.SECRET);
    assertReport(
        report,
        "required a bean of type 'com.example.notes.NotesService' that could not be found",
        "Consider defining a bean of type 'com.example.notes.NotesService'");
    assertFalse(report.contains("apojwt replaced"), report);
  }

  @Test
  void aRefreshMethodWithoutRefreshTokensSaysToSetTheRefreshSecret(CapturedOutput output) {
    assertReport(
        failedStart(output, Service.class, "apojwt.secret=" + Apps.SECRET),
        "com.example.notes.NotesApi.refresh(java.util.Map) is @Refresh but refresh is not"
            + " configured",
        "Set apojwt.refresh.secret for @Refresh methods");
  }

  @Test
  void aBeanOfTwoHandlerInterfacesSaysToSplitIt(CapturedOutput output) {
    assertReport(
        failedStart(output, TwoHandlers.class, "apojwt.secret=" + Apps.SECRET),
        "implements 2 handler interfaces (com.example.notes.NotesApi, com.example.notes.TagsApi)",
        "Split NotesAndTags into one class per handler interface");
  }

  @Test
  void aControllerImplementingAHandlerInterfaceSaysToMoveTheImplementation(CapturedOutput output) {
    assertReport(
        failedStart(output, ControllerHandler.class, "apojwt.secret=" + Apps.SECRET),
        "is a controller implementing the handler interface com.example.notes.TagsApi",
        "Move the implementation into a @Service implementing TagsApi");
  }

  @Test
  void anObjectRegisteredUnguardedStopsStartUp(CapturedOutput output) {
    assertThrows(
        RuntimeException.class,
        () ->
            Apps.web(
                new Class<?>[] {Empty.class},
                context -> context.getBeanFactory().registerSingleton("raw", new NotesService()),
                "apojwt.secret=" + Apps.SECRET,
                "apojwt.refresh.secret=" + Apps.REFRESH_SECRET,
                "server.port=0"));
    String out = output.getAll();
    assertReport(
        out.substring(out.lastIndexOf(REPORT)),
        "implements the handler interface com.example.notes.NotesApi but is not its guard",
        "Declare it as a bean");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Empty {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({NotesService.class, NeedsTheImplementation.class})
  static class InjectsTheImplementation {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(NotesService.class)
  static class Service {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(NeedsTheImplementation.class)
  static class InjectsAMissingImplementation {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(NotesAndTags.class)
  static class TwoHandlers {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(NotesRestController.class)
  static class ControllerHandler {}
}
