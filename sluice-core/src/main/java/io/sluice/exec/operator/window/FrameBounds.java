package io.sluice.exec.operator.window;

import io.sluice.exec.operator.sort.ValueOrdering;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The frame of every row: {@code [start[i], end[i])} in sorted positions, within the row's
 * partition (empty when the bounds cross). ROWS offsets count rows; RANGE offsets are added to the
 * current row's ORDER BY value (with the sign flipped for a descending order, as Spark does) and
 * the frame holds the rows whose values lie between, in the sort's order (a null value's frame is
 * its null peers); CURRENT ROW in a RANGE frame means the peer group.
 */
final class FrameBounds {
  final int[] start;
  final int[] end;

  private FrameBounds(int[] start, int[] end) {
    this.start = start;
    this.end = end;
  }

  /**
   * A frame bound: unbounded, the current row, or a constant offset in internal form ({@code
   * months}: a year-month interval, counted on the calendar for dates and timestamps).
   */
  record Bound(Kind kind, Object offset, boolean months) {
    enum Kind {
      UNBOUNDED,
      CURRENT,
      OFFSET
    }

    static final Bound UNBOUNDED = new Bound(Kind.UNBOUNDED, null, false);
    static final Bound CURRENT = new Bound(Kind.CURRENT, null, false);
  }

  static FrameBounds rows(WindowLayout l, Bound lower, Bound upper) {
    int n = l.n;
    int[] s = new int[n];
    int[] e = new int[n];
    for (int i = 0; i < n; i++) {
      int ps = l.partStart[i];
      int pe = l.partEnd[i];
      long lo =
          switch (lower.kind()) {
            case UNBOUNDED -> ps;
            case CURRENT -> i;
            case OFFSET -> i + ((Number) lower.offset()).longValue();
          };
      long hi =
          switch (upper.kind()) {
            case UNBOUNDED -> pe;
            case CURRENT -> i + 1L;
            case OFFSET -> i + ((Number) upper.offset()).longValue() + 1;
          };
      s[i] = (int) Math.max(ps, Math.min(lo, pe));
      e[i] = (int) Math.max(s[i], Math.min(hi, pe));
    }
    return new FrameBounds(s, e);
  }

  static FrameBounds range(WindowLayout l, Bound lower, Bound upper, ZoneId zone) {
    int n = l.n;
    int[] s = new int[n];
    int[] e = new int[n];
    RangeKeys keys =
        lower.kind() == Bound.Kind.OFFSET || upper.kind() == Bound.Kind.OFFSET
            ? new RangeKeys(l, zone)
            : null;
    for (int i = 0; i < n; i++) {
      int ps = l.partStart[i];
      int pe = l.partEnd[i];
      s[i] =
          switch (lower.kind()) {
            case UNBOUNDED -> ps;
            case CURRENT -> l.peerStart[i];
            case OFFSET -> keys.firstAtOrAfter(i, lower, ps, pe, false);
          };
      int hi =
          switch (upper.kind()) {
            case UNBOUNDED -> pe;
            case CURRENT -> l.peerEnd[i];
            case OFFSET -> keys.firstAtOrAfter(i, upper, ps, pe, true);
          };
      e[i] = Math.max(s[i], hi);
    }
    return new FrameBounds(s, e);
  }

  /** The single ORDER BY key of a RANGE frame with offsets, and arithmetic on its values. */
  private static final class RangeKeys {
    private final ColumnVector key;
    private final DataType type;
    private final int dir;
    private final boolean nullsFirst;
    private final ZoneId zone;
    private final long[] longs;
    private final double[] doubles;

    RangeKeys(WindowLayout l, ZoneId zone) {
      this.key = l.orderKeys[0];
      this.type = key.type();
      this.dir = l.ascending[0] ? 1 : -1;
      this.nullsFirst = l.nullsFirst[0];
      this.zone = zone;
      int n = l.n;
      if (key instanceof DoubleVector || key instanceof FloatVector) {
        doubles = new double[n];
        for (int i = 0; i < n; i++) {
          doubles[i] =
              key instanceof DoubleVector d ? d.values()[i] : ((FloatVector) key).values()[i];
        }
        longs = null;
      } else if (key instanceof DecimalVector) {
        longs = null;
        doubles = null;
      } else {
        longs = new long[n];
        for (int i = 0; i < n; i++) longs[i] = longValue(key, i);
        doubles = null;
      }
    }

    private static long longValue(ColumnVector v, int i) {
      if (v instanceof LongVector x) return x.values()[i];
      if (v instanceof IntVector x) return x.values()[i];
      if (v instanceof ShortVector x) return x.values()[i];
      if (v instanceof ByteVector x) return x.values()[i];
      throw new IllegalArgumentException("No RANGE frame over " + v.type().simpleString());
    }

    /**
     * The first position in {@code [ps, pe)} whose value is at or after (or, when {@code strict},
     * after) the current row's value plus {@code offset} in the sort's order.
     */
    int firstAtOrAfter(int i, Bound b, int ps, int pe, boolean strict) {
      boolean boundNull = key.isNullAt(i);
      Object bound = boundNull ? null : plus(i, b);
      int lo = ps;
      int hi = pe;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int c = compare(mid, boundNull, bound);
        if (c < 0 || (strict && c == 0)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Row {@code j}'s value against the bound, in the sort's order. */
    private int compare(int j, boolean boundNull, Object bound) {
      boolean rowNull = key.isNullAt(j);
      if (rowNull || boundNull) {
        if (rowNull && boundNull) return 0;
        return rowNull == nullsFirst ? -1 : 1;
      }
      int c;
      if (doubles != null) {
        c = ValueOrdering.compareDoubles(doubles[j], (Double) bound);
      } else if (longs != null) {
        c = Long.compare(longs[j], (Long) bound);
      } else {
        c = ((DecimalVector) key).getDecimal(j).compareTo((BigDecimal) bound);
      }
      return dir * c;
    }

    /** The current value plus the offset (negated for a descending order). */
    private Object plus(int i, Bound b) {
      Object offset = b.offset();
      int sign = dir < 0 ? -1 : 1;
      if (doubles != null) return doubles[i] + sign * ((Number) offset).doubleValue();
      if (longs == null) {
        BigDecimal o = offset instanceof BigDecimal d ? d : new BigDecimal(offset.toString());
        BigDecimal v = ((DecimalVector) key).getDecimal(i);
        return sign > 0 ? v.add(o) : v.subtract(o);
      }
      long v = longs[i];
      if (offset instanceof CalendarInterval c) {
        return plusCalendar(v, sign * c.months(), sign * c.days(), sign * c.microseconds());
      }
      long o = sign * ((Number) offset).longValue();
      if (b.months() && (type instanceof DateType || type instanceof TimestampType)) {
        return plusCalendar(v, (int) o, 0, 0);
      }
      return saturatedAdd(v, o);
    }

    private long plusCalendar(long micros, int months, int days, long us) {
      if (type instanceof DateType) {
        return LocalDate.ofEpochDay(micros).plusMonths(months).plusDays(days).toEpochDay();
      }
      if (months == 0 && days == 0) return saturatedAdd(micros, us);
      Instant instant =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      ZonedDateTime z = instant.atZone(zone).plusMonths(months).plusDays(days);
      Instant r = z.toInstant();
      return saturatedAdd(r.getEpochSecond() * 1_000_000L + r.getNano() / 1000, us);
    }

    private static long saturatedAdd(long a, long b) {
      long r = a + b;
      if (((a ^ r) & (b ^ r)) < 0) return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      return r;
    }
  }
}
