package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IntervalStrings;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.SessionWindow;
import io.sluice.plan.expr.TimeWindow;
import io.sluice.plan.expr.WindowTime;
import io.sluice.types.CalendarInterval;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataTypes;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import java.util.List;

/**
 * The event-time window functions: {@code window(ts, windowDuration[, slideDuration[,
 * startTime]])}, {@code session_window(ts, gapDuration)} and {@code window_time(window)}. Their
 * builders check the arguments as Spark's {@code TimeWindow}, {@code SessionWindow} and {@code
 * WindowTime} do and build those placeholders, which {@link ResolveTimeWindows} turns into window
 * columns computed below the operator that uses them.
 */
final class TimeWindowFunctionSpecs {
  private TimeWindowFunctionSpecs() {}

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** A timestamp, or a window column (whose {@code window_time} is then used). */
  static final InputType TIME_COLUMN =
      InputType.oneOf(
          new InputType.AnyOf(InputType.Family.ANY_TIMESTAMP),
          InputType.exact(TimeWindow.structType(DataTypes.TimestampType)));

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar(
            "window",
            Arity.oneOf(2, 3, 4),
            List.of(TIME_COLUMN, InputType.ANY),
            TimeWindowFunctionSpecs::window),
        FunctionSpec.scalar(
            "session_window",
            Arity.exactly(2),
            List.of(TIME_COLUMN, InputType.ANY),
            TimeWindowFunctionSpecs::sessionWindow),
        FunctionSpec.scalar(
            "window_time",
            Arity.exactly(1),
            List.of(InputType.exact(TimeWindow.structType(DataTypes.TimestampType))),
            c -> new WindowTime(c.arg(0))));
  }

  private static Expression window(FunctionCall c) {
    long window = duration(c.arg(1));
    long slide = c.arguments().size() > 2 ? duration(c.arg(2)) : window;
    long start = c.arguments().size() > 3 ? duration(c.arg(3)) : 0;
    TimeWindow w = new TimeWindow(c.arg(0), window, slide, start);
    String sqlExpr = QueryErrors.toSQLExpr(w);
    if (window <= 0) throw outOfRange(sqlExpr, "window_duration", window);
    if (slide <= 0) throw outOfRange(sqlExpr, "slide_duration", slide);
    if (slide > window) {
      throw constraint(sqlExpr, "slide_duration", slide, "<=", "window_duration", window);
    }
    if (Math.abs(start) >= slide) {
      throw constraint(sqlExpr, "abs(start_time)", Math.abs(start), "<", "slide_duration", slide);
    }
    return w;
  }

  /**
   * A duration in microseconds: an integer or long literal as is, a string literal as interval text
   * (days count 24 hours; months are refused).
   */
  static long duration(Expression e) {
    if (e instanceof Literal l && l.value() != null) {
      if (l.dataType() instanceof StringType) return durationOf((String) l.value());
      if (l.dataType() instanceof IntegerType || l.dataType() instanceof LongType) {
        return ((Number) l.value()).longValue();
      }
    }
    throw QueryErrors.error(ErrorClass.WINDOW_DURATION_NOT_LITERAL);
  }

  private static long durationOf(String text) {
    CalendarInterval ci;
    try {
      ci = IntervalStrings.parse(text);
    } catch (IntervalStrings.InvalidIntervalException e) {
      throw QueryErrors.error(ErrorClass.CANNOT_PARSE_INTERVAL, "intervalString", "'" + text + "'");
    }
    if (ci.months() != 0) {
      throw QueryErrors.error(ErrorClass.WINDOW_DURATION_WITH_MONTHS, "interval", text);
    }
    try {
      return Math.addExact(Math.multiplyExact(ci.days(), MICROS_PER_DAY), ci.microseconds());
    } catch (ArithmeticException e) {
      throw QueryErrors.error(ErrorClass.CANNOT_PARSE_INTERVAL, "intervalString", "'" + text + "'");
    }
  }

  private static RuntimeException outOfRange(String sqlExpr, String name, long value) {
    return QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE,
        "sqlExpr",
        sqlExpr,
        "exprName",
        QueryErrors.toSQLId(name),
        "valueRange",
        "(0, " + Long.MAX_VALUE + "]",
        "currentValue",
        value + "L");
  }

  private static RuntimeException constraint(
      String sqlExpr, String left, long leftValue, String op, String right, long rightValue) {
    return QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_PARAMETER_CONSTRAINT_VIOLATION,
        "sqlExpr",
        sqlExpr,
        "leftExprName",
        QueryErrors.toSQLId(left),
        "leftExprValue",
        leftValue + "L",
        "constraint",
        op,
        "rightExprName",
        QueryErrors.toSQLId(right),
        "rightExprValue",
        rightValue + "L");
  }

  /** The gap: a calendar interval or its text as is; a null is a null interval. */
  private static Expression sessionWindow(FunctionCall c) {
    Expression gap = c.arg(1);
    if (gap.dataType() instanceof NullType) {
      gap = new Literal(null, DataTypes.CalendarIntervalType);
    } else if (!(gap.dataType() instanceof CalendarIntervalType
        || gap.dataType() instanceof StringType)) {
      throw QueryErrors.error(
          ErrorClass.SESSION_WINDOW_GAP_DURATION_TYPE, "dt", gap.dataType().toString());
    }
    return new SessionWindow(c.arg(0), gap);
  }
}
