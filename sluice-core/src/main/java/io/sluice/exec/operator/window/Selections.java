package io.sluice.exec.operator.window;

import io.sluice.exec.operator.VectorAppender;
import io.sluice.exec.vector.ColumnVector;

/** Builds a result vector from rows picked out of inputs by position. */
final class Selections {
  private Selections() {}

  /** Row {@code sel[i]} of {@code src} for each {@code i < n}, or null where {@code sel[i] < 0}. */
  static ColumnVector pick(ColumnVector src, int[] sel, int n) {
    int[] s = new int[Math.max(n, 1)];
    boolean anyNull = false;
    for (int i = 0; i < n; i++) {
      if (sel[i] < 0) {
        anyNull = true;
      } else {
        s[i] = sel[i];
      }
    }
    ColumnVector out = src.gather(s, n);
    if (anyNull) {
      for (int i = 0; i < n; i++) {
        if (sel[i] < 0) out.setNull(i);
      }
    }
    return out;
  }

  /**
   * Row {@code sel[i]} of {@code src} where {@code sel[i] >= 0}, else row {@code i} of {@code
   * fallback} (a vector of the same type and {@code n} rows).
   */
  static ColumnVector pickOr(ColumnVector src, ColumnVector fallback, int[] sel, int n) {
    boolean anyFallback = false;
    for (int i = 0; i < n; i++) anyFallback |= sel[i] < 0;
    if (!anyFallback) return src.gather(sel, n);
    ColumnVector both = ColumnVector.allocate(src.type(), 2 * n);
    VectorAppender.append(both, src, null, 0, n);
    VectorAppender.append(both, fallback, null, 0, n);
    int[] s = new int[Math.max(n, 1)];
    for (int i = 0; i < n; i++) s[i] = sel[i] >= 0 ? sel[i] : n + i;
    return both.gather(s, n);
  }

  /** For each row, the number of non-null rows before it (and the total at index n). */
  static int[] nonNullCounts(ColumnVector v, int n) {
    int[] before = new int[n + 1];
    for (int i = 0; i < n; i++) before[i + 1] = before[i] + (v.isNullAt(i) ? 0 : 1);
    return before;
  }

  /** The positions of the non-null rows, in order. */
  static int[] nonNullPositions(int[] counts, int n) {
    int[] out = new int[Math.max(counts[n], 1)];
    for (int i = 0; i < n; i++) {
      if (counts[i + 1] > counts[i]) out[counts[i]] = i;
    }
    return out;
  }
}
