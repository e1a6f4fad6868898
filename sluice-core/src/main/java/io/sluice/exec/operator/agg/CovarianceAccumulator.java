package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code covar_samp}, {@code covar_pop} and {@code corr} over pairs of doubles where both are
 * non-null. Each group keeps the count, both means and the co-moment C (plus both M2 for {@code
 * corr}), updated and merged with Spark's formulas. A group without pairs is null, as is the sample
 * covariance or correlation of a single pair; the correlation of a constant column is NaN (0/0), as
 * in Spark.
 *
 * <p>Buffers: n, mean x, mean y, C[, M2 x, M2 y] (doubles).
 */
final class CovarianceAccumulator extends Accumulator {
  private final Function function;
  private final boolean corr;
  private double[] count = new double[16];
  private double[] meanX = new double[16];
  private double[] meanY = new double[16];
  private double[] ck = new double[16];
  private double[] m2x;
  private double[] m2y;

  CovarianceAccumulator(Function function) {
    this.function = function;
    this.corr = function == Function.CORR;
    if (corr) {
      m2x = new double[16];
      m2y = new double[16];
    }
  }

  @Override
  public List<DataType> bufferTypes() {
    DataType d = DataTypes.DoubleType;
    return corr ? List.of(d, d, d, d, d, d) : List.of(d, d, d, d);
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
      meanX = Arrays.copyOf(meanX, len);
      meanY = Arrays.copyOf(meanY, len);
      ck = Arrays.copyOf(ck, len);
      if (corr) {
        m2x = Arrays.copyOf(m2x, len);
        m2y = Arrays.copyOf(m2y, len);
      }
    }
  }

  @Override
  public void copyGroup(int from, int to) {
    count[to] = count[from];
    meanX[to] = meanX[from];
    meanY[to] = meanY[from];
    ck[to] = ck[from];
    if (corr) {
      m2x[to] = m2x[from];
      m2y[to] = m2y[from];
    }
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    double[] x = ((DoubleVector) args[0]).values();
    double[] y = ((DoubleVector) args[1]).values();
    boolean[] xn = args[0].nulls();
    boolean[] yn = args[1].nulls();
    for (int i = 0; i < n; i++) {
      if ((xn != null && xn[i]) || (yn != null && yn[i])) continue;
      int g = groupIds[i];
      double newCount = count[g] + 1.0;
      double dx = x[i] - meanX[g];
      double dy = y[i] - meanY[g];
      double newMeanX = meanX[g] + dx / newCount;
      double newMeanY = meanY[g] + dy / newCount;
      ck[g] += dx * (y[i] - newMeanY);
      if (corr) {
        m2x[g] += dx * (x[i] - newMeanX);
        m2y[g] += dy * (y[i] - newMeanY);
      }
      meanX[g] = newMeanX;
      meanY[g] = newMeanY;
      count[g] = newCount;
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    double[] n2 = ((DoubleVector) buffers[0]).values();
    double[] mx2 = ((DoubleVector) buffers[1]).values();
    double[] my2 = ((DoubleVector) buffers[2]).values();
    double[] ck2 = ((DoubleVector) buffers[3]).values();
    double[] xm2 = corr ? ((DoubleVector) buffers[4]).values() : null;
    double[] ym2 = corr ? ((DoubleVector) buffers[5]).values() : null;
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      double n1 = count[g];
      double newCount = n1 + n2[i];
      double dx = mx2[i] - meanX[g];
      double dy = my2[i] - meanY[g];
      double dxN = newCount == 0.0 ? 0.0 : dx / newCount;
      double dyN = newCount == 0.0 ? 0.0 : dy / newCount;
      meanX[g] += dxN * n2[i];
      meanY[g] += dyN * n2[i];
      ck[g] += ck2[i] + dx * dyN * n1 * n2[i];
      if (corr) {
        m2x[g] += xm2[i] + dx * dxN * n1 * n2[i];
        m2y[g] += ym2[i] + dy * dyN * n1 * n2[i];
      }
      count[g] = newCount;
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    ColumnVector[] out = new ColumnVector[corr ? 6 : 4];
    out[0] = MomentAccumulator.doubles(count, from, to);
    out[1] = MomentAccumulator.doubles(meanX, from, to);
    out[2] = MomentAccumulator.doubles(meanY, from, to);
    out[3] = MomentAccumulator.doubles(ck, from, to);
    if (corr) {
      out[4] = MomentAccumulator.doubles(m2x, from, to);
      out[5] = MomentAccumulator.doubles(m2y, from, to);
    }
    return out;
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    double[] out = new double[Math.max(n, 1)];
    boolean[] nulls = null;
    boolean population = function == Function.COVAR_POP;
    for (int i = 0; i < n; i++) {
      int g = from + i;
      double c = count[g];
      if (c == 0.0 || (!population && c == 1.0)) {
        if (nulls == null) nulls = new boolean[Math.max(n, 1)];
        nulls[i] = true;
        continue;
      }
      out[i] =
          switch (function) {
            case COVAR_POP -> ck[g] / c;
            case COVAR_SAMP -> ck[g] / (c - 1.0);
            default -> ck[g] / Math.sqrt(m2x[g] * m2y[g]);
          };
    }
    return new DoubleVector(DataTypes.DoubleType, out, nulls, n);
  }
}
