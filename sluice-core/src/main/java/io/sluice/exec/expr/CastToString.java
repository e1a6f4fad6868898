package io.sluice.exec.expr;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.IntervalText;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Text of any vector as Spark writes it: {@link #castToString} is {@code CAST(x AS STRING)} and
 * {@link #toPrettyString} is what {@code show()} prints (Spark 4's {@code ToPrettyString}).
 *
 * <p>Numbers as Java prints them ({@code 1.0E10}, {@code NaN}, {@code Infinity}), decimals as plain
 * strings keeping their scale, booleans {@code true}/{@code false}, dates and timestamps per {@link
 * DateTimes} in the session zone, binary as its bytes, ANSI intervals as {@code INTERVAL '1
 * 02:03:04' DAY TO SECOND}, arrays {@code [1, 2, null]}, structs {@code {1, a}}, maps {@code {a ->
 * 1, b -> null}}.
 */
public final class CastToString {
  private static final byte[] NULL_LOWER = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL_UPPER = "NULL".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMA = ", ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ARROW = " -> ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** What differs between casting and pretty-printing. */
  private record Style(byte[] nestedNull, byte[] topNull, boolean hexBinary) {}

  private static final Style CAST = new Style(NULL_LOWER, null, false);
  private static final Style PRETTY = new Style(NULL_UPPER, NULL_UPPER, true);

  private CastToString() {}

  /** {@code CAST(v AS STRING)} for every row of {@code v}; null rows stay null. */
  public static BytesVector castToString(ColumnVector v, EvalContext ctx) {
    return render(v, v.size(), CAST, false, ctx.timeZone());
  }

  /**
   * The text {@code show()} prints for every row: like the cast, but nulls (top-level and nested)
   * print as {@code NULL} and binary as hex bytes, e.g. {@code [0A FF]}.
   */
  public static BytesVector toPrettyString(ColumnVector v, EvalContext ctx) {
    return render(v, v.size(), PRETTY, false, ctx.timeZone());
  }

  /** The cast used by {@link CastEvaluator}: rows {@code [0, n)} of {@code v}. */
  static BytesVector cast(ColumnVector v, int n, ZoneId zone) {
    return render(v, n, CAST, false, zone);
  }

  /**
   * Strings and binary to string keep their bytes: one copy of the whole data range (presized, so
   * no growth by doubling per row) and the row boundaries; null if a null row has bytes.
   */
  private static BytesVector copyBytes(BytesVector b, int n) {
    BytesVector out = new BytesVector(DataTypes.StringType, n);
    if (n == 0) return out;
    int base = b.start(0);
    int total = b.start(n) - base;
    byte[] dst = out.reserveData(total);
    System.arraycopy(b.data(), base, dst, 0, total);
    for (int i = 0; i < n; i++) {
      if (b.isNullAt(i)) {
        if (b.length(i) != 0) return null;
        out.appendNull();
      } else {
        out.commitRow(b.length(i));
      }
    }
    return out;
  }

  /**
   * Renders rows {@code [0, n)}. A null row becomes a null row unless it is nested (then the
   * style's nested text) or the style has top-level text for nulls.
   */
  private static BytesVector render(
      ColumnVector v, int n, Style style, boolean nested, ZoneId zone) {
    DataType t = v.type();
    byte[] nullText = nested ? style.nestedNull() : style.topNull();
    if (v instanceof BytesVector b
        && nullText == null
        && !(style.hexBinary() && t instanceof BinaryType)) {
      BytesVector copied = copyBytes(b, n);
      if (copied != null) return copied;
    }
    BytesVector out = new BytesVector(DataTypes.StringType, n);
    byte[] scratch = new byte[40];
    StringBuilder sb = new StringBuilder(32);
    ColumnVector[] parts = renderChildren(v, style, zone);
    for (int i = 0; i < n; i++) {
      if (v.isNullAt(i)) {
        if (nullText == null) {
          out.appendNull();
        } else {
          out.appendBytes(nullText);
        }
        continue;
      }
      if (v instanceof BytesVector b) {
        if (style.hexBinary() && t instanceof BinaryType) {
          appendHex(out, b, i);
        } else {
          out.appendBytes(b.data(), b.start(i), b.length(i));
        }
      } else if (v instanceof LongVector l
          && !(t instanceof TimestampType)
          && !(t instanceof DayTimeIntervalType)) {
        appendLong(out, l.get(i), scratch);
      } else if (v instanceof IntVector iv
          && !(t instanceof DateType)
          && !(t instanceof YearMonthIntervalType)) {
        appendLong(out, iv.get(i), scratch);
      } else if (v instanceof BooleanVector bv) {
        out.appendBytes(bv.get(i) ? TRUE : FALSE);
      } else if (v instanceof ShortVector s) {
        appendLong(out, s.get(i), scratch);
      } else if (v instanceof ByteVector s) {
        appendLong(out, s.get(i), scratch);
      } else if (v instanceof ArrayVector a) {
        appendArray(out, a, i, (BytesVector) parts[0]);
      } else if (v instanceof StructVector s) {
        appendStruct(out, i, parts);
      } else if (v instanceof MapVector m) {
        appendMap(out, m, i, (BytesVector) parts[0], (BytesVector) parts[1]);
      } else {
        sb.setLength(0);
        appendScalar(sb, v, i, zone);
        appendAscii(out, sb, scratch);
      }
    }
    return out;
  }

  private static ColumnVector[] renderChildren(ColumnVector v, Style style, ZoneId zone) {
    if (v instanceof ArrayVector a) {
      return new ColumnVector[] {render(a.elements(), a.elements().size(), style, true, zone)};
    }
    if (v instanceof MapVector m) {
      return new ColumnVector[] {
        render(m.keys(), m.keys().size(), style, true, zone),
        render(m.values(), m.values().size(), style, true, zone)
      };
    }
    if (v instanceof StructVector s) {
      ColumnVector[] out = new ColumnVector[s.children().length];
      for (int f = 0; f < out.length; f++) {
        out[f] = render(s.child(f), v.size(), style, true, zone);
      }
      return out;
    }
    return null;
  }

  /** Types rendered through a StringBuilder: floating point, decimals, dates, intervals. */
  private static void appendScalar(StringBuilder sb, ColumnVector v, int i, ZoneId zone) {
    DataType t = v.type();
    if (v instanceof DoubleVector d) {
      sb.append(d.get(i));
    } else if (v instanceof FloatVector f) {
      sb.append(f.get(i));
    } else if (v instanceof DecimalVector d) {
      if (d.isCompact()) {
        appendUnscaled(sb, d.unscaled()[i], d.decimalType().scale());
      } else {
        sb.append(d.getDecimal(i).toPlainString());
      }
    } else if (t instanceof DateType) {
      DateTimes.appendDate(sb, ((IntVector) v).get(i));
    } else if (t instanceof TimestampType) {
      DateTimes.appendTimestamp(sb, ((LongVector) v).get(i), zone);
    } else if (t instanceof DayTimeIntervalType dt) {
      sb.append("INTERVAL '")
          .append(IntervalText.dayTime(((LongVector) v).get(i), dt))
          .append("' ")
          .append(dt.sql().substring("INTERVAL ".length()));
    } else if (t instanceof YearMonthIntervalType ym) {
      sb.append("INTERVAL '")
          .append(IntervalText.yearMonth(((IntVector) v).get(i), ym))
          .append("' ")
          .append(ym.sql().substring("INTERVAL ".length()));
    } else {
      sb.append(v.getObject(i)); // calendar intervals: rare, slow path
    }
  }

  /** A compact decimal's plain text: {@code -12.30} for unscaled -1230 at scale 2. */
  static void appendUnscaled(StringBuilder sb, long unscaled, int scale) {
    if (scale == 0) {
      sb.append(unscaled);
      return;
    }
    if (unscaled < 0) {
      sb.append('-');
    }
    String digits =
        unscaled == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(unscaled));
    int intLen = digits.length() - scale;
    if (intLen <= 0) {
      sb.append("0.");
      for (int k = intLen; k < 0; k++) sb.append('0');
      sb.append(digits);
    } else {
      sb.append(digits, 0, intLen).append('.').append(digits, intLen, digits.length());
    }
  }

  private static void appendAscii(BytesVector out, StringBuilder sb, byte[] scratch) {
    int len = sb.length();
    byte[] buf = len <= scratch.length ? scratch : new byte[len];
    boolean ascii = true;
    for (int k = 0; k < len; k++) {
      char c = sb.charAt(k);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      buf[k] = (byte) c;
    }
    if (ascii) {
      out.appendBytes(buf, 0, len);
    } else {
      out.appendString(sb.toString());
    }
  }

  private static void appendLong(BytesVector out, long x, byte[] scratch) {
    int p = scratch.length;
    long r = x;
    if (r == 0) scratch[--p] = '0';
    while (r != 0) {
      scratch[--p] = (byte) ('0' + Math.abs(r % 10));
      r /= 10;
    }
    if (x < 0) scratch[--p] = '-';
    out.appendBytes(scratch, p, scratch.length - p);
  }

  private static void appendHex(BytesVector out, BytesVector b, int i) {
    int len = b.length(i);
    byte[] buf = new byte[len == 0 ? 2 : len * 3 + 1];
    int p = 0;
    buf[p++] = '[';
    for (int k = 0; k < len; k++) {
      if (k > 0) buf[p++] = ' ';
      int x = b.data()[b.start(i) + k] & 0xff;
      buf[p++] = HEX[x >>> 4];
      buf[p++] = HEX[x & 15];
    }
    buf[p++] = ']';
    out.appendBytes(buf, 0, p);
  }

  /** Concatenates rows {@code [from, to)} of {@code parts} between brackets. */
  private static void appendArray(BytesVector out, ArrayVector a, int i, BytesVector elems) {
    int from = a.start(i);
    int to = from + a.length(i);
    int total = 2;
    for (int p = from; p < to; p++) total += elems.length(p) + (p > from ? 2 : 0);
    byte[] buf = new byte[total];
    int w = 0;
    buf[w++] = '[';
    for (int p = from; p < to; p++) {
      if (p > from) w = put(buf, w, COMMA, 0, 2);
      w = put(buf, w, elems.data(), elems.start(p), elems.length(p));
    }
    buf[w++] = ']';
    out.appendBytes(buf, 0, w);
  }

  private static void appendStruct(BytesVector out, int i, ColumnVector[] fields) {
    int total = 2;
    for (int f = 0; f < fields.length; f++) {
      total += ((BytesVector) fields[f]).length(i) + (f > 0 ? 2 : 0);
    }
    byte[] buf = new byte[total];
    int w = 0;
    buf[w++] = '{';
    for (int f = 0; f < fields.length; f++) {
      BytesVector b = (BytesVector) fields[f];
      if (f > 0) w = put(buf, w, COMMA, 0, 2);
      w = put(buf, w, b.data(), b.start(i), b.length(i));
    }
    buf[w++] = '}';
    out.appendBytes(buf, 0, w);
  }

  private static void appendMap(
      BytesVector out, MapVector m, int i, BytesVector keys, BytesVector values) {
    int from = m.start(i);
    int to = from + m.length(i);
    int total = 2;
    for (int p = from; p < to; p++) {
      total += keys.length(p) + values.length(p) + 4 + (p > from ? 2 : 0);
    }
    byte[] buf = new byte[total];
    int w = 0;
    buf[w++] = '{';
    for (int p = from; p < to; p++) {
      if (p > from) w = put(buf, w, COMMA, 0, 2);
      w = put(buf, w, keys.data(), keys.start(p), keys.length(p));
      w = put(buf, w, ARROW, 0, ARROW.length);
      w = put(buf, w, values.data(), values.start(p), values.length(p));
    }
    buf[w++] = '}';
    out.appendBytes(buf, 0, w);
  }

  private static int put(byte[] dst, int at, byte[] src, int from, int len) {
    System.arraycopy(src, from, dst, at, len);
    return at + len;
  }
}
