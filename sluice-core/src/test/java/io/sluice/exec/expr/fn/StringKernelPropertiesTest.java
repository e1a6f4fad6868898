package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.BytesVector;
import io.sluice.types.DataTypes;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The byte-level kernels agree with straightforward definitions over Java strings: LIKE's segment
 * matching with a regex translation of the pattern, substring with Spark's position rules over code
 * points.
 */
class StringKernelPropertiesTest {

  private static BytesVector one(String s) {
    BytesVector v = new BytesVector(DataTypes.StringType, 1);
    v.appendString(s);
    return v;
  }

  @Property(tries = 2000)
  void likeMatchesItsRegexTranslation(
      @ForAll @Chars({'a', 'b', '\u00e9', '%'}) @StringLength(max = 8) String text,
      @ForAll @Chars({'a', 'b', '\u00e9', '%', '_', '\\'}) @StringLength(max = 6) String pattern) {
    String regex = likeRegex(pattern);
    if (regex == null) return; // a misplaced escape: an error, tested elsewhere
    boolean expected = Pattern.compile(regex).matcher(text).matches();
    assertThat(LikeMatcher.compile(pattern, '\\').matches(one(text), 0))
        .as("'%s' LIKE '%s'", text, pattern)
        .isEqualTo(expected);
  }

  /** Spark's translation of a LIKE pattern with escape {@code \}, or null when invalid. */
  private static String likeRegex(String p) {
    StringBuilder sb = new StringBuilder("(?s)");
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (i + 1 == p.length()) return null;
        char n = p.charAt(++i);
        if (n != '%' && n != '_' && n != '\\') return null;
        sb.append(Pattern.quote(String.valueOf(n)));
      } else if (c == '%') {
        sb.append(".*");
      } else if (c == '_') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  @Property(tries = 2000)
  void substringFollowsSparksRulesOverCodePoints(
      @ForAll("mixedWidthText") String text,
      @ForAll @IntRange(min = -9, max = 9) int pos,
      @ForAll @IntRange(min = -3, max = 9) int len) {
    BytesVector out = new BytesVector(DataTypes.StringType, 1);
    SubstringKernels.appendSubstring(one(text), 0, pos, len, true, out);
    assertThat(out.getString(0))
        .as("substring('%s', %d, %d)", text, pos, len)
        .isEqualTo(reference(text, pos, len));
  }

  /** Strings of 1-, 2- and 4-byte characters (the last one a surrogate pair in Java). */
  @Provide
  Arbitrary<String> mixedWidthText() {
    return Arbitraries.of("a", "\u00e9", "\ud83d\ude00")
        .list()
        .ofMaxSize(6)
        .map(parts -> String.join("", parts));
  }

  private static String reference(String s, int pos, int len) {
    int[] cps = s.codePoints().toArray();
    long start = pos > 0 ? pos - 1 : pos < 0 ? cps.length + pos : 0;
    long end = start + len;
    start = Math.max(start, 0);
    if (start >= end || start >= cps.length) return "";
    int to = (int) Math.min(end, cps.length);
    return new String(cps, (int) start, to - (int) start);
  }
}
