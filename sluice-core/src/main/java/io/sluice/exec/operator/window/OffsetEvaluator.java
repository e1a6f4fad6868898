package io.sluice.exec.operator.window;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;

/**
 * {@code lag} and {@code lead}: the input at {@code offset} rows from the current one within the
 * partition (negative for {@code lag}), else the default evaluated on the current row. A null input
 * at that row gives null; with {@code ignoreNulls} the offset counts only rows whose input is not
 * null.
 */
final class OffsetEvaluator implements WindowEvaluator {
  private final VectorEvaluator input;
  private final VectorEvaluator defaults;
  private final int offset;
  private final boolean ignoreNulls;

  OffsetEvaluator(
      VectorEvaluator input, VectorEvaluator defaults, int offset, boolean ignoreNulls) {
    this.input = input;
    this.defaults = defaults;
    this.offset = offset;
    this.ignoreNulls = ignoreNulls;
  }

  @Override
  public ColumnVector evaluate(WindowLayout l, ColumnBatch sorted) {
    int n = l.n;
    ColumnVector in = input.evaluate(sorted);
    int[] sel = new int[Math.max(n, 1)];
    if (!ignoreNulls || offset == 0) {
      for (int i = 0; i < n; i++) {
        long t = (long) i + offset;
        sel[i] = t >= l.partStart[i] && t < l.partEnd[i] ? (int) t : -1;
      }
    } else {
      int[] before = Selections.nonNullCounts(in, n);
      int[] positions = Selections.nonNullPositions(before, n);
      for (int i = 0; i < n; i++) {
        // the k-th non-null row after (lead) or before (lag) the current one, in the partition
        long k = offset > 0 ? (long) before[i + 1] + offset - 1 : (long) before[i] + offset;
        int t = k >= 0 && k < before[n] ? positions[(int) k] : -1;
        sel[i] = t >= l.partStart[i] && t < l.partEnd[i] ? t : -1;
      }
    }
    return Selections.pickOr(in, defaults.evaluate(sorted), sel, n);
  }
}
