package io.sluice.exec.expr;

import io.sluice.exec.expr.CastEvaluator.VectorCast;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.BooleanType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Casts from dates, timestamps and ANSI intervals: timestamp to numbers (seconds since the epoch,
 * floored for integral targets), timestamp and date to each other in the session zone, intervals to
 * narrower or wider intervals of their family (truncating to the end field), and single-field
 * intervals to and from integral numbers.
 */
final class DateTimeCasts {
  private DateTimeCasts() {}

  /** The cast for the mode's types, or null when neither side is handled here. */
  static VectorCast forTypes(CastMode m) {
    DataType from = m.from();
    DataType to = m.to();
    if (from instanceof TimestampType) return fromTimestamp(m);
    if (from instanceof DateType) {
      if (to instanceof TimestampType) return (v, n) -> dateToTimestamp((IntVector) v, n, m);
      if (NumericCasts.isNumber(to) || to instanceof BooleanType) {
        return (v, n) -> Vectors.allNulls(to, n); // Spark's legacy cast yields null
      }
      return null;
    }
    if (from instanceof DayTimeIntervalType f && to instanceof DayTimeIntervalType t) {
      long unit = unitMicros(t.endField());
      return (v, n) -> {
        long[] a = ((LongVector) v).values();
        long[] out = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = a[i] - a[i] % unit;
        return new LongVector(to, out, Vectors.nulls(v, n), n);
      };
    }
    if (from instanceof YearMonthIntervalType && to instanceof YearMonthIntervalType t) {
      int unit = t.endField() == YearMonthIntervalType.YEAR ? 12 : 1;
      return (v, n) -> {
        int[] a = ((IntVector) v).values();
        int[] out = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = a[i] - a[i] % unit;
        return new IntVector(to, out, Vectors.nulls(v, n), n);
      };
    }
    if (ArithmeticEvaluators.isIntegral(from) && singleField(to)) return integralToInterval(m);
    if (singleField(from) && ArithmeticEvaluators.isIntegral(to)) return intervalToIntegral(m);
    return null;
  }

  private static boolean singleField(DataType t) {
    return (t instanceof DayTimeIntervalType d && d.startField() == d.endField())
        || (t instanceof YearMonthIntervalType y && y.startField() == y.endField());
  }

  static long unitMicros(byte field) {
    return switch (field) {
      case DayTimeIntervalType.DAY -> DateTimes.MICROS_PER_DAY;
      case DayTimeIntervalType.HOUR -> 3_600_000_000L;
      case DayTimeIntervalType.MINUTE -> 60_000_000L;
      default -> 1_000_000L;
    };
  }

  private static long unitOf(DataType interval) {
    if (interval instanceof DayTimeIntervalType d) return unitMicros(d.endField());
    return ((YearMonthIntervalType) interval).endField() == YearMonthIntervalType.YEAR ? 12 : 1;
  }

  private static VectorCast fromTimestamp(CastMode m) {
    DataType to = m.to();
    if (ArithmeticEvaluators.isIntegral(to)) {
      return (v, n) -> {
        long[] t = ((LongVector) v).values();
        long[] seconds = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) seconds[i] = Math.floorDiv(t[i], DateTimes.MICROS_PER_SECOND);
        return NumericCasts.fromLongs(
            seconds, new NullMask(Vectors.nulls(v, n), n), n, m, v::getObject);
      };
    }
    if (to instanceof DoubleType || to instanceof FloatType || to instanceof DecimalType) {
      return (v, n) -> {
        long[] t = ((LongVector) v).values();
        double[] seconds = new double[Math.max(n, 1)];
        for (int i = 0; i < n; i++) seconds[i] = t[i] / (double) DateTimes.MICROS_PER_SECOND;
        return NumericCasts.fromDoubles(
            seconds, new NullMask(Vectors.nulls(v, n), n), n, m, v::getObject);
      };
    }
    if (to instanceof BooleanType) {
      return (v, n) -> {
        long[] t = ((LongVector) v).values();
        boolean[] out = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = t[i] != 0;
        return new BooleanVector(to, out, Vectors.nulls(v, n), n);
      };
    }
    if (to instanceof DateType) {
      ZoneId zone = m.zone();
      return (v, n) -> {
        long[] t = ((LongVector) v).values();
        int[] out = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = microsToDays(t[i], zone);
        return new IntVector(to, out, Vectors.nulls(v, n), n);
      };
    }
    return null;
  }

  /** The date, in {@code zone}, of the instant {@code micros}. */
  static int microsToDays(long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, DateTimes.MICROS_PER_SECOND);
    long local = seconds + DateTimes.offsetSecondsAt(zone, seconds);
    return (int) Math.floorDiv(local, 86_400L);
  }

  /** The first instant of {@code days} in {@code zone}, in microseconds. */
  static long daysToMicros(int days, ZoneId zone) {
    if (zone instanceof ZoneOffset o) {
      return (days * 86_400L - o.getTotalSeconds()) * DateTimes.MICROS_PER_SECOND;
    }
    long seconds = LocalDate.ofEpochDay(days).atStartOfDay(zone).toEpochSecond();
    return seconds * DateTimes.MICROS_PER_SECOND;
  }

  private static ColumnVector dateToTimestamp(IntVector v, int n, CastMode m) {
    int[] d = v.values();
    long[] out = new long[Math.max(n, 1)];
    boolean[] nulls = Vectors.nulls(v, n);
    ZoneId zone = m.zone();
    for (int i = 0; i < n; i++) {
      if (nulls == null || !nulls[i]) out[i] = daysToMicros(d[i], zone);
    }
    return new LongVector(m.to(), out, nulls, n);
  }

  /** {@code CAST(5 AS INTERVAL HOUR)}: the number counts units of the interval's field. */
  private static VectorCast integralToInterval(CastMode m) {
    DataType to = m.to();
    long unit = unitOf(to);
    boolean months = to instanceof YearMonthIntervalType;
    return (v, n) -> {
      long[] x = ArithmeticEvaluators.asLongs(v, n);
      NullMask mask = new NullMask(Vectors.nulls(v, n), n);
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        long r = x[i] * unit;
        boolean over =
            Math.multiplyHigh(x[i], unit) != (r >> 63)
                || (months && (r < Integer.MIN_VALUE || r > Integer.MAX_VALUE));
        // Interval overflow raises in LEGACY mode too, as in Spark.
        if (over && !mask.isNull(i)) {
          if (!m.ansi() && !m.legacy()) {
            mask.set(i);
          } else {
            throw EvalErrors.castOverflow(v.getObject(i), m.from(), to, m.zone());
          }
        }
        out[i] = r;
      }
      if (!months) return new LongVector(to, out, mask.result(), n);
      int[] ints = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) ints[i] = (int) out[i];
      return new IntVector(to, ints, mask.result(), n);
    };
  }

  /** {@code CAST(INTERVAL '5' HOUR AS INT)}: whole units of the field, truncated. */
  private static VectorCast intervalToIntegral(CastMode m) {
    DataType from = m.from();
    long unit = unitOf(from);
    return (v, n) -> {
      long[] x = ArithmeticEvaluators.asLongs(v, n);
      long[] units = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) units[i] = x[i] / unit;
      return NumericCasts.fromLongs(
          units, new NullMask(Vectors.nulls(v, n), n), n, m, v::getObject);
    };
  }
}
