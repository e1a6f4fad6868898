package io.sluice.exec.operator.agg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Integral sums by group agree with exact arithmetic, fail in checked mode exactly when some
 * group's running sum leaves the long range, and wrap around otherwise.
 */
class LongSumAccumulatorTest {

  @Property(tries = 300)
  void sumsAgreeWithExactArithmetic(@ForAll long seed) {
    Random rnd = new Random(seed);
    int groups = 1 + rnd.nextInt(5);
    boolean checked = rnd.nextBoolean();
    LongSumAccumulator acc =
        new LongSumAccumulator(DataTypes.LongType, DataTypes.LongType, checked);
    acc.grow(groups);
    BigInteger[] exact = new BigInteger[groups];
    long[] wrapped = new long[groups];
    boolean[] seen = new boolean[groups];
    boolean overflowed = false;
    int batches = 1 + rnd.nextInt(4);
    try {
      for (int b = 0; b < batches; b++) {
        int n = 1 + rnd.nextInt(40);
        long[] values = new long[n];
        boolean[] nulls = rnd.nextBoolean() ? new boolean[n] : null;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
          values[i] =
              switch (rnd.nextInt(3)) {
                case 0 -> rnd.nextLong();
                case 1 -> rnd.nextInt(1000) - 500;
                default -> rnd.nextBoolean() ? Long.MAX_VALUE / 3 : Long.MIN_VALUE / 3;
              };
          ids[i] = rnd.nextInt(groups);
          if (nulls != null) nulls[i] = rnd.nextInt(4) == 0;
          if (nulls != null && nulls[i]) continue;
          int g = ids[i];
          exact[g] =
              (exact[g] == null ? BigInteger.ZERO : exact[g]).add(BigInteger.valueOf(values[i]));
          overflowed |= exact[g].bitLength() > 63;
          wrapped[g] += values[i];
          seen[g] = true;
        }
        ColumnVector v = new LongVector(DataTypes.LongType, values, nulls, n);
        if (checked && overflowed) {
          assertThatThrownBy(() -> acc.update(new ColumnVector[] {v}, ids, n))
              .isInstanceOf(SluiceArithmeticException.class);
          return;
        }
        acc.update(new ColumnVector[] {v}, ids, n);
      }
    } catch (SluiceArithmeticException e) {
      throw new AssertionError("unexpected overflow", e);
    }
    ColumnVector result = acc.result(0, groups);
    for (int g = 0; g < groups; g++) {
      assertThat(result.getObject(g)).isEqualTo(seen[g] ? (Object) wrapped[g] : null);
    }
  }
}
