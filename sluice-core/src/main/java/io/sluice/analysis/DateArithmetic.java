package io.sluice.analysis;

import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.NullType;
import io.sluice.types.TimestampType;
import java.util.List;
import java.util.Optional;

/**
 * Spark's rewrite of date arithmetic written with operators: {@code d + n} and {@code n + d} are
 * {@code date_add(d, n)}, {@code d - n} is {@code date_sub(d, n)} (so the generated column name is
 * {@code date_add(d, 1)}, as in Spark). Only integral day counts (or a null) are rewritten;
 * anything else is left for the operator's own checks, which accept a timestamp shifted by a
 * day-time interval ({@link #isTimestampShift}).
 */
final class DateArithmetic {
  private DateArithmetic() {}

  /** The call {@code e} stands for, or {@code e} itself. */
  static Expression rewrite(Expression e, ImplicitCasts casts) {
    if (!(e instanceof BinaryArithmetic b)) return e;
    DataType lt = b.left().dataType();
    DataType rt = b.right().dataType();
    // Spark's TimeAdd: the timestamp goes left (interval + ts is ts + interval) and a date
    // shifted by a day-time interval is first cast to a timestamp.
    boolean shift = b.op() == BinaryArithmetic.Op.ADD || b.op() == BinaryArithmetic.Op.SUBTRACT;
    if (shift && lt instanceof DateType && rt instanceof DayTimeIntervalType) {
      return b.withChildren(List.of(toTimestamp(b.left(), casts), b.right()));
    }
    if (b.op() == BinaryArithmetic.Op.ADD
        && lt instanceof DayTimeIntervalType
        && (rt instanceof TimestampType || rt instanceof DateType)) {
      Expression ts = rt instanceof TimestampType ? b.right() : toTimestamp(b.right(), casts);
      return b.withChildren(List.of(ts, b.left()));
    }
    return switch (b.op()) {
      case ADD -> {
        if (lt instanceof DateType && isDayCount(rt)) {
          yield call("date_add", b.left(), b.right(), casts, e);
        }
        if (rt instanceof DateType && isDayCount(lt)) {
          yield call("date_add", b.right(), b.left(), casts, e);
        }
        yield e;
      }
      case SUBTRACT ->
          lt instanceof DateType && isDayCount(rt)
              ? call("date_sub", b.left(), b.right(), casts, e)
              : e;
      case MULTIPLY, DIVIDE, INTEGRAL_DIVIDE, REMAINDER, PMOD -> e;
    };
  }

  /**
   * {@code ts + interval} or {@code ts - interval} with a day-time interval: Spark's {@code
   * TimeAdd}, a shift on the instant time line, which the arithmetic evaluator computes as is.
   */
  static boolean isTimestampShift(Expression e) {
    return e instanceof BinaryArithmetic b
        && (b.op() == BinaryArithmetic.Op.ADD || b.op() == BinaryArithmetic.Op.SUBTRACT)
        && b.left().dataType() instanceof TimestampType
        && b.right().dataType() instanceof DayTimeIntervalType;
  }

  private static Expression toTimestamp(Expression e, ImplicitCasts casts) {
    return casts.cast(e, InputType.exact(DataTypes.TimestampType)).orElse(e);
  }

  private static boolean isDayCount(DataType t) {
    return t.isIntegral() || t instanceof NullType;
  }

  private static Expression call(
      String name, Expression date, Expression days, ImplicitCasts casts, Expression original) {
    Optional<Expression> n = casts.cast(days, DateTimeFunctionSpecs.DAYS);
    if (n.isEmpty()) return original;
    List<Expression> args = List.of(date, n.get());
    return ScalarFunction.of(name, args, DataTypes.DateType, date.nullable() || n.get().nullable());
  }
}
