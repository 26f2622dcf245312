package dev.apojwt.test;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (as {@code diff -u} writes it, with three lines of context):
 * the longest common subsequence of the lines between their common beginning and end.
 */
final class LineDiff {
  private static final int CONTEXT = 3;

  /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new. */
  private record Edit(char kind, String line, int oldLine, int newLine) {}

  private LineDiff() {}

  static String unified(String oldName, String oldText, String newName, String newText) {
    List<Edit> edits = edits(lines(oldText), lines(newText));
    StringBuilder s = new StringBuilder();
    s.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
    List<Integer> changes = new ArrayList<>();
    for (int k = 0; k < edits.size(); k++) {
      if (edits.get(k).kind() != ' ') {
        changes.add(k);
      }
    }
    int c = 0;
    while (c < changes.size()) {
      int first = changes.get(c);
      int last = first;
      // One hunk while the next change is close enough for their contexts to meet.
      while (c + 1 < changes.size() && changes.get(c + 1) - last <= 2 * CONTEXT) {
        last = changes.get(++c);
      }
      c++;
      appendHunk(
          s,
          edits.subList(Math.max(0, first - CONTEXT), Math.min(edits.size(), last + CONTEXT + 1)));
    }
    return s.toString();
  }

  private static void appendHunk(StringBuilder s, List<Edit> hunk) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : hunk) {
      if (e.kind() != '+') {
        oldStart = oldCount++ == 0 ? e.oldLine() : oldStart;
      }
      if (e.kind() != '-') {
        newStart = newCount++ == 0 ? e.newLine() : newStart;
      }
    }
    if (oldCount == 0) {
      oldStart = hunk.get(0).oldLine() - 1;
    }
    if (newCount == 0) {
      newStart = hunk.get(0).newLine() - 1;
    }
    s.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (Edit e : hunk) {
      s.append(e.kind()).append(e.line()).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the final newline ends the last line
    }
    return lines;
  }

  /** The edit script; line numbers are 1-based, those of the line's own text (or of the next). */
  private static List<Edit> edits(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    int n = a.size() - prefix - suffix;
    int m = b.size() - prefix - suffix;
    // lcs[i][j]: the longest common subsequence of a's middle from i and b's middle from j.
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(prefix + i).equals(b.get(prefix + j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      edits.add(new Edit(' ', a.get(k), k + 1, k + 1));
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
        edits.add(new Edit(' ', a.get(prefix + i), prefix + i + 1, prefix + j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', a.get(prefix + i), prefix + i + 1, prefix + j + 1));
        i++;
      } else {
        edits.add(new Edit('+', b.get(prefix + j), prefix + i + 1, prefix + j + 1));
        j++;
      }
    }
    for (int k = suffix; k > 0; k--) {
      edits.add(new Edit(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
    }
    return edits;
  }
}
