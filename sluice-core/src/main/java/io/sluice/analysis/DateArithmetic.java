package io.sluice.analysis;

import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.util.List;
import java.util.Optional;

/**
 * Spark 4's rewrite of {@code +} and {@code -} over dates and timestamps ({@code
 * BinaryArithmeticWithDatetimeResolver}), with Spark's generated names:
 *
 * <ul>
 *   <li>{@code d + n}, {@code n + d}, {@code d - n} (integral n) are {@code date_add(d, n)} and
 *       {@code date_sub(d, n)};
 *   <li>{@code d ± INTERVAL n DAY} (a day-only interval) is a date: {@code date_add(d,
 *       extractansiintervaldays(i))}, {@code date_add(d, (- extractansiintervaldays(i)))};
 *   <li>a date or timestamp ± another day-time interval is a timestamp (the date read as midnight),
 *       named {@code ts + i} / {@code ts - i}: whole days move on the local calendar, the rest on
 *       the time line ({@code TimeAdd});
 *   <li>a date ± a year-month interval is a date ({@code add_months}), a timestamp ± one a
 *       timestamp, named {@code d + i} / {@code d - i};
 *   <li>{@code d1 - d2} is an {@code INTERVAL DAY} ({@code SubtractDates}) and, when either side is
 *       a timestamp, {@code t1 - t2} an {@code INTERVAL DAY TO SECOND} of the local date-times'
 *       difference ({@code SubtractTimestamps}), both named {@code (a - b)}.
 * </ul>
 *
 * An interval goes after the date or timestamp it shifts whichever side it was written on; {@code
 * interval - timestamp} is left to the operator's own checks, which reject it.
 */
final class DateArithmetic {
  private DateArithmetic() {}

  private static final DataType INTERVAL_DAY_TO_SECOND =
      new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.SECOND);
  private static final DataType INTERVAL_DAY =
      new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY);

  /** The expression {@code e} stands for, or {@code e} itself. */
  static Expression rewrite(Expression e, ImplicitCasts casts, EvalMode mode) {
    if (!(e instanceof BinaryArithmetic b)) return e;
    Expression l = b.left();
    Expression r = b.right();
    return switch (b.op()) {
      case ADD -> {
        Expression shifted = shift(l, r, false, casts, mode);
        if (shifted == null) shifted = shift(r, l, false, casts, mode);
        if (shifted != null) yield shifted;
        if (l.dataType() instanceof DateType && isDayCount(r.dataType())) {
          yield dateAddDays("date_add", l, r, casts, e);
        }
        if (r.dataType() instanceof DateType && isDayCount(l.dataType())) {
          yield dateAddDays("date_add", r, l, casts, e);
        }
        yield e;
      }
      case SUBTRACT -> {
        Expression shifted = shift(l, r, true, casts, mode);
        if (shifted != null) yield shifted;
        if (l.dataType() instanceof TimestampType || r.dataType() instanceof TimestampType) {
          yield subtractTimestamps(b, casts, e);
        }
        if (r.dataType() instanceof DateType) yield subtractDates(b, casts, e);
        if (l.dataType() instanceof DateType && isDayCount(r.dataType())) {
          yield dateAddDays("date_sub", l, r, casts, e);
        }
        yield e;
      }
      case MULTIPLY, DIVIDE, INTEGRAL_DIVIDE, REMAINDER, PMOD -> e;
    };
  }

  /**
   * {@code datetime ± interval}, or null when {@code datetime} is not a date or timestamp or {@code
   * interval} not an ANSI interval.
   */
  private static Expression shift(
      Expression datetime, Expression interval, boolean minus, ImplicitCasts casts, EvalMode mode) {
    DataType dt = datetime.dataType();
    DataType it = interval.dataType();
    boolean date = dt instanceof DateType;
    if (!date && !(dt instanceof TimestampType)) return null;
    String shown = datetime.sql() + (minus ? " - " : " + ") + interval.sql();
    if (it instanceof DayTimeIntervalType d) {
      if (date && d.startField() == DayTimeIntervalType.DAY && d.endField() == d.startField()) {
        Expression days =
            new ScalarFunction(
                "extractansiintervaldays",
                List.of(interval),
                DataTypes.IntegerType,
                interval.nullable(),
                false,
                "extractansiintervaldays");
        if (minus) days = new UnaryMinus(days, mode);
        return ScalarFunction.of(
            "date_add", List.of(datetime, days), DataTypes.DateType, nullable(datetime, interval));
      }
      Expression ts = date ? toTimestamp(datetime, casts) : datetime;
      Expression amount = minus ? new UnaryMinus(interval, mode) : interval;
      return RuntimeReplaceable.shownAs(
          shown,
          ScalarFunction.of(
              "timestamp_add_daytime",
              List.of(ts, amount),
              DataTypes.TimestampType,
              nullable(datetime, interval)));
    }
    if (it instanceof YearMonthIntervalType) {
      Expression months = minus ? new UnaryMinus(interval, mode) : interval;
      return RuntimeReplaceable.shownAs(
          shown,
          date
              ? ScalarFunction.of(
                  "add_months",
                  List.of(datetime, months),
                  DataTypes.DateType,
                  nullable(datetime, interval))
              : ScalarFunction.of(
                  "timestamp_add_months",
                  List.of(datetime, months),
                  DataTypes.TimestampType,
                  nullable(datetime, interval)));
    }
    return null;
  }

  /** {@code t1 - t2} with a timestamp on either side, the other a timestamp or a date. */
  private static Expression subtractTimestamps(
      BinaryArithmetic b, ImplicitCasts casts, Expression original) {
    if (!isDateOrTimestamp(b.left().dataType()) || !isDateOrTimestamp(b.right().dataType())) {
      return original;
    }
    Expression l = toTimestamp(b.left(), casts);
    Expression r = toTimestamp(b.right(), casts);
    return RuntimeReplaceable.shownAs(
        "(" + b.left().sql() + " - " + b.right().sql() + ")",
        ScalarFunction.of(
            "subtract_timestamps",
            List.of(l, r),
            INTERVAL_DAY_TO_SECOND,
            nullable(b.left(), b.right())));
  }

  /** {@code d1 - d2}: the left side may be a string read as a date. */
  private static Expression subtractDates(
      BinaryArithmetic b, ImplicitCasts casts, Expression original) {
    DataType lt = b.left().dataType();
    if (!(lt instanceof DateType || lt instanceof StringType || lt instanceof NullType)) {
      return original;
    }
    Optional<Expression> l = casts.cast(b.left(), InputType.exact(DataTypes.DateType));
    if (l.isEmpty()) return original;
    return RuntimeReplaceable.shownAs(
        "(" + b.left().sql() + " - " + b.right().sql() + ")",
        ScalarFunction.of(
            "subtract_dates",
            List.of(l.get(), b.right()),
            INTERVAL_DAY,
            nullable(b.left(), b.right())));
  }

  /**
   * {@code ts + interval} or {@code ts - interval} with a day-time interval as a plain operator:
   * what analysis accepted before this rewrite existed (the arithmetic evaluator computes it).
   */
  static boolean isTimestampShift(Expression e) {
    return e instanceof BinaryArithmetic b
        && (b.op() == BinaryArithmetic.Op.ADD || b.op() == BinaryArithmetic.Op.SUBTRACT)
        && b.left().dataType() instanceof TimestampType
        && b.right().dataType() instanceof DayTimeIntervalType;
  }

  /**
   * The timestamp {@code t} of {@code t - constant}, written as an operator or as the shift this
   * rewrite makes of it; null for other expressions (for the streaming checks, which follow event
   * times through {@code window_time}'s {@code w.end - 1 microsecond}).
   */
  static Expression minusConstant(Expression e) {
    if (e instanceof RuntimeReplaceable r) e = r.replacement();
    if (e instanceof BinaryArithmetic b
        && b.op() == BinaryArithmetic.Op.SUBTRACT
        && b.right() instanceof io.sluice.plan.expr.Literal) {
      return b.left();
    }
    if (e instanceof ScalarFunction f
        && f.name().equals("timestamp_add_daytime")
        && f.arguments().get(1) instanceof UnaryMinus m
        && m.child() instanceof io.sluice.plan.expr.Literal) {
      return f.arguments().get(0);
    }
    return null;
  }

  /**
   * The operands of a timestamp shift by a day-time interval this rewrite made ({@code ts +
   * amount}, the amount negated for a subtraction), or null.
   */
  static List<Expression> timestampShiftOperands(Expression e) {
    if (e instanceof RuntimeReplaceable r) e = r.replacement();
    if (e instanceof ScalarFunction f && f.name().equals("timestamp_add_daytime")) {
      return f.arguments();
    }
    return null;
  }

  private static boolean isDateOrTimestamp(DataType t) {
    return t instanceof DateType || t instanceof TimestampType;
  }

  private static boolean nullable(Expression a, Expression b) {
    return a.nullable() || b.nullable();
  }

  private static Expression toTimestamp(Expression e, ImplicitCasts casts) {
    return casts.cast(e, InputType.exact(DataTypes.TimestampType)).orElse(e);
  }

  private static boolean isDayCount(DataType t) {
    return t.isIntegral() || t instanceof NullType;
  }

  private static Expression dateAddDays(
      String name, Expression date, Expression days, ImplicitCasts casts, Expression original) {
    Optional<Expression> n = casts.cast(days, DateTimeFunctionSpecs.DAYS);
    if (n.isEmpty()) return original;
    List<Expression> args = List.of(date, n.get());
    return ScalarFunction.of(name, args, DataTypes.DateType, date.nullable() || n.get().nullable());
  }
}
