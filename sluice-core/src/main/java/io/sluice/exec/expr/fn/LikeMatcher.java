package io.sluice.exec.expr.fn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL LIKE pattern, compiled: {@code _} matches one character, {@code %} any run of characters,
 * the escape character makes the next {@code _}, {@code %} or escape character literal (escaping
 * anything else is an error, as in Spark). Patterns without {@code _} match on the UTF-8 bytes by
 * searching their literal segments in order (equality, prefix, suffix, containment); others become
 * a Java regex.
 */
final class LikeMatcher {
  /** Literal runs between {@code %}s (UTF-8), when the pattern has no {@code _}. */
  private final byte[][] segments;

  private final boolean anchoredStart;
  private final boolean anchoredEnd;
  private final Matcher regex;
  private final TextView view;

  private LikeMatcher(
      byte[][] segments, boolean anchoredStart, boolean anchoredEnd, Pattern regex) {
    this.segments = segments;
    this.anchoredStart = anchoredStart;
    this.anchoredEnd = anchoredEnd;
    this.regex = regex == null ? null : regex.matcher("");
    this.view = regex == null ? null : new TextView();
  }

  /** Compiles {@code pattern}; an escape error is an {@code AnalysisException}, as in Spark. */
  static LikeMatcher compile(String pattern, char escape) {
    List<byte[]> segs = new ArrayList<>();
    StringBuilder regex = new StringBuilder("(?s)");
    ByteArrayOutputStream lit = new ByteArrayOutputStream();
    boolean hasOne = false;
    boolean startsWithAny = false;
    boolean endsWithAny = false;
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      boolean last = i == n - 1;
      if (c == escape) {
        if (last) throw FnErrors.escapeAtTheEnd(pattern);
        char next = pattern.charAt(++i);
        if (next != '_' && next != '%' && next != escape) {
          throw FnErrors.escapeInTheMiddle(pattern, next);
        }
        literal(String.valueOf(next), lit, regex);
        endsWithAny = false;
      } else if (c == '%') {
        segs.add(lit.toByteArray());
        lit.reset();
        regex.append(".*");
        if (i == 0) startsWithAny = true;
        endsWithAny = true;
      } else if (c == '_') {
        hasOne = true;
        regex.append('.');
        endsWithAny = false;
      } else if (Character.isHighSurrogate(c)
          && !last
          && Character.isLowSurrogate(pattern.charAt(i + 1))) {
        literal(pattern.substring(i, i + 2), lit, regex);
        i++;
        endsWithAny = false;
      } else {
        literal(String.valueOf(c), lit, regex);
        endsWithAny = false;
      }
    }
    segs.add(lit.toByteArray());
    if (hasOne) return new LikeMatcher(null, false, false, Pattern.compile(regex.toString()));
    return new LikeMatcher(segs.toArray(new byte[0][]), !startsWithAny, !endsWithAny, null);
  }

  private static void literal(String c, ByteArrayOutputStream lit, StringBuilder regex) {
    byte[] b = c.getBytes(StandardCharsets.UTF_8);
    lit.write(b, 0, b.length);
    regex.append(Pattern.quote(c));
  }

  /** Whether row {@code row} of {@code v} matches. */
  boolean matches(io.sluice.exec.vector.BytesVector v, int row) {
    if (regex != null) return regex.reset(view.of(v, row)).matches();
    byte[] d = v.data();
    int s = v.start(row);
    int e = s + v.length(row);
    if (segments.length == 1) {
      byte[] only = segments[0];
      return e - s == only.length && java.util.Arrays.equals(d, s, e, only, 0, only.length);
    }
    int first = 0;
    int last = segments.length - 1;
    if (anchoredStart) {
      byte[] p = segments[first++];
      if (!Utf8.startsWith(d, s, e, p, 0, p.length)) return false;
      s += p.length;
    }
    if (anchoredEnd) {
      byte[] p = segments[last--];
      if (!Utf8.endsWith(d, s, e, p, 0, p.length)) return false;
      e -= p.length;
    }
    for (int k = first; k <= last; k++) {
      byte[] p = segments[k];
      int at = Utf8.indexOf(d, s, e, p, 0, p.length);
      if (at < 0) return false;
      s = at + p.length;
    }
    return true;
  }
}
