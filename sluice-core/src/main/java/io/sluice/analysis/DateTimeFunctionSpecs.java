package io.sluice.analysis;

import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry entries of the date and time functions; their kernels live in {@code exec.expr.fn}
 * ({@code DateTimeKernels}). Names, argument types, result types and generated column names follow
 * Spark 4: {@code date_add(d, 1)}, {@code months_between(a, b, true)}, {@code
 * unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)}.
 *
 * <p>{@code current_timestamp()}, {@code now()} and {@code current_date()} are marked
 * nondeterministic so the optimizer never folds them into a literal at planning time: their kernels
 * read the instant of the query execution ({@code EvalContext.currentMicros()}), the same for every
 * occurrence and every task of one execution, and new for the next execution.
 */
final class DateTimeFunctionSpecs {
  private DateTimeFunctionSpecs() {}

  static final InputType DATE = InputType.exact(DataTypes.DateType);
  static final InputType TIMESTAMP = InputType.exact(DataTypes.TimestampType);
  static final InputType INT = InputType.exact(DataTypes.IntegerType);

  /** Day counts of {@code date_add}: int, smallint or tinyint. */
  static final InputType DAYS =
      InputType.oneOf(
          INT, InputType.exact(DataTypes.ShortType), InputType.exact(DataTypes.ByteType));

  /** What the parsers read: text, a date or a timestamp. */
  static final InputType PARSEABLE = InputType.oneOf(InputType.STRING, DATE, TIMESTAMP);

  private static final InputType PARSEABLE_OR_NUMBER =
      InputType.oneOf(InputType.STRING, DATE, TIMESTAMP, InputType.NUMERIC);
  private static final DecimalType SECONDS = new DecimalType(16, 6);

  /** Spark's default pattern of {@code unix_timestamp} and {@code from_unixtime}. */
  private static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

  static FunctionRegistry register(FunctionRegistry r) {
    r =
        r.with(
            FunctionSpec.scalar(
                "current_timestamp",
                Arity.exactly(0),
                c -> now("current_timestamp", DataTypes.TimestampType, "current_timestamp")),
            FunctionSpec.scalar(
                "now",
                Arity.exactly(0),
                c -> now("current_timestamp", DataTypes.TimestampType, "now")),
            FunctionSpec.scalar(
                "current_date",
                Arity.exactly(0),
                c -> now("current_date", DataTypes.DateType, "current_date")),
            FunctionSpec.scalar(
                "to_timestamp",
                Arity.oneOf(1, 2),
                List.of(PARSEABLE_OR_NUMBER, InputType.STRING),
                c -> parse(c, DataTypes.TimestampType)),
            FunctionSpec.scalar(
                "to_date",
                Arity.oneOf(1, 2),
                List.of(PARSEABLE, InputType.STRING),
                c -> parse(c, DataTypes.DateType)),
            FunctionSpec.scalar(
                "unix_timestamp",
                Arity.oneOf(0, 1, 2),
                List.of(PARSEABLE, InputType.STRING),
                c -> unixTimestamp(c)),
            FunctionSpec.scalar(
                "to_unix_timestamp",
                Arity.oneOf(1, 2),
                List.of(PARSEABLE, InputType.STRING),
                c -> unixTimestamp(c)),
            FunctionSpec.scalar(
                "date_format",
                Arity.exactly(2),
                List.of(TIMESTAMP, InputType.STRING),
                c -> fn("date_format", c, DataTypes.StringType)),
            FunctionSpec.scalar(
                "from_unixtime",
                Arity.oneOf(1, 2),
                List.of(InputType.exact(DataTypes.LongType), InputType.STRING),
                c -> fromUnixTime(c)));
    r = fields(r);
    r = arithmetic(r);
    return conversions(r);
  }

  private static FunctionRegistry fields(FunctionRegistry r) {
    List<InputType> date = List.of(DATE);
    List<InputType> ts = List.of(TIMESTAMP);
    return r.with(
        FunctionSpec.scalar("year", Arity.exactly(1), date, c -> intField("year", c)),
        FunctionSpec.scalar("quarter", Arity.exactly(1), date, c -> intField("quarter", c)),
        FunctionSpec.scalar("month", Arity.exactly(1), date, c -> intField("month", c)),
        FunctionSpec.scalar("dayofmonth", Arity.exactly(1), date, c -> intField("dayofmonth", c)),
        FunctionSpec.scalar(
            "day",
            Arity.exactly(1),
            date,
            c -> aliased("dayofmonth", "day", c, DataTypes.IntegerType)),
        FunctionSpec.scalar("dayofweek", Arity.exactly(1), date, c -> intField("dayofweek", c)),
        FunctionSpec.scalar("dayofyear", Arity.exactly(1), date, c -> intField("dayofyear", c)),
        FunctionSpec.scalar("weekofyear", Arity.exactly(1), date, c -> intField("weekofyear", c)),
        FunctionSpec.scalar("hour", Arity.exactly(1), ts, c -> intField("hour", c)),
        FunctionSpec.scalar("minute", Arity.exactly(1), ts, c -> intField("minute", c)),
        FunctionSpec.scalar("second", Arity.exactly(1), ts, c -> intField("second", c)));
  }

  private static FunctionRegistry arithmetic(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar(
            "date_add",
            Arity.exactly(2),
            List.of(DATE, DAYS),
            c -> fn("date_add", c, DataTypes.DateType)),
        FunctionSpec.scalar(
            "dateadd",
            Arity.exactly(2),
            List.of(DATE, DAYS),
            c -> aliased("date_add", "dateadd", c, DataTypes.DateType)),
        FunctionSpec.scalar(
            "date_sub",
            Arity.exactly(2),
            List.of(DATE, DAYS),
            c -> fn("date_sub", c, DataTypes.DateType)),
        FunctionSpec.scalar(
            "add_months",
            Arity.exactly(2),
            List.of(DATE, INT),
            c -> fn("add_months", c, DataTypes.DateType)),
        FunctionSpec.scalar(
            "datediff",
            Arity.exactly(2),
            List.of(DATE, DATE),
            c -> fn("datediff", c, DataTypes.IntegerType)),
        FunctionSpec.scalar(
            "date_diff",
            Arity.exactly(2),
            List.of(DATE, DATE),
            c -> aliased("datediff", "date_diff", c, DataTypes.IntegerType)),
        FunctionSpec.scalar(
            "months_between",
            Arity.oneOf(2, 3),
            List.of(TIMESTAMP, TIMESTAMP, InputType.BOOLEAN),
            c -> monthsBetween(c)),
        FunctionSpec.scalar(
            "last_day",
            Arity.exactly(1),
            List.of(DATE),
            c -> fn("last_day", c, DataTypes.DateType)),
        FunctionSpec.scalar(
            "next_day",
            Arity.exactly(2),
            List.of(DATE, InputType.STRING),
            c -> ScalarFunction.of("next_day", c.arguments(), DataTypes.DateType, true)),
        FunctionSpec.scalar(
            "date_trunc",
            Arity.exactly(2),
            List.of(InputType.STRING, TIMESTAMP),
            c -> ScalarFunction.of("date_trunc", c.arguments(), DataTypes.TimestampType, true)),
        FunctionSpec.scalar(
            "trunc",
            Arity.exactly(2),
            List.of(DATE, InputType.STRING),
            c -> ScalarFunction.of("trunc", c.arguments(), DataTypes.DateType, true)));
  }

  private static FunctionRegistry conversions(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar(
            "make_date",
            Arity.exactly(3),
            List.of(INT, INT, INT),
            c -> makeFunction("make_date", c, DataTypes.DateType)),
        FunctionSpec.scalar(
            "make_timestamp",
            Arity.oneOf(6, 7),
            List.of(INT, INT, INT, INT, INT, InputType.exact(SECONDS), InputType.STRING),
            c -> makeFunction("make_timestamp", c, DataTypes.TimestampType)),
        FunctionSpec.scalar(
            "timestamp_seconds",
            Arity.exactly(1),
            List.of(InputType.NUMERIC),
            c ->
                ScalarFunction.of(
                    "timestamp_seconds",
                    c.arguments(),
                    DataTypes.TimestampType,
                    c.arg(0).nullable()
                        || !c.arg(0).dataType().isIntegral()
                            && !(c.arg(0).dataType() instanceof DecimalType))),
        FunctionSpec.scalar(
            "timestamp_millis",
            Arity.exactly(1),
            List.of(InputType.INTEGRAL),
            c -> fn("timestamp_millis", c, DataTypes.TimestampType)),
        FunctionSpec.scalar(
            "from_utc_timestamp",
            Arity.exactly(2),
            List.of(TIMESTAMP, InputType.STRING),
            c -> fn("from_utc_timestamp", c, DataTypes.TimestampType)),
        FunctionSpec.scalar(
            "to_utc_timestamp",
            Arity.exactly(2),
            List.of(TIMESTAMP, InputType.STRING),
            c -> fn("to_utc_timestamp", c, DataTypes.TimestampType)));
  }

  // --- builders -------------------------------------------------------------------------------

  /** A call whose result is null exactly when an argument is. */
  private static ScalarFunction fn(String name, FunctionCall c, DataType type) {
    return ScalarFunction.of(name, c.arguments(), type, anyNullable(c.arguments()));
  }

  private static ScalarFunction intField(String name, FunctionCall c) {
    return fn(name, c, DataTypes.IntegerType);
  }

  /** An alias evaluated by {@code kernel} and shown as {@code shown}, e.g. {@code day(d)}. */
  private static ScalarFunction aliased(
      String kernel, String shown, FunctionCall c, DataType type) {
    return new ScalarFunction(
        kernel, c.arguments(), type, anyNullable(c.arguments()), false, shown);
  }

  /** The execution's current instant (see the class comment). */
  private static ScalarFunction now(String kernel, DataType type, String shown) {
    return new ScalarFunction(kernel, List.of(), type, false, true, shown);
  }

  /** {@code make_date}/{@code make_timestamp}: null for invalid fields unless ANSI. */
  private static ScalarFunction makeFunction(String name, FunctionCall c, DataType type) {
    return ScalarFunction.of(name, c.arguments(), type, !c.ansi() || anyNullable(c.arguments()));
  }

  /**
   * {@code to_timestamp(s)}/{@code to_date(s)} are casts shown under the function's name; with a
   * pattern they parse with it (a number is read as its text then).
   */
  private static Expression parse(FunctionCall c, DataType type) {
    EvalMode mode = EvalMode.fromAnsi(c.ansi());
    Expression value = c.arg(0);
    if (c.arguments().size() == 1) {
      Expression cast = value.dataType().equals(type) ? value : Cast.implicit(value, type, mode);
      return new RuntimeReplaceable(c.name(), c.arguments(), false, cast);
    }
    if (value.dataType().isNumeric()) value = Cast.implicit(value, DataTypes.StringType, mode);
    return ScalarFunction.of(c.name(), List.of(value, c.arg(1)), type, true);
  }

  /** {@code unix_timestamp([s[, fmt]])}: Spark fills in the current time and default pattern. */
  private static Expression unixTimestamp(FunctionCall c) {
    List<Expression> args = new ArrayList<>(c.arguments());
    if (args.isEmpty()) {
      args.add(now("current_timestamp", DataTypes.TimestampType, "current_timestamp"));
    }
    if (args.size() == 1) args.add(Literal.of(DEFAULT_PATTERN));
    return ScalarFunction.of(c.name(), args, DataTypes.LongType, true);
  }

  private static Expression fromUnixTime(FunctionCall c) {
    List<Expression> args = new ArrayList<>(c.arguments());
    if (args.size() == 1) args.add(Literal.of(DEFAULT_PATTERN));
    return ScalarFunction.of("from_unixtime", args, DataTypes.StringType, anyNullable(args));
  }

  /** {@code months_between(a, b)} is {@code months_between(a, b, true)}, as Spark names it. */
  private static Expression monthsBetween(FunctionCall c) {
    List<Expression> args = new ArrayList<>(c.arguments());
    if (args.size() == 2) args.add(Literal.TRUE);
    return ScalarFunction.of("months_between", args, DataTypes.DoubleType, anyNullable(args));
  }

  private static boolean anyNullable(List<Expression> args) {
    for (Expression a : args) {
      if (a.nullable()) return true;
    }
    return false;
  }
}
