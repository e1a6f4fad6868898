package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Timestamp kernels: {@code current_timestamp}/{@code now}/{@code current_date} (the execution's
 * instant, {@link EvalContext#currentMicros()}, read once when the kernel is built), {@code
 * date_trunc}, {@code months_between}, {@code from_utc_timestamp} and {@code to_utc_timestamp}.
 * Local date-times come from {@link ZoneOffsets}, not {@code java.time}.
 */
final class TimestampKernels {
  private static final long MICROS = 1_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final double SECONDS_PER_31_DAYS = 31 * 86_400.0;

  private TimestampKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("current_timestamp", (call, args, ctx) -> constantLong(ctx.currentMicros()));
    m.put("current_date", (call, args, ctx) -> currentDate(ctx));
    m.put("date_trunc", TimestampKernels::dateTrunc);
    m.put("months_between", TimestampKernels::monthsBetween);
    m.put("from_utc_timestamp", (call, args, ctx) -> shiftZone(call, args, true));
    m.put("to_utc_timestamp", (call, args, ctx) -> shiftZone(call, args, false));
  }

  // --- current time ---------------------------------------------------------------------------

  private static VectorEvaluator constantLong(long micros) {
    return batch -> {
      int n = batch.numRows();
      long[] out = new long[Math.max(n, 1)];
      Arrays.fill(out, micros);
      return new LongVector(DataTypes.TimestampType, out, null, n);
    };
  }

  private static VectorEvaluator currentDate(EvalContext ctx) {
    long seconds = Math.floorDiv(ctx.currentMicros(), MICROS);
    long local = seconds + ZoneOffsets.of(ctx.timeZone()).offsetAt(seconds);
    int day = (int) Math.floorDiv(local, SECONDS_PER_DAY);
    return batch -> {
      int n = batch.numRows();
      int[] out = new int[Math.max(n, 1)];
      Arrays.fill(out, day);
      return new IntVector(DataTypes.DateType, out, null, n);
    };
  }

  // --- date_trunc -----------------------------------------------------------------------------

  /** {@code date_trunc('HOUR', ts)} in the session time zone; null for an unknown unit. */
  private static VectorEvaluator dateTrunc(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    Object constant = TemporalVectors.constant(call.arg(0), args.get(0));
    boolean perRow = constant == TemporalVectors.NOT_CONSTANT;
    TruncLevel fixed = constant instanceof String s ? TruncLevel.parse(s) : null;
    ZoneOffsets zone = ZoneOffsets.of(ctx.timeZone());
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(1).evaluate(batch);
      long[] micros = TemporalVectors.longs(in, n);
      boolean[] nulls = TemporalVectors.writable(TemporalVectors.nulls(in, n), n);
      BytesVector units = perRow ? (BytesVector) args.get(0).evaluate(batch) : null;
      ZoneOffsets.Cursor cursor = zone.cursor();
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        TruncLevel level = fixed;
        if (perRow) level = units.isNullAt(i) ? null : TruncLevel.parse(units.getString(i));
        if (level == null) {
          nulls[i] = true;
        } else {
          out[i] = truncate(micros[i], level, zone, cursor);
        }
      }
      return new LongVector(DataTypes.TimestampType, out, nulls, n);
    };
  }

  /**
   * Truncates an instant as Spark: sub-second units on the instant, minute to day on the local time
   * line keeping the current offset in an overlap ({@code ZonedDateTime.truncatedTo}), week and
   * coarser to the start of the local day.
   */
  static long truncate(long micros, TruncLevel level, ZoneOffsets zone, ZoneOffsets.Cursor c) {
    long seconds = Math.floorDiv(micros, MICROS);
    return switch (level) {
      case MICROSECOND -> micros;
      case MILLISECOND -> micros - Math.floorMod(micros, 1000L);
      case SECOND -> micros - Math.floorMod(micros, MICROS);
      case MINUTE, HOUR, DAY -> {
        long unit =
            level == TruncLevel.MINUTE ? 60 : level == TruncLevel.HOUR ? 3600 : SECONDS_PER_DAY;
        int offset = c.offsetAt(seconds);
        long local = seconds + offset;
        yield zone.toUtc(local - Math.floorMod(local, unit), offset) * MICROS;
      }
      case WEEK, MONTH, QUARTER, YEAR -> {
        long day = Math.floorDiv(c.toLocal(seconds), SECONDS_PER_DAY);
        yield zone.startOfDay(level.truncateDay(day)) * MICROS;
      }
    };
  }

  // --- months_between -------------------------------------------------------------------------

  private static VectorEvaluator monthsBetween(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    ZoneOffsets zone = ZoneOffsets.of(ctx.timeZone());
    return batch -> {
      int n = batch.numRows();
      ColumnVector a = args.get(0).evaluate(batch);
      ColumnVector b = args.get(1).evaluate(batch);
      ColumnVector r = args.get(2).evaluate(batch);
      long[] t1 = TemporalVectors.longs(a, n);
      long[] t2 = TemporalVectors.longs(b, n);
      boolean[] round = r instanceof BooleanVector bv ? bv.values() : new boolean[n + 1];
      boolean[] nulls =
          TemporalVectors.union(
              TemporalVectors.union(TemporalVectors.nulls(a, n), TemporalVectors.nulls(b, n), n),
              TemporalVectors.nulls(r, n),
              n);
      ZoneOffsets.Cursor cursor = zone.cursor();
      double[] out = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i)) continue;
        out[i] = monthsBetween(t1[i], t2[i], round[i], zone, cursor);
      }
      return new DoubleVector(DataTypes.DoubleType, out, nulls, n);
    };
  }

  /**
   * Spark's {@code months_between}: whole months when both days of month are equal or both are
   * month ends; otherwise the difference in days and time of day counts in 31-day months. With
   * {@code roundOff} the result is rounded to 8 decimal places.
   */
  static double monthsBetween(
      long micros1, long micros2, boolean roundOff, ZoneOffsets zone, ZoneOffsets.Cursor c) {
    long day1 = Math.floorDiv(c.toLocal(Math.floorDiv(micros1, MICROS)), SECONDS_PER_DAY);
    long day2 = Math.floorDiv(c.toLocal(Math.floorDiv(micros2, MICROS)), SECONDS_PER_DAY);
    long p1 = CivilCalendar.civil(day1);
    long p2 = CivilCalendar.civil(day2);
    int y1 = CivilCalendar.packedYear(p1);
    int m1 = CivilCalendar.packedMonth(p1);
    int d1 = CivilCalendar.packedDay(p1);
    int y2 = CivilCalendar.packedYear(p2);
    int m2 = CivilCalendar.packedMonth(p2);
    int d2 = CivilCalendar.packedDay(p2);
    double monthDiff = (y1 * 12L + m1) - (y2 * 12L + m2);
    boolean bothMonthEnds =
        d1 == CivilCalendar.lengthOfMonth(y1, m1) && d2 == CivilCalendar.lengthOfMonth(y2, m2);
    if (d1 == d2 || bothMonthEnds) return monthDiff;
    long secondsInDay1 = (micros1 - zone.startOfDay(day1) * MICROS) / MICROS;
    long secondsInDay2 = (micros2 - zone.startOfDay(day2) * MICROS) / MICROS;
    long secondsDiff = (d1 - d2) * SECONDS_PER_DAY + secondsInDay1 - secondsInDay2;
    double diff = monthDiff + secondsDiff / SECONDS_PER_31_DAYS;
    return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
  }

  // --- from_utc_timestamp / to_utc_timestamp --------------------------------------------------

  /**
   * {@code from_utc_timestamp(ts, tz)} reads {@code ts} as UTC wall-clock time and gives the
   * instant whose UTC wall clock shows {@code tz}'s local time; {@code to_utc_timestamp} is the
   * reverse. Independent of the session time zone. A zone that names none raises {@code
   * INVALID_TIMEZONE}.
   */
  private static VectorEvaluator shiftZone(
      ScalarFunction call, List<VectorEvaluator> args, boolean fromUtc) {
    ZoneArgument zones = new ZoneArgument(call.arg(1), args.get(1));
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(0).evaluate(batch);
      long[] micros = TemporalVectors.longs(in, n);
      boolean[] nulls = TemporalVectors.writable(TemporalVectors.nulls(in, n), n);
      BytesVector names = zones.perRow() ? (BytesVector) args.get(1).evaluate(batch) : null;
      ZoneOffsets fixed = zones.fixed();
      ZoneOffsets.Cursor cursor = fixed == null ? null : fixed.cursor();
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        ZoneOffsets zone = fixed;
        ZoneOffsets.Cursor c = cursor;
        if (names != null) {
          if (names.isNullAt(i)) {
            nulls[i] = true;
            continue;
          }
          zone = zones.lookup(names.getString(i));
          c = zone.cursor();
        } else if (zone == null) {
          if (zones.constantIsNull()) {
            nulls[i] = true;
            continue;
          }
          throw DateTimeErrors.invalidTimeZone(zones.constantText());
        }
        long seconds = Math.floorDiv(micros[i], MICROS);
        long fraction = Math.floorMod(micros[i], MICROS);
        long shifted = fromUtc ? seconds + c.offsetAt(seconds) : zone.toUtc(seconds);
        out[i] = shifted * MICROS + fraction;
      }
      return new LongVector(DataTypes.TimestampType, out, nulls, n);
    };
  }
}
