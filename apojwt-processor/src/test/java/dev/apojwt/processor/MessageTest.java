package dev.apojwt.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The catalog of diagnostics: stable ids, and a crash report a user can paste into an issue. */
class MessageTest {

  @Test
  void everyMessageHasAUniqueStableIdAndIsAnErrorOrANote() {
    Set<String> ids = new HashSet<>();
    for (Message message : Message.values()) {
      assertWithMessage("%s", message).that(message.id()).matches("[a-z]+(-[a-z]+)*");
      assertWithMessage("%s", message).that(ids.add(message.id())).isTrue();
      assertWithMessage("%s", message)
          .that(message.kind())
          .isAnyOf(Diagnostic.Kind.ERROR, Diagnostic.Kind.NOTE);
    }
  }

  @Test
  void aCrashReportCarriesTheExceptionItsCauseAndWhereItHappened() {
    IllegalStateException crash =
        new IllegalStateException("simulated bug", new ArithmeticException("root cause"));
    String text = Message.CRASH.format("interface", crash, Reporter.stackTrace(crash));
    assertThat(text)
        .startsWith(
            "apojwt could not process this interface (java.lang.IllegalStateException: simulated"
                + " bug); please report it, with this stack trace:\njava.lang.IllegalStateException:"
                + " simulated bug\n\tat dev.apojwt.processor.MessageTest.");
    assertThat(text).contains("\nCaused by: java.lang.ArithmeticException: root cause\n\tat ");
  }

  @Test
  void aDeepStackIsCutShort() {
    StackTraceElement[] frames = new StackTraceElement[1000];
    Arrays.fill(frames, new StackTraceElement("dev.apojwt.X", "f", "X.java", 1));
    StackOverflowError deep = new StackOverflowError();
    deep.setStackTrace(frames);
    String trace = Reporter.stackTrace(deep);
    assertThat(trace.lines().count()).isLessThan(50);
    assertThat(trace).endsWith("\t... 960 more");
  }
}
