package io.sluice.exec.expr;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.YearMonthIntervalType;
import java.util.Locale;

/**
 * Casting strings to ANSI intervals. The text is either the bare value in the target type's format
 * or an interval literal naming exactly the target's fields, e.g. for {@code INTERVAL DAY TO
 * SECOND}: {@code 1 02:03:04.5}, {@code -1 02:03:04} or {@code INTERVAL '-1 02:03:04' DAY TO
 * SECOND} (a sign may also precede the quote). The leading field is unbounded; later fields are
 * bounded (hours 0-23, minutes and seconds 0-59, months 0-11); seconds keep six fractional digits.
 * Text that does not match raises {@code INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING} except in
 * TRY mode (Spark raises in LEGACY mode too).
 */
final class IntervalParser {
  private IntervalParser() {}

  static ColumnVector castStrings(BytesVector v, int n, CastMode m) {
    DataType to = m.to();
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    boolean dayTime = to instanceof DayTimeIntervalType;
    long[] out = new long[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      String s = v.getString(i);
      Long r =
          dayTime
              ? parseDayTime(s, (DayTimeIntervalType) to)
              : parseYearMonth(s, (YearMonthIntervalType) to);
      if (r == null) {
        if (m.mode() != EvalMode.TRY) {
          throw EvalErrors.invalidIntervalString(
              s, dayTime ? "day-time" : "year-month", supportedFormat(to), to);
        }
        mask.set(i);
      } else {
        out[i] = r;
      }
    }
    if (dayTime) return new LongVector(to, out, mask.result(), n);
    int[] months = new int[Math.max(n, 1)];
    for (int i = 0; i < n; i++) months[i] = (int) out[i];
    return new IntVector(to, months, mask.result(), n);
  }

  /** The formats named in the error message, as Spark lists them. */
  static String supportedFormat(DataType t) {
    String body = bodyFormat(t);
    String units = t.sql().substring("INTERVAL ".length());
    return "`[+|-]" + body + "`, `INTERVAL [+|-]'[+|-]" + body + "' " + units + "`";
  }

  private static String bodyFormat(DataType t) {
    if (t instanceof YearMonthIntervalType y) {
      if (y.startField() != y.endField()) return "y-m";
      return y.startField() == YearMonthIntervalType.YEAR ? "y" : "m";
    }
    DayTimeIntervalType d = (DayTimeIntervalType) t;
    String[] parts = {"d", "h", "m", "s.n"};
    StringBuilder sb = new StringBuilder();
    for (int f = d.startField(); f <= d.endField(); f++) {
      if (f > d.startField()) sb.append(f == DayTimeIntervalType.HOUR ? " " : ":");
      sb.append(parts[f]);
    }
    return sb.toString();
  }

  /**
   * The body of the text: itself, or the quoted part of {@code INTERVAL [+|-]'...' UNITS} when the
   * units match; the outer sign is folded in as a leading {@code -} when negative. Null when an
   * interval literal names other units.
   */
  private static String body(String text, DataType t) {
    String s = text.trim();
    if (!s.regionMatches(true, 0, "INTERVAL", 0, 8)) return s;
    String rest = s.substring(8).trim();
    boolean negate = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negate = rest.charAt(0) == '-';
      rest = rest.substring(1).trim();
    }
    if (!rest.startsWith("'")) return null;
    int close = rest.indexOf('\'', 1);
    if (close < 0) return null;
    String inner = rest.substring(1, close).trim();
    String units = rest.substring(close + 1).trim().replaceAll("\\s+", " ");
    String expected = t.sql().substring("INTERVAL ".length());
    if (!units.toUpperCase(Locale.ROOT).equals(expected)) return null;
    if (!negate) return inner;
    if (inner.startsWith("-")) return inner.substring(1);
    return "-" + (inner.startsWith("+") ? inner.substring(1) : inner);
  }

  static Long parseYearMonth(String text, YearMonthIntervalType t) {
    String s = body(text, t);
    if (s == null || s.isEmpty()) return null;
    boolean neg = s.charAt(0) == '-';
    if (neg || s.charAt(0) == '+') s = s.substring(1);
    long months;
    if (t.startField() != t.endField()) {
      int dash = s.indexOf('-');
      if (dash < 0) return null;
      Long y = digits(s, 0, dash);
      Long mo = digits(s, dash + 1, s.length());
      if (y == null || mo == null || mo > 11) return null;
      months = y * 12 + mo;
    } else {
      Long x = digits(s, 0, s.length());
      if (x == null) return null;
      months = t.startField() == YearMonthIntervalType.YEAR ? x * 12 : x;
    }
    months = neg ? -months : months;
    return months < Integer.MIN_VALUE || months > Integer.MAX_VALUE ? null : months;
  }

  static Long parseDayTime(String text, DayTimeIntervalType t) {
    String s = body(text, t);
    if (s == null || s.isEmpty()) return null;
    boolean neg = s.charAt(0) == '-';
    if (neg || s.charAt(0) == '+') s = s.substring(1);
    int start = t.startField();
    int end = t.endField();
    long[] limits = {Long.MAX_VALUE, 23, 59, 59};
    long[] units = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L};
    int pos = 0;
    long total = 0;
    for (int f = start; f <= end; f++) {
      char sep = f == DayTimeIntervalType.DAY ? ' ' : ':'; // separator after field f
      int next = f == end ? s.length() : s.indexOf(sep, pos);
      if (next < 0) return null;
      String part = s.substring(pos, next);
      long fraction = 0;
      if (f == DayTimeIntervalType.SECOND) {
        int dot = part.indexOf('.');
        if (dot >= 0) {
          String frac = part.substring(dot + 1);
          if (frac.isEmpty() || frac.length() > 9 || digits(frac, 0, frac.length()) == null) {
            return null;
          }
          fraction = Long.parseLong((frac + "000000000").substring(0, 6));
          part = part.substring(0, dot);
        }
      }
      Long x = digits(part, 0, part.length());
      if (x == null || (f != start && (x > limits[f] || part.length() > 2))) return null;
      try {
        total = Math.addExact(total, Math.addExact(Math.multiplyExact(x, units[f]), fraction));
      } catch (ArithmeticException e) {
        return null;
      }
      pos = next + 1;
    }
    return neg ? -total : total;
  }

  /** The non-negative decimal number in {@code s[from, to)}, or null. */
  private static Long digits(String s, int from, int to) {
    if (from >= to || to - from > 18) return null;
    long x = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') return null;
      x = x * 10 + (c - '0');
    }
    return x;
  }
}
