package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalErrors;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Date arithmetic over days since the epoch: {@code date_add}, {@code date_sub}, {@code
 * add_months}, {@code datediff}, {@code last_day}, {@code next_day}, {@code trunc} and {@code
 * make_date}. Constant string arguments (a day of week, a unit) are read once per query.
 */
final class DateKernels {
  private static final int MAX_YEAR = 999_999_999;

  private DateKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("date_add", (call, args, ctx) -> addDays(args, 1));
    m.put("date_sub", (call, args, ctx) -> addDays(args, -1));
    m.put("datediff", (call, args, ctx) -> dateDiff(args));
    m.put("add_months", (call, args, ctx) -> addMonths(args));
    m.put("last_day", (call, args, ctx) -> lastDay(args.get(0)));
    m.put("next_day", (call, args, ctx) -> nextDay(call, args, ctx.ansi()));
    m.put("trunc", (call, args, ctx) -> trunc(call, args));
    m.put("make_date", (call, args, ctx) -> makeDate(args, ctx.ansi()));
  }

  /** {@code date_add}/{@code date_sub}: int arithmetic that wraps, as Spark's. */
  private static VectorEvaluator addDays(List<VectorEvaluator> args, int sign) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector start = args.get(0).evaluate(batch);
      ColumnVector delta = args.get(1).evaluate(batch);
      int[] days = TemporalVectors.ints(start, n);
      int[] d = TemporalVectors.ints(delta, n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = days[i] + sign * d[i];
      boolean[] nulls =
          TemporalVectors.union(
              TemporalVectors.nulls(start, n), TemporalVectors.nulls(delta, n), n);
      return new IntVector(DataTypes.DateType, out, nulls, n);
    };
  }

  private static VectorEvaluator dateDiff(List<VectorEvaluator> args) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector end = args.get(0).evaluate(batch);
      ColumnVector start = args.get(1).evaluate(batch);
      int[] e = TemporalVectors.ints(end, n);
      int[] s = TemporalVectors.ints(start, n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = e[i] - s[i];
      boolean[] nulls =
          TemporalVectors.union(TemporalVectors.nulls(end, n), TemporalVectors.nulls(start, n), n);
      return new IntVector(DataTypes.IntegerType, out, nulls, n);
    };
  }

  private static VectorEvaluator addMonths(List<VectorEvaluator> args) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector start = args.get(0).evaluate(batch);
      ColumnVector months = args.get(1).evaluate(batch);
      int[] days = TemporalVectors.ints(start, n);
      int[] m = TemporalVectors.ints(months, n);
      boolean[] nulls =
          TemporalVectors.union(
              TemporalVectors.nulls(start, n), TemporalVectors.nulls(months, n), n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i)) continue;
        out[i] = toDays(CivilCalendar.addMonths(days[i], m[i]));
      }
      return new IntVector(DataTypes.DateType, out, nulls, n);
    };
  }

  private static VectorEvaluator lastDay(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = arg.evaluate(batch);
      int[] days = TemporalVectors.ints(in, n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (int) CivilCalendar.lastDayOfMonth(days[i]);
      return new IntVector(DataTypes.DateType, out, TemporalVectors.nulls(in, n), n);
    };
  }

  /** A date as an {@code int}, or {@code ARITHMETIC_OVERFLOW} past the date range. */
  static int toDays(long epochDay) {
    if (epochDay != (int) epochDay) throw EvalErrors.arithmeticOverflow("integer overflow", "");
    return (int) epochDay;
  }

  // --- next_day -----------------------------------------------------------------------------

  /**
   * {@code next_day(d, 'TU')}: the first date after {@code d} on that day of the week. An unknown
   * day name gives null, or {@code ILLEGAL_DAY_OF_WEEK} in ANSI mode.
   */
  private static VectorEvaluator nextDay(
      ScalarFunction call, List<VectorEvaluator> args, boolean ansi) {
    Object constant = TemporalVectors.constant(call.arg(1), args.get(1));
    String fixedName = constant instanceof String s ? s : null;
    int fixedDay = fixedName == null ? 0 : isoDayOfWeek(fixedName);
    boolean perRow = constant == TemporalVectors.NOT_CONSTANT;
    return batch -> {
      int n = batch.numRows();
      ColumnVector start = args.get(0).evaluate(batch);
      int[] days = TemporalVectors.ints(start, n);
      boolean[] nulls = TemporalVectors.writable(TemporalVectors.nulls(start, n), n);
      BytesVector names = perRow ? (BytesVector) args.get(1).evaluate(batch) : null;
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        int target = fixedDay;
        String name = fixedName;
        if (perRow) {
          name = names.isNullAt(i) ? null : names.getString(i);
          target = name == null ? 0 : isoDayOfWeek(name);
        }
        if (target == 0) {
          if (ansi && name != null) throw DateTimeErrors.illegalDayOfWeek(name);
          nulls[i] = true;
          continue;
        }
        int current = CivilCalendar.isoDayOfWeek(days[i]);
        out[i] = days[i] + Math.floorMod(target - current - 1, 7) + 1;
      }
      return new IntVector(DataTypes.DateType, out, nulls, n);
    };
  }

  /** 1 = Monday ... 7 = Sunday for Spark's day names; 0 for others. */
  static int isoDayOfWeek(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "MO", "MON", "MONDAY" -> 1;
      case "TU", "TUE", "TUESDAY" -> 2;
      case "WE", "WED", "WEDNESDAY" -> 3;
      case "TH", "THU", "THURSDAY" -> 4;
      case "FR", "FRI", "FRIDAY" -> 5;
      case "SA", "SAT", "SATURDAY" -> 6;
      case "SU", "SUN", "SUNDAY" -> 7;
      default -> 0;
    };
  }

  // --- trunc ----------------------------------------------------------------------------------

  /** {@code trunc(d, 'MM')}: null for a unit finer than a week or unknown. */
  private static VectorEvaluator trunc(ScalarFunction call, List<VectorEvaluator> args) {
    Object constant = TemporalVectors.constant(call.arg(1), args.get(1));
    boolean perRow = constant == TemporalVectors.NOT_CONSTANT;
    TruncLevel fixed = constant instanceof String s ? dateLevel(s) : null;
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(0).evaluate(batch);
      int[] days = TemporalVectors.ints(in, n);
      boolean[] nulls = TemporalVectors.writable(TemporalVectors.nulls(in, n), n);
      BytesVector units = perRow ? (BytesVector) args.get(1).evaluate(batch) : null;
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        TruncLevel level = fixed;
        if (perRow) level = units.isNullAt(i) ? null : dateLevel(units.getString(i));
        if (level == null) {
          nulls[i] = true;
        } else {
          out[i] = (int) level.truncateDay(days[i]);
        }
      }
      return new IntVector(DataTypes.DateType, out, nulls, n);
    };
  }

  private static TruncLevel dateLevel(String unit) {
    TruncLevel level = TruncLevel.parse(unit);
    return level != null && level.appliesToDates() ? level : null;
  }

  // --- make_date ------------------------------------------------------------------------------

  /**
   * {@code make_date(y, m, d)}: invalid fields give null, or {@code DATETIME_FIELD_OUT_OF_BOUNDS}
   * with {@code java.time}'s message in ANSI mode.
   */
  private static VectorEvaluator makeDate(List<VectorEvaluator> args, boolean ansi) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector yv = args.get(0).evaluate(batch);
      ColumnVector mv = args.get(1).evaluate(batch);
      ColumnVector dv = args.get(2).evaluate(batch);
      int[] y = TemporalVectors.ints(yv, n);
      int[] m = TemporalVectors.ints(mv, n);
      int[] d = TemporalVectors.ints(dv, n);
      boolean[] nulls =
          TemporalVectors.writable(
              TemporalVectors.union(
                  TemporalVectors.union(
                      TemporalVectors.nulls(yv, n), TemporalVectors.nulls(mv, n), n),
                  TemporalVectors.nulls(dv, n),
                  n),
              n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        if (validDate(y[i], m[i], d[i])) {
          out[i] = toDays(CivilCalendar.daysFromCivil(y[i], m[i], d[i]));
        } else if (ansi) {
          throw DateTimeErrors.fieldOutOfBounds(dateError(y[i], m[i], d[i]));
        } else {
          nulls[i] = true;
        }
      }
      return new IntVector(DataTypes.DateType, out, nulls, n);
    };
  }

  static boolean validDate(long year, int month, int day) {
    return year >= -MAX_YEAR
        && year <= MAX_YEAR
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= CivilCalendar.lengthOfMonth(year, month);
  }

  /** {@code java.time}'s complaint about an invalid date, for the error message. */
  static RuntimeException dateError(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return new DateTimeException("Invalid date " + year + "-" + month + "-" + day);
    } catch (DateTimeException e) {
      return e;
    }
  }
}
