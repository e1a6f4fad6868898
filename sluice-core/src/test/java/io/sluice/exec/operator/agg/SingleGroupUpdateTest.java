package io.sluice.exec.operator.agg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Literal;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@code updateSingleGroup} (aggregation without keys) leaves every accumulator in the state that
 * {@code update} with group ids of 0 leaves, batch after batch.
 */
class SingleGroupUpdateTest {

  @Property(tries = 200)
  void singleGroupUpdateEqualsUpdateOfGroupZero(@ForAll long seed) {
    Random rnd = new Random(seed);
    boolean doubles = rnd.nextBoolean();
    DataType t = doubles ? DataTypes.DoubleType : DataTypes.LongType;
    BoundReference arg = new BoundReference(0, t, true);
    List<AggregateCall> calls =
        List.of(
            new AggregateCall(Function.SUM, List.of(arg), false),
            new AggregateCall(Function.AVG, List.of(arg), false),
            new AggregateCall(Function.COUNT, List.of(arg), false),
            new AggregateCall(Function.COUNT, List.of(Literal.of(1)), false),
            new AggregateCall(Function.MIN, List.of(arg), false));
    for (AggregateCall call : calls) {
      boolean ansi = rnd.nextBoolean();
      Accumulator single = AggregateFunctions.create(call, ansi);
      Accumulator plain = AggregateFunctions.create(call, ansi);
      single.grow(1);
      plain.grow(1);
      for (int b = rnd.nextInt(4); b >= 0; b--) {
        int n = rnd.nextInt(50);
        ColumnVector v = vector(rnd, doubles, n);
        ColumnVector[] args =
            call.arguments().get(0) instanceof Literal
                ? new ColumnVector[0]
                : new ColumnVector[] {v};
        single.updateSingleGroup(args, n);
        plain.update(args, new int[n], n);
      }
      assertThat(single.result(0, 1).getObject(0))
          .as(call.sql())
          .isEqualTo(plain.result(0, 1).getObject(0));
    }
  }

  @Test
  void checkedSumOverflowIsRaised() {
    Accumulator sum =
        AggregateFunctions.create(
            new AggregateCall(
                Function.SUM, List.of(new BoundReference(0, DataTypes.LongType, true)), false),
            true);
    sum.grow(1);
    long[] values = {Long.MAX_VALUE - 1, 1, 1};
    ColumnVector v = new LongVector(DataTypes.LongType, values, null, 3);
    assertThatThrownBy(() -> sum.updateSingleGroup(new ColumnVector[] {v}, 3))
        .isInstanceOf(SluiceArithmeticException.class);
  }

  private static ColumnVector vector(Random rnd, boolean doubles, int n) {
    boolean[] nulls = rnd.nextBoolean() ? new boolean[Math.max(n, 1)] : null;
    if (nulls != null) {
      for (int i = 0; i < n; i++) nulls[i] = rnd.nextInt(3) == 0;
    }
    if (doubles) {
      double[] x = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() * 1e6;
      return new DoubleVector(DataTypes.DoubleType, x, nulls, n);
    }
    long[] x = new long[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextBoolean() ? rnd.nextInt(1000) - 500 : rnd.nextLong() >> 12;
    }
    return new LongVector(DataTypes.LongType, x, nulls, n);
  }
}
