package io.sluice.exec.operator.window;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;

/**
 * {@code first_value}, {@code last_value} and {@code nth_value} over a frame: the input of the
 * frame's first, last or {@code n}-th row (counting only non-null inputs with {@code ignoreNulls});
 * null when the frame has no such row.
 */
final class FrameValueEvaluator implements WindowEvaluator {
  /** Which row of the frame. */
  enum Which {
    FIRST,
    LAST,
    NTH
  }

  private final VectorEvaluator input;
  private final Which which;
  private final int nth;
  private final boolean ignoreNulls;
  private final FrameSpec frame;

  FrameValueEvaluator(
      VectorEvaluator input, Which which, int nth, boolean ignoreNulls, FrameSpec frame) {
    this.input = input;
    this.which = which;
    this.nth = nth;
    this.ignoreNulls = ignoreNulls;
    this.frame = frame;
  }

  @Override
  public ColumnVector evaluate(WindowLayout l, ColumnBatch sorted) {
    int n = l.n;
    ColumnVector in = input.evaluate(sorted);
    FrameBounds f = frame.bounds(l);
    int[] sel = new int[Math.max(n, 1)];
    int[] before = ignoreNulls ? Selections.nonNullCounts(in, n) : null;
    int[] positions = ignoreNulls ? Selections.nonNullPositions(before, n) : null;
    for (int i = 0; i < n; i++) {
      int s = f.start[i];
      int e = f.end[i];
      int t;
      if (!ignoreNulls) {
        t =
            switch (which) {
              case FIRST -> s < e ? s : -1;
              case LAST -> s < e ? e - 1 : -1;
              case NTH -> (long) s + nth - 1 < e ? s + nth - 1 : -1;
            };
      } else {
        int k =
            switch (which) {
              case FIRST -> before[s];
              case LAST -> before[e] - 1;
              case NTH -> before[s] + nth - 1;
            };
        t = k >= before[s] && k < before[e] ? positions[k] : -1;
      }
      sel[i] = t;
    }
    return Selections.pick(in, sel, n);
  }
}
