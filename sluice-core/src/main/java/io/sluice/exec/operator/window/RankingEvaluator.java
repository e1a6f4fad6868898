package io.sluice.exec.operator.window;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.WindowFunction.Kind;
import io.sluice.types.DataTypes;

/**
 * {@code row_number}, {@code rank}, {@code dense_rank}, {@code percent_rank}, {@code cume_dist} and
 * {@code ntile}, from the partition and peer bounds alone (the values of the ORDER BY keys only
 * matter through the peer groups).
 */
final class RankingEvaluator implements WindowEvaluator {
  private final Kind kind;
  private final int buckets;

  RankingEvaluator(Kind kind, int buckets) {
    this.kind = kind;
    this.buckets = buckets;
  }

  @Override
  public ColumnVector evaluate(WindowLayout l, ColumnBatch sorted) {
    int n = l.n;
    return switch (kind) {
      case PERCENT_RANK, CUME_DIST -> fractions(l, n);
      default -> new IntVector(DataTypes.IntegerType, ints(l, n), null, n);
    };
  }

  private int[] ints(WindowLayout l, int n) {
    int[] out = new int[Math.max(n, 1)];
    switch (kind) {
      case ROW_NUMBER -> {
        for (int i = 0; i < n; i++) out[i] = i - l.partStart[i] + 1;
      }
      case RANK -> {
        for (int i = 0; i < n; i++) out[i] = l.peerStart[i] - l.partStart[i] + 1;
      }
      case DENSE_RANK -> {
        for (int i = 0; i < n; i++) {
          if (i == l.partStart[i]) {
            out[i] = 1;
          } else {
            out[i] = out[i - 1] + (l.peerStart[i] == i ? 1 : 0);
          }
        }
      }
      case NTILE -> ntile(l, n, out);
      default -> throw new IllegalStateException(kind.name());
    }
    return out;
  }

  /**
   * Spark's {@code NTile}: with {@code size = rows / buckets} and {@code extra = rows % buckets},
   * the first {@code extra} buckets hold {@code size + 1} rows, the others {@code size}.
   */
  private void ntile(WindowLayout l, int n, int[] out) {
    int i = 0;
    while (i < n) {
      int ps = l.partStart[i];
      int rows = l.partEnd[i] - ps;
      int size = rows / buckets;
      int extra = rows % buckets;
      int bucket = 0;
      int threshold = 0;
      for (int r = 0; r < rows; r++) {
        if (r >= threshold) {
          threshold += size + (bucket < extra ? 1 : 0);
          bucket++;
        }
        out[ps + r] = bucket;
      }
      i = l.partEnd[i];
    }
  }

  private ColumnVector fractions(WindowLayout l, int n) {
    double[] out = new double[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      int rows = l.partEnd[i] - l.partStart[i];
      if (kind == Kind.CUME_DIST) {
        out[i] = (double) (l.peerEnd[i] - l.partStart[i]) / rows;
      } else {
        int rank = l.peerStart[i] - l.partStart[i] + 1;
        out[i] = rows > 1 ? (double) (rank - 1) / (rows - 1) : 0.0;
      }
    }
    return new DoubleVector(DataTypes.DoubleType, out, null, n);
  }
}
