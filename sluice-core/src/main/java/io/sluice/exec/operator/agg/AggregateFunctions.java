package io.sluice.exec.operator.agg;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Expression;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.YearMonthIntervalType;
import java.util.List;

/** Chooses the {@link Accumulator} that evaluates an aggregate call. */
public final class AggregateFunctions {
  private AggregateFunctions() {}

  /** A new, empty accumulator for {@code call}; {@code ansi} selects overflow behaviour. */
  public static Accumulator create(AggregateCall call, boolean ansi) {
    DataType t = call.arguments().isEmpty() ? null : call.arguments().get(0).dataType();
    return switch (call.function()) {
      case COUNT -> new CountAccumulator(countsRows(call));
      case SUM -> sum(call, t, ansi);
      case AVG -> avg(call, t, ansi);
      case MIN -> MinMaxAccumulators.create(t, false);
      case MAX -> MinMaxAccumulators.create(t, true);
    };
  }

  /** The types of the buffer columns of {@code call} in partial aggregation. */
  public static List<DataType> bufferTypes(AggregateCall call) {
    return create(call, true).bufferTypes();
  }

  /** True for {@code count} over arguments that are never null: it counts rows. */
  public static boolean countsRows(AggregateCall call) {
    if (call.function() != AggregateCall.Function.COUNT) return false;
    for (Expression a : call.arguments()) {
      if (a.nullable()) return false;
    }
    return true;
  }

  private static Accumulator sum(AggregateCall call, DataType t, boolean ansi) {
    if (t.isIntegral()) {
      return new LongSumAccumulator(t, AggregateCall.sumType(t), ansi);
    }
    if (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) {
      return new LongSumAccumulator(t, t, true);
    }
    if (t instanceof DecimalType d) return new DecimalSumAccumulator(d, false, ansi);
    if (t instanceof FloatType || t instanceof DoubleType) return new DoubleSumAccumulator(false);
    throw unsupported(call);
  }

  private static Accumulator avg(AggregateCall call, DataType t, boolean ansi) {
    if (t instanceof DecimalType d) return new DecimalSumAccumulator(d, true, ansi);
    if (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) {
      return new IntervalAvgAccumulator(t);
    }
    if (t.isNumeric()) return new DoubleSumAccumulator(true);
    throw unsupported(call);
  }

  private static SluiceRuntimeException unsupported(AggregateCall call) {
    return new SluiceRuntimeException(ErrorClass.INTERNAL_ERROR, SluiceException.params(
        "message", "No implementation of " + call.sql() + " for input type "
            + call.arguments().get(0).dataType().simpleString()));
  }
}
