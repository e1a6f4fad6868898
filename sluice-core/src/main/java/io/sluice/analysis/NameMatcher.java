package io.sluice.analysis;

import java.util.List;
import java.util.Locale;

/** Compares identifiers exactly or ignoring case: Spark's {@code Resolver}. */
public final class NameMatcher {
  public static final NameMatcher CASE_SENSITIVE = new NameMatcher(true);
  public static final NameMatcher CASE_INSENSITIVE = new NameMatcher(false);

  private final boolean caseSensitive;

  private NameMatcher(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  public static NameMatcher of(boolean caseSensitive) {
    return caseSensitive ? CASE_SENSITIVE : CASE_INSENSITIVE;
  }

  public boolean matches(String a, String b) {
    return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
  }

  /** True when both lists have the same length and match part by part. */
  public boolean matches(List<String> a, List<String> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (!matches(a.get(i), b.get(i))) return false;
    }
    return true;
  }

  /** A key under which names that match share one entry. */
  public String key(String name) {
    return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
  }
}
