package io.sluice.analysis;

import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders candidate column names by their similarity to a name that could not be resolved, as
 * Spark's {@code orderSuggestedIdentifiersBySimilarity}: qualifiers shared by every candidate are
 * dropped, each candidate is written with {@code quoteIfNeeded} parts, and candidates are sorted
 * (stably) by Levenshtein distance to the missing name's SQL.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * @param missingSql the unresolved name as SQL, e.g. {@code t.x} or {@code `a b`}
   * @param candidates each input column as its qualifier parts followed by its name
   */
  static List<String> orderBySimilarity(String missingSql, List<List<String>> candidates) {
    int baseParts = parts(missingSql);
    List<List<String>> stripped;
    if (baseParts == 1 && distinctPrefixes(candidates, 1) == 1) {
      stripped = new ArrayList<>();
      for (List<String> c : candidates) stripped.add(takeRight(c, 1));
    } else if (baseParts <= 2 && distinctPrefixes(candidates, 2) == 1) {
      stripped = new ArrayList<>();
      for (List<String> c : candidates) stripped.add(takeRight(c, 2));
    } else {
      stripped = candidates;
    }
    List<String> quoted = new ArrayList<>();
    for (List<String> c : stripped) {
      StringBuilder sb = new StringBuilder();
      for (String p : c) {
        if (sb.length() > 0) sb.append('.');
        sb.append(DataTypes.quoteIfNeeded(p));
      }
      quoted.add(sb.toString());
    }
    List<String> sorted = new ArrayList<>(quoted);
    sorted.sort(Comparator.comparingInt(s -> levenshtein(s, missingSql)));
    return sorted;
  }

  private static int parts(String sql) {
    try {
      return io.sluice.plan.expr.UnresolvedAttribute.parseAttributeName(sql).size();
    } catch (IllegalArgumentException e) {
      return 1;
    }
  }

  /** Number of distinct prefixes left after dropping the last {@code n} parts. */
  private static int distinctPrefixes(List<List<String>> candidates, int n) {
    Set<List<String>> prefixes = new HashSet<>();
    for (List<String> c : candidates) prefixes.add(c.subList(0, Math.max(0, c.size() - n)));
    return prefixes.size();
  }

  private static List<String> takeRight(List<String> c, int n) {
    return c.subList(Math.max(0, c.size() - n), c.size());
  }

  /** Edit distance with unit costs for insertion, deletion and substitution. */
  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
