package dev.apojwt.test;

import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** The access matrix's result: every case that differed, as one aligned table. */
final class MatrixReport {
  private static final String[] HEADINGS = {"method", "case", "token", "expected", "actual"};

  private final String handler;
  private final List<String[]> differing = new ArrayList<>();
  private int cases;
  private int calledExpected;
  private int calledButMissing;
  private int otherExceptions;

  MatrixReport(String handler) {
    this.handler = handler;
  }

  void ran(String method, MatrixCases.Case c, String actual) {
    cases++;
    if (c.expected().equals(MatrixCases.CALLED) && c.token() != null && c.throughFinder()) {
      calledExpected++;
      if (actual.equals(MatrixCases.MISSING)) {
        calledButMissing++;
      }
    }
    if (actual.startsWith("threw ")) {
      otherExceptions++;
    }
    if (!actual.equals(c.expected())) {
      differing.add(new String[] {method, c.label(), c.tokenDescription(), c.expected(), actual});
    }
  }

  void differs(String method, String what, String token, String expected, String actual) {
    cases++;
    differing.add(new String[] {method, what, token, expected, actual});
  }

  void failIfAnyDiffered() {
    if (differing.isEmpty()) {
      return;
    }
    StringBuilder s = new StringBuilder();
    s.append("AccessMatrix: ")
        .append(differing.size())
        .append(" of ")
        .append(cases)
        .append(" cases of ")
        .append(handler)
        .append(" differ from its access table (expected: what the table says; actual: what the")
        .append(" guard did)\n\n");
    appendTable(s);
    if (calledExpected > 0 && calledButMissing == calledExpected) {
      s.append("\nThe guard found no token in any case: give AccessMatrix an ApoJwt built with")
          .append(" .template(CallerToken.template()), such as @ApoJwtTest's.\n");
    }
    if (otherExceptions > 0) {
      s.append("\nThe guard threw something other than an ApoJwtException: give AccessMatrix an")
          .append(
              " ApoJwt without an exception handler that turns refusals into other exceptions.\n");
    }
    throw new AssertionFailedError(s.toString());
  }

  private void appendTable(StringBuilder s) {
    int[] widths = new int[HEADINGS.length];
    for (int i = 0; i < HEADINGS.length; i++) {
      widths[i] = HEADINGS[i].length();
      for (String[] row : differing) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    appendRow(s, HEADINGS, widths);
    for (String[] row : differing) {
      appendRow(s, row, widths);
    }
  }

  private static void appendRow(StringBuilder s, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder("  ");
    for (int i = 0; i < cells.length; i++) {
      line.append(cells[i]);
      if (i < cells.length - 1) {
        line.append(" ".repeat(widths[i] - cells[i].length() + 2));
      }
    }
    s.append(line).append('\n');
  }
}
