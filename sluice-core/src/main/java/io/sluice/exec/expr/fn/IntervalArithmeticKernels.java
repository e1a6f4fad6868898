package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalErrors;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import java.util.List;
import java.util.Map;

/**
 * Kernels of the date and timestamp arithmetic the analyzer writes for {@code +} and {@code -}
 * (Spark's {@code ExtractANSIIntervalDays}, {@code SubtractDates}, {@code SubtractTimestamps},
 * {@code TimestampAddYMInterval} and {@code TimeAdd}); they are not functions users call by name.
 * Timestamps are read in the session time zone where Spark reads them so: a difference of
 * timestamps is the difference of their local date-times, and adding months or whole days keeps the
 * local time of day (across a daylight-saving change too), while the rest of a day-time interval
 * moves along the instant time line. Overflow raises {@code ARITHMETIC_OVERFLOW} whatever the ANSI
 * mode, as in Spark.
 */
final class IntervalArithmeticKernels {
  private IntervalArithmeticKernels() {}

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  static final DataType INTERVAL_DAY =
      new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY);
  static final DataType INTERVAL_DAY_TO_SECOND =
      new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.SECOND);

  static void register(Map<String, ScalarKernel> m) {
    m.put("interval_signum", (call, args, ctx) -> signum(args.get(0)));
    m.put("extractansiintervaldays", (call, args, ctx) -> intervalDays(args.get(0)));
    m.put("subtract_dates", (call, args, ctx) -> subtractDates(args));
    m.put(
        "subtract_timestamps",
        (call, args, ctx) -> subtractTimestamps(args, ZoneOffsets.of(ctx.timeZone())));
    m.put(
        "timestamp_add_months",
        (call, args, ctx) -> addMonths(args, ZoneOffsets.of(ctx.timeZone())));
    m.put(
        "timestamp_add_daytime",
        (call, args, ctx) -> addDayTime(args, ZoneOffsets.of(ctx.timeZone())));
  }

  /** The sign of a year-month (int) or day-time (long) interval as -1.0, 0.0 or 1.0. */
  private static VectorEvaluator signum(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      double[] out = new double[Math.max(n, 1)];
      if (v instanceof LongVector lv) {
        long[] x = lv.values();
        for (int i = 0; i < n; i++) out[i] = Long.signum(x[i]);
      } else {
        int[] x = TemporalVectors.ints(v, n);
        for (int i = 0; i < n; i++) out[i] = Integer.signum(x[i]);
      }
      return new DoubleVector(DataTypes.DoubleType, out, TemporalVectors.nulls(v, n), n);
    };
  }

  /** The whole days of a day-time interval (truncated toward zero). */
  private static VectorEvaluator intervalDays(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      long[] micros = TemporalVectors.longs(v, n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (int) (micros[i] / MICROS_PER_DAY);
      return new IntVector(DataTypes.IntegerType, out, TemporalVectors.nulls(v, n), n);
    };
  }

  /** {@code end - start} of two dates, as an {@code INTERVAL DAY}. */
  private static VectorEvaluator subtractDates(List<VectorEvaluator> args) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector l = args.get(0).evaluate(batch);
      ColumnVector r = args.get(1).evaluate(batch);
      int[] end = TemporalVectors.ints(l, n);
      int[] start = TemporalVectors.ints(r, n);
      boolean[] nulls =
          TemporalVectors.union(TemporalVectors.nulls(l, n), TemporalVectors.nulls(r, n), n);
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i)) continue;
        // |days| < 2^32 and MICROS_PER_DAY < 2^37: only the extremes of the date range overflow
        out[i] = multiply((long) end[i] - start[i], MICROS_PER_DAY);
      }
      return new LongVector(INTERVAL_DAY, out, nulls, n);
    };
  }

  /** {@code end - start} of two timestamps: their local date-times' difference. */
  private static VectorEvaluator subtractTimestamps(List<VectorEvaluator> args, ZoneOffsets zone) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector l = args.get(0).evaluate(batch);
      ColumnVector r = args.get(1).evaluate(batch);
      long[] end = TemporalVectors.longs(l, n);
      long[] start = TemporalVectors.longs(r, n);
      boolean[] nulls =
          TemporalVectors.union(TemporalVectors.nulls(l, n), TemporalVectors.nulls(r, n), n);
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i)) continue;
        long shift =
            (long) zone.offsetAt(Math.floorDiv(end[i], MICROS_PER_SECOND))
                - zone.offsetAt(Math.floorDiv(start[i], MICROS_PER_SECOND));
        out[i] = add(subtract(end[i], start[i]), shift * MICROS_PER_SECOND);
      }
      return new LongVector(INTERVAL_DAY_TO_SECOND, out, nulls, n);
    };
  }

  /** A timestamp plus a number of months, on the local calendar of the session time zone. */
  private static VectorEvaluator addMonths(List<VectorEvaluator> args, ZoneOffsets zone) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector l = args.get(0).evaluate(batch);
      ColumnVector r = args.get(1).evaluate(batch);
      long[] ts = TemporalVectors.longs(l, n);
      int[] months = TemporalVectors.ints(r, n);
      boolean[] nulls =
          TemporalVectors.union(TemporalVectors.nulls(l, n), TemporalVectors.nulls(r, n), n);
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i)) continue;
        long second = Math.floorDiv(ts[i], MICROS_PER_SECOND);
        long fraction = Math.floorMod(ts[i], MICROS_PER_SECOND);
        int offset = zone.offsetAt(second);
        long local = second + offset;
        long day = Math.floorDiv(local, 86_400L);
        long timeOfDay = Math.floorMod(local, 86_400L);
        long newLocal = CivilCalendar.addMonths(day, months[i]) * 86_400L + timeOfDay;
        out[i] = zone.toUtc(newLocal, offset) * MICROS_PER_SECOND + fraction;
      }
      return new LongVector(DataTypes.TimestampType, out, nulls, n);
    };
  }

  /**
   * A timestamp plus a day-time interval: the interval's whole days on the local calendar (keeping
   * the local time), the rest on the instant time line, as Spark's {@code timestampAddDayTime}.
   */
  private static VectorEvaluator addDayTime(List<VectorEvaluator> args, ZoneOffsets zone) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector l = args.get(0).evaluate(batch);
      ColumnVector r = args.get(1).evaluate(batch);
      long[] ts = TemporalVectors.longs(l, n);
      long[] interval = TemporalVectors.longs(r, n);
      boolean[] nulls =
          TemporalVectors.union(TemporalVectors.nulls(l, n), TemporalVectors.nulls(r, n), n);
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i)) continue;
        long days = interval[i] / MICROS_PER_DAY;
        long rest = interval[i] - days * MICROS_PER_DAY;
        long shifted = ts[i];
        if (days != 0) {
          long second = Math.floorDiv(ts[i], MICROS_PER_SECOND);
          long fraction = Math.floorMod(ts[i], MICROS_PER_SECOND);
          int offset = zone.offsetAt(second);
          long local = add(second + offset, multiply(days, 86_400L));
          shifted = add(multiply(zone.toUtc(local, offset), MICROS_PER_SECOND), fraction);
        }
        out[i] = add(shifted, rest);
      }
      return new LongVector(DataTypes.TimestampType, out, nulls, n);
    };
  }

  private static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) throw EvalErrors.arithmeticOverflow("long overflow", "");
    return r;
  }

  private static long subtract(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) throw EvalErrors.arithmeticOverflow("long overflow", "");
    return r;
  }

  private static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
    throw EvalErrors.arithmeticOverflow("long overflow", "");
  }
}
