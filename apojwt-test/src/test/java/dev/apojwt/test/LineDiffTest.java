package dev.apojwt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The unified diff of the snapshot's failure message, as {@code diff -u} would print it. */
class LineDiffTest {
  private static final String TEN = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

  @Test
  void aChangedLineIsShownWithThreeLinesOfContext() {
    assertEquals(
        "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        LineDiff.unified("a", TEN, "b", TEN.replace("5\n", "five\n")));
  }

  @Test
  void changesFarApartAreSeparateHunks() {
    String changed = TEN.replace("1\n", "one\n").replace("10\n", "ten\n");
    assertEquals(
        "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n",
        LineDiff.unified("a", TEN, "b", changed));
  }

  @Test
  void changesCloseTogetherShareAHunk() {
    String changed = TEN.replace("2\n", "two\n").replace("7\n", "seven\n");
    assertEquals(
        "--- a\n+++ b\n@@ -1,10 +1,10 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n-7\n+seven\n 8\n 9\n 10\n",
        LineDiff.unified("a", TEN, "b", changed));
  }

  @Test
  void insertionsAndDeletionsCountTheirSide() {
    assertEquals(
        "--- a\n+++ b\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -7,4 +8,3 @@\n 7\n 8\n 9\n-10\n",
        LineDiff.unified("a", TEN, "b", "0\n" + TEN.replace("10\n", "")));
  }
}
