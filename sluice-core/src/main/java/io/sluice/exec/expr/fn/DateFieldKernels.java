package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.time.ZoneId;
import java.util.Map;

/**
 * Field extraction: {@code year}, {@code quarter}, {@code month}, {@code dayofmonth}, {@code
 * dayofweek} (1 = Sunday), {@code dayofyear}, {@code weekofyear} (ISO weeks) over dates, and {@code
 * hour}, {@code minute}, {@code second} over timestamps in the session time zone. Plain integer
 * arithmetic per row ({@link CivilCalendar}); zone offsets come from a {@link ZoneOffsets.Cursor},
 * so no {@code java.time} object is made per row.
 */
final class DateFieldKernels {
  private DateFieldKernels() {}

  enum DateField {
    YEAR,
    QUARTER,
    MONTH,
    DAY_OF_MONTH,
    DAY_OF_WEEK,
    DAY_OF_YEAR,
    WEEK_OF_YEAR,
    ISO_DAY_OF_WEEK,
    YEAR_OF_WEEK
  }

  enum TimeField {
    HOUR,
    MINUTE,
    SECOND
  }

  static void register(Map<String, ScalarKernel> m) {
    m.put("year", (call, args, ctx) -> dateField(args.get(0), DateField.YEAR));
    m.put("quarter", (call, args, ctx) -> dateField(args.get(0), DateField.QUARTER));
    m.put("month", (call, args, ctx) -> dateField(args.get(0), DateField.MONTH));
    m.put("dayofmonth", (call, args, ctx) -> dateField(args.get(0), DateField.DAY_OF_MONTH));
    m.put("dayofweek", (call, args, ctx) -> dateField(args.get(0), DateField.DAY_OF_WEEK));
    m.put("dayofyear", (call, args, ctx) -> dateField(args.get(0), DateField.DAY_OF_YEAR));
    m.put("weekofyear", (call, args, ctx) -> dateField(args.get(0), DateField.WEEK_OF_YEAR));
    m.put("hour", (call, args, ctx) -> timeField(args.get(0), TimeField.HOUR, ctx.timeZone()));
    m.put("minute", (call, args, ctx) -> timeField(args.get(0), TimeField.MINUTE, ctx.timeZone()));
    m.put("second", (call, args, ctx) -> timeField(args.get(0), TimeField.SECOND, ctx.timeZone()));
    // the fields of extract/date_part that have no function of their own
    m.put("dayofweek_iso", (call, args, ctx) -> dateField(args.get(0), DateField.ISO_DAY_OF_WEEK));
    m.put("yearofweek", (call, args, ctx) -> dateField(args.get(0), DateField.YEAR_OF_WEEK));
    m.put("second_with_fraction", (call, args, ctx) -> secondWithFraction(args.get(0), ctx));
  }

  static VectorEvaluator dateField(VectorEvaluator arg, DateField field) {
    return batch -> {
      ColumnVector in = arg.evaluate(batch);
      int n = batch.numRows();
      int[] days = TemporalVectors.ints(in, n);
      int[] out = new int[Math.max(n, 1)];
      extract(field, days, out, n);
      return new IntVector(DataTypes.IntegerType, out, TemporalVectors.nulls(in, n), n);
    };
  }

  /** One loop per field, so each loop body is a straight run of arithmetic. */
  static void extract(DateField field, int[] days, int[] out, int n) {
    switch (field) {
      case YEAR -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.year(days[i]);
      }
      case QUARTER -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.quarter(days[i]);
      }
      case MONTH -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.month(days[i]);
      }
      case DAY_OF_MONTH -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.dayOfMonth(days[i]);
      }
      case DAY_OF_WEEK -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.dayOfWeekFromSunday(days[i]);
      }
      case DAY_OF_YEAR -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.dayOfYear(days[i]);
      }
      case WEEK_OF_YEAR -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.isoWeekOfYear(days[i]);
      }
      case ISO_DAY_OF_WEEK -> {
        for (int i = 0; i < n; i++) out[i] = CivilCalendar.isoDayOfWeek(days[i]);
      }
      case YEAR_OF_WEEK -> {
        // the ISO week-based year is the year of the week's Thursday
        for (int i = 0; i < n; i++) {
          out[i] = CivilCalendar.year(days[i] - CivilCalendar.isoDayOfWeek(days[i]) + 4L);
        }
      }
    }
  }

  /**
   * Seconds with their fraction, as {@code decimal(8,6)} (Spark's {@code SecondWithFraction}, the
   * {@code SECOND} field of {@code extract}): the unscaled value is the microsecond of the minute.
   */
  static VectorEvaluator secondWithFraction(VectorEvaluator arg, EvalContext ctx) {
    ZoneOffsets offsets = ZoneOffsets.of(ctx.timeZone());
    DecimalType type = new DecimalType(8, 6);
    return batch -> {
      ColumnVector in = arg.evaluate(batch);
      int n = batch.numRows();
      long[] micros = TemporalVectors.longs(in, n);
      DecimalVector out = new DecimalVector(type, n);
      ZoneOffsets.Cursor cursor = offsets.cursor();
      for (int i = 0; i < n; i++) {
        long local = cursor.toLocal(Math.floorDiv(micros[i], 1_000_000L));
        long second = Math.floorMod(local, 60L);
        out.setUnscaled(i, second * 1_000_000L + Math.floorMod(micros[i], 1_000_000L));
      }
      out.setSize(n);
      boolean[] nulls = TemporalVectors.nulls(in, n);
      if (nulls != null) out.setNulls(nulls);
      return out;
    };
  }

  static VectorEvaluator timeField(VectorEvaluator arg, TimeField field, ZoneId zone) {
    ZoneOffsets offsets = ZoneOffsets.of(zone);
    return batch -> {
      ColumnVector in = arg.evaluate(batch);
      int n = batch.numRows();
      long[] micros = TemporalVectors.longs(in, n);
      int[] out = new int[Math.max(n, 1)];
      ZoneOffsets.Cursor cursor = offsets.cursor();
      for (int i = 0; i < n; i++) {
        long local = cursor.toLocal(Math.floorDiv(micros[i], 1_000_000L));
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        out[i] =
            switch (field) {
              case HOUR -> secondOfDay / 3600;
              case MINUTE -> secondOfDay / 60 % 60;
              case SECOND -> secondOfDay % 60;
            };
      }
      return new IntVector(DataTypes.IntegerType, out, TemporalVectors.nulls(in, n), n);
    };
  }
}
