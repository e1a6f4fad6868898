package io.sluice.exec.operator.agg;

import io.sluice.exec.operator.hash.LongCodec;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code avg} of ANSI intervals (months or microseconds): an exact sum (overflow is always an
 * error, as for interval arithmetic) divided by the count, rounded half up; the result has the
 * input's interval type.
 */
final class IntervalAvgAccumulator extends Accumulator {
  private final DataType type;
  private final LongCodec codec;
  private long[] sums = new long[16];
  private long[] counts = new long[16];
  private long[] scratch;

  IntervalAvgAccumulator(DataType type) {
    this.type = type;
    this.codec = LongCodec.forType(type);
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.LongType, DataTypes.LongType);
  }

  @Override
  public DataType resultType() {
    return type;
  }

  @Override
  public void grow(int groups) {
    if (groups > sums.length) {
      int len = grownLength(sums.length, groups);
      sums = Arrays.copyOf(sums, len);
      counts = Arrays.copyOf(counts, len);
    }
  }

  @Override
  public void copyGroup(int from, int to) {
    sums[to] = sums[from];
    counts[to] = counts[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    ColumnVector v = args[0];
    long[] x = codec.toLongs(v, n, scratch);
    if (codec != LongCodec.LONG) scratch = x;
    add(x, v.nulls(), null, groupIds, n);
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    add(
        ((LongVector) buffers[0]).values(),
        buffers[0].nulls(),
        ((LongVector) buffers[1]).values(),
        groupIds,
        n);
  }

  private void add(long[] x, boolean[] nulls, long[] cnt, int[] groupIds, int n) {
    try {
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        int g = groupIds[i];
        sums[g] = Math.addExact(sums[g], x[i]);
        counts[g] += cnt == null ? 1 : cnt[i];
      }
    } catch (ArithmeticException e) {
      throw AggregateErrors.longOverflow();
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    int n = to - from;
    return new ColumnVector[] {
      new LongVector(
          DataTypes.LongType, Arrays.copyOfRange(sums, from, from + Math.max(n, 1)), null, n),
      new LongVector(
          DataTypes.LongType, Arrays.copyOfRange(counts, from, from + Math.max(n, 1)), null, n)
    };
  }

  @Override
  public ColumnVector result(int from, int to) {
    long[] out = new long[to];
    boolean[] isNull = null;
    for (int g = from; g < to; g++) {
      long c = counts[g];
      if (c == 0) {
        if (isNull == null) isNull = new boolean[to];
        isNull[g] = true;
        continue;
      }
      long q = sums[g] / c;
      long r = sums[g] % c;
      if (2 * Math.abs(r) >= c) q += Long.signum(sums[g]);
      out[g] = q;
    }
    return codec.fromLongs(type, out, isNull, from, to);
  }
}
