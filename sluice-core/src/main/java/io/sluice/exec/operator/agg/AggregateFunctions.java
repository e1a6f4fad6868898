package io.sluice.exec.operator.agg;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
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
      case FIRST, LAST ->
          new FirstLastAccumulator(
              t,
              call.function() == Function.LAST,
              call.arguments().size() > 1
                  && Boolean.TRUE.equals(constant(call.arguments().get(1))));
      case MIN_BY, MAX_BY ->
          new MinMaxByAccumulator(
              t, call.arguments().get(1).dataType(), call.function() == Function.MAX_BY);
      case COLLECT_LIST, COLLECT_SET ->
          new CollectAccumulator(t, call.function() == Function.COLLECT_SET);
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> new MomentAccumulator(call.function());
      case CORR, COVAR_SAMP, COVAR_POP -> new CovarianceAccumulator(call.function());
      case APPROX_COUNT_DISTINCT ->
          new HllAccumulator(
              call.arguments().size() > 1
                  ? ((Number) constant(call.arguments().get(1))).doubleValue()
                  : 0.05);
      case PERCENTILE_APPROX -> percentile(call, t);
    };
  }

  private static final EvalContext CONSTANTS = EvalContext.of("UTC", true);
  private static final ColumnBatch ONE_ROW = new ColumnBatch(new ColumnVector[0], 1);

  /** The value (internal form) of a constant parameter of an aggregate. */
  static Object constant(Expression e) {
    if (e instanceof Literal l) return l.value();
    return ExpressionCompiler.compile(e, CONSTANTS).evaluate(ONE_ROW).getObject(0);
  }

  private static Accumulator percentile(AggregateCall call, DataType t) {
    Object p = constant(call.arguments().get(1));
    boolean array = p instanceof Object[];
    Object[] raw = array ? (Object[]) p : new Object[] {p};
    double[] percentages = new double[raw.length];
    for (int i = 0; i < raw.length; i++) percentages[i] = ((Number) raw[i]).doubleValue();
    long accuracy =
        call.arguments().size() > 2
            ? ((Number) constant(call.arguments().get(2))).longValue()
            : 10_000L;
    return new PercentileAccumulator(t, percentages, array, accuracy);
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
    return new SluiceRuntimeException(
        ErrorClass.INTERNAL_ERROR,
        SluiceException.params(
            "message",
            "No implementation of "
                + call.sql()
                + " for input type "
                + call.arguments().get(0).dataType().simpleString()));
  }
}
