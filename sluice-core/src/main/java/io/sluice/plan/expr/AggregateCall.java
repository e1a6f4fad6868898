package io.sluice.plan.expr;

import io.sluice.types.ArrayType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.ShortType;
import io.sluice.types.YearMonthIntervalType;
import java.util.List;
import java.util.Locale;

/**
 * A call of an aggregate function over the rows of a group. {@code count(*)} is {@code COUNT} over
 * the literal 1, as in Spark (its generated name is {@code count(1)}).
 */
public record AggregateCall(Function function, List<Expression> arguments, boolean distinct)
    implements Expression {

  /**
   * The aggregate functions the engine evaluates. Some take constant parameters after their inputs,
   * as literal arguments: {@code first(x, ignoreNulls)}, {@code last(x, ignoreNulls)}, {@code
   * approx_count_distinct(x, rsd)}, {@code percentile_approx(x, percentage, accuracy)}.
   */
  public enum Function {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX,
    FIRST,
    LAST,
    MIN_BY,
    MAX_BY,
    COLLECT_LIST,
    COLLECT_SET,
    STDDEV_SAMP,
    STDDEV_POP,
    VAR_SAMP,
    VAR_POP,
    CORR,
    COVAR_SAMP,
    COVAR_POP,
    APPROX_COUNT_DISTINCT,
    PERCENTILE_APPROX;

    public String sqlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** How many leading arguments are evaluated per row; the rest are constant parameters. */
    public int inputCount(int arguments) {
      return switch (this) {
        case FIRST, LAST, APPROX_COUNT_DISTINCT, PERCENTILE_APPROX -> Math.min(1, arguments);
        default -> arguments;
      };
    }

    /** How many leading arguments Spark shows in the call's name ({@code first(x)}). */
    int shownCount(int arguments) {
      return switch (this) {
        case FIRST, LAST, APPROX_COUNT_DISTINCT -> Math.min(1, arguments);
        default -> arguments;
      };
    }
  }

  /** The arguments evaluated for every row (the rest are constant parameters). */
  public List<Expression> inputs() {
    return arguments.subList(0, function.inputCount(arguments.size()));
  }

  public AggregateCall {
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new AggregateCall(function, c, distinct);
  }

  @Override
  public DataType dataType() {
    return switch (function) {
      case COUNT -> DataTypes.LongType;
      case SUM -> sumType(arguments.get(0).dataType());
      case AVG -> avgType(arguments.get(0).dataType());
      case MIN, MAX, FIRST, LAST, MIN_BY, MAX_BY -> arguments.get(0).dataType();
      case COLLECT_LIST, COLLECT_SET -> new ArrayType(arguments.get(0).dataType(), false);
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, CORR, COVAR_SAMP, COVAR_POP ->
          DataTypes.DoubleType;
      case APPROX_COUNT_DISTINCT -> DataTypes.LongType;
      case PERCENTILE_APPROX ->
          arguments.get(1).dataType() instanceof ArrayType
              ? new ArrayType(arguments.get(0).dataType(), false)
              : arguments.get(0).dataType();
    };
  }

  /** Spark's type of {@code sum(x)}. */
  public static DataType sumType(DataType t) {
    if (t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType) {
      return DataTypes.LongType;
    }
    if (t instanceof DecimalType d) {
      return DecimalType.bounded(d.precision() + 10, d.scale());
    }
    if (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) {
      return t;
    }
    return DataTypes.DoubleType;
  }

  /** Spark's type of {@code avg(x)}. */
  public static DataType avgType(DataType t) {
    if (t instanceof DecimalType d) {
      return DecimalType.bounded(d.precision() + 4, d.scale() + 4);
    }
    if (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) {
      return t;
    }
    if (t instanceof FloatType || t instanceof DoubleType || t.isNumeric()) {
      return DataTypes.DoubleType;
    }
    return DataTypes.DoubleType;
  }

  @Override
  public boolean nullable() {
    return switch (function) {
      case COUNT, APPROX_COUNT_DISTINCT, COLLECT_LIST, COLLECT_SET -> false;
      default -> true;
    };
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(function.sqlName()).append('(');
    if (distinct) sb.append("DISTINCT ");
    for (int i = 0; i < function.shownCount(arguments.size()); i++) {
      if (i > 0) sb.append(", ");
      sb.append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return sql();
  }
}
