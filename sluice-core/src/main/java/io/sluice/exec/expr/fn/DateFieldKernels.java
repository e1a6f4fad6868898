package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.types.DataTypes;
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
    WEEK_OF_YEAR
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
    }
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
