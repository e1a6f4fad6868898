package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sum} of floating-point values and {@code avg} of non-decimal numbers, both in double
 * precision (avg also keeps a count). Null when a group has no non-null value.
 */
final class DoubleSumAccumulator extends Accumulator {
  private final boolean average;
  private double[] sums = new double[16];
  private long[] counts = new long[16];
  private double[] scratch;

  DoubleSumAccumulator(boolean average) {
    this.average = average;
  }

  @Override
  public List<DataType> bufferTypes() {
    return average
        ? List.of(DataTypes.DoubleType, DataTypes.LongType)
        : List.of(DataTypes.DoubleType);
  }

  @Override
  public DataType resultType() {
    return DataTypes.DoubleType;
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
    double[] x = Numbers.toDoubles(v, n, scratch);
    if (!(v instanceof DoubleVector)) scratch = x;
    boolean[] nulls = v.nulls();
    double[] s = sums;
    long[] c = counts;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        int g = groupIds[i];
        s[g] += x[i];
        c[g]++;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        int g = groupIds[i];
        s[g] += x[i];
        c[g]++;
      }
    }
  }

  /** Same additions in the same order as {@link #update}, into locals. */
  @Override
  public void updateSingleGroup(ColumnVector[] args, int n) {
    ColumnVector v = args[0];
    double[] x = Numbers.toDoubles(v, n, scratch);
    if (!(v instanceof DoubleVector)) scratch = x;
    boolean[] nulls = v.nulls();
    double sum = sums[0];
    long count = counts[0];
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      sum += x[i];
      count++;
    }
    sums[0] = sum;
    counts[0] = count;
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    ColumnVector sumCol = buffers[0];
    double[] x = ((DoubleVector) sumCol).values();
    long[] cnt = average ? ((LongVector) buffers[1]).values() : null;
    for (int i = 0; i < n; i++) {
      if (sumCol.isNullAt(i)) continue;
      int g = groupIds[i];
      sums[g] += x[i];
      counts[g] += average ? cnt[i] : 1;
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    int n = to - from;
    DoubleVector s =
        new DoubleVector(
            DataTypes.DoubleType, Arrays.copyOfRange(sums, from, from + Math.max(n, 1)), null, n);
    boolean[] empty = emptyGroups(from, to);
    s.setNulls(empty);
    if (!average) return new ColumnVector[] {s};
    LongVector c =
        new LongVector(
            DataTypes.LongType, Arrays.copyOfRange(counts, from, from + Math.max(n, 1)), null, n);
    return new ColumnVector[] {s, c};
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    double[] out = new double[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      int g = from + i;
      out[i] = average ? sums[g] / counts[g] : sums[g];
    }
    return new DoubleVector(DataTypes.DoubleType, out, emptyGroups(from, to), n);
  }

  private boolean[] emptyGroups(int from, int to) {
    boolean[] out = null;
    for (int g = from; g < to; g++) {
      if (counts[g] == 0) {
        if (out == null) out = new boolean[to - from];
        out[g - from] = true;
      }
    }
    return out;
  }
}
