package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code var_samp}, {@code var_pop}, {@code stddev_samp} and {@code stddev_pop} over doubles. Each
 * group keeps the count, the mean and the sum of squared deviations (M2), updated one value at a
 * time (Welford) and merged pairwise (Chan et al.), with the same formulas as Spark's
 * central-moment aggregates. As in Spark 3+, a group without values is null, and so is the sample
 * variance of a single value (division by zero).
 *
 * <p>Buffers: n, mean, M2 (doubles).
 */
final class MomentAccumulator extends Accumulator {
  private final Function function;
  private double[] count = new double[16];
  private double[] mean = new double[16];
  private double[] m2 = new double[16];

  MomentAccumulator(Function function) {
    this.function = function;
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType);
  }

  @Override
  public DataType resultType() {
    return DataTypes.DoubleType;
  }

  @Override
  public void grow(int groups) {
    if (groups > count.length) {
      int len = grownLength(count.length, groups);
      count = Arrays.copyOf(count, len);
      mean = Arrays.copyOf(mean, len);
      m2 = Arrays.copyOf(m2, len);
    }
  }

  @Override
  public void copyGroup(int from, int to) {
    count[to] = count[from];
    mean[to] = mean[from];
    m2[to] = m2[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    ColumnVector v = args[0];
    double[] x = ((DoubleVector) v).values();
    boolean[] nulls = v.nulls();
    double[] c = count;
    double[] mu = mean;
    double[] s = m2;
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      int g = groupIds[i];
      double newCount = c[g] + 1.0;
      double delta = x[i] - mu[g];
      double deltaN = delta / newCount;
      mu[g] += deltaN;
      s[g] += delta * (delta - deltaN);
      c[g] = newCount;
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    double[] n2 = ((DoubleVector) buffers[0]).values();
    double[] mean2 = ((DoubleVector) buffers[1]).values();
    double[] m22 = ((DoubleVector) buffers[2]).values();
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      double n1 = count[g];
      double newCount = n1 + n2[i];
      double delta = mean2[i] - mean[g];
      double deltaN = newCount == 0.0 ? 0.0 : delta / newCount;
      mean[g] += deltaN * n2[i];
      m2[g] += m22[i] + delta * deltaN * n1 * n2[i];
      count[g] = newCount;
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    return new ColumnVector[] {
      doubles(count, from, to), doubles(mean, from, to), doubles(m2, from, to)
    };
  }

  static DoubleVector doubles(double[] a, int from, int to) {
    int n = to - from;
    return new DoubleVector(
        DataTypes.DoubleType, Arrays.copyOfRange(a, from, from + Math.max(n, 1)), null, n);
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    double[] out = new double[Math.max(n, 1)];
    boolean[] nulls = null;
    boolean sample = function == Function.VAR_SAMP || function == Function.STDDEV_SAMP;
    boolean root = function == Function.STDDEV_SAMP || function == Function.STDDEV_POP;
    for (int i = 0; i < n; i++) {
      double c = count[from + i];
      if (c == 0.0 || (sample && c == 1.0)) {
        if (nulls == null) nulls = new boolean[Math.max(n, 1)];
        nulls[i] = true;
        continue;
      }
      double variance = m2[from + i] / (sample ? c - 1.0 : c);
      out[i] = root ? Math.sqrt(variance) : variance;
    }
    return new DoubleVector(DataTypes.DoubleType, out, nulls, n);
  }
}
