package dev.apojwt.processor;

/**
 * "Did you mean" for misspelled permission names: the closest known name by optimal string
 * alignment distance (Damerau-Levenshtein with adjacent transpositions), if it is close enough to
 * be a plausible typo.
 */
final class Suggestion {
  private Suggestion() {}

  /** The closest of {@code candidates} to {@code name}, or null when none is close. */
  static String closest(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bound = bound(name);
    for (String candidate : candidates) {
      // Only the case differs: the likeliest typo of all.
      int distance =
          candidate.equalsIgnoreCase(name)
              ? 0
              : distance(name, candidate, Math.min(bestDistance, bound + 1));
      if (distance < bestDistance && distance <= bound) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** How many edits still make a typo: one per three characters, between 1 and 3. */
  static int bound(String name) {
    return Math.max(1, Math.min(3, name.length() / 3));
  }

  /**
   * The optimal string alignment distance between {@code a} and {@code b}; any value at least
   * {@code limit} when it is that large or larger (the computation stops early).
   */
  static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) >= limit) {
      return Math.abs(n - m);
    }
    int[] twoBack = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMinimum = current[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = d;
        rowMinimum = Math.min(rowMinimum, d);
      }
      if (rowMinimum >= limit) {
        return rowMinimum;
      }
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return previous[m];
  }
}
