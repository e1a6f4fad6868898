package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.CollectionVectors.Flattened;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.LambdaBody;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.types.ArrayType;

/**
 * {@code array_sort(array, (left, right) -> ...)}: a stable bottom-up merge sort of every row's
 * elements at once, whose comparisons are evaluated in rounds. Each round asks every unfinished
 * merge of every row for its next comparison and evaluates the comparator lambda over all of them
 * as one batch, so the lambda runs about twice per element per merge level, vectorized, instead of
 * once per comparison. A null comparison result is a {@code COMPARATOR_RETURNS_NULL} error, as in
 * Spark.
 */
final class ComparatorSort {
  private ComparatorSort() {}

  static VectorEvaluator create(LambdaFunction comparator, VectorEvaluator array, EvalContext ctx) {
    LambdaBody body = LambdaBody.compile(comparator, ctx);
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ColumnVector el = a.elements();
      Flattened f = Flattened.of(a, n);
      int[] offsets = f.offsets();
      int maxLen = 0;
      for (int i = 0; i < n; i++) maxLen = Math.max(maxLen, offsets[i + 1] - offsets[i]);
      int[] cur = f.positions();
      int[] next = new int[cur.length];
      Merges merges = new Merges(Math.max(f.count(), 1));
      for (int width = 1; width < maxLen; width *= 2) {
        merges.plan(offsets, n, width, cur, next);
        merges.run(batch, body, el, cur, next);
        int[] t = cur;
        cur = next;
        next = t;
      }
      return new ArrayVector(
          (ArrayType) a.type(),
          offsets,
          el.gather(cur, f.count()),
          CollectionVectors.nulls(a, n),
          n);
    };
  }

  /** The merges of one level: runs {@code [lo, mid)} and {@code [mid, hi)} into {@code next}. */
  private static final class Merges {
    private final int[] row;
    private final int[] i;
    private final int[] mid;
    private final int[] j;
    private final int[] hi;
    private final int[] k;
    private final int[] active;
    private final int[] left;
    private final int[] right;
    private final int[] parents;
    private int count;

    Merges(int capacity) {
      row = new int[capacity];
      i = new int[capacity];
      mid = new int[capacity];
      j = new int[capacity];
      hi = new int[capacity];
      k = new int[capacity];
      active = new int[capacity];
      left = new int[capacity];
      right = new int[capacity];
      parents = new int[capacity];
    }

    /** Sets up the level's merges; runs without a partner are copied as they are. */
    void plan(int[] offsets, int n, int width, int[] cur, int[] next) {
      count = 0;
      for (int r = 0; r < n; r++) {
        int end = offsets[r + 1];
        for (int lo = offsets[r]; lo < end; lo += 2 * width) {
          int m = Math.min(lo + width, end);
          int h = Math.min(lo + 2 * width, end);
          if (m >= h) {
            System.arraycopy(cur, lo, next, lo, h - lo);
            continue;
          }
          row[count] = r;
          i[count] = lo;
          k[count] = lo;
          mid[count] = m;
          j[count] = m;
          hi[count] = h;
          active[count] = count;
          count++;
        }
      }
    }

    /** Runs the merges in rounds of one comparison each, evaluated together. */
    void run(
        io.sluice.exec.vector.ColumnBatch batch,
        LambdaBody body,
        ColumnVector el,
        int[] cur,
        int[] next) {
      int live = count;
      while (live > 0) {
        for (int a = 0; a < live; a++) {
          int m = active[a];
          left[a] = cur[i[m]];
          right[a] = cur[j[m]];
          parents[a] = row[m];
        }
        ColumnVector lv = el.gather(left, live);
        ColumnVector rv = el.gather(right, live);
        IntVector result = (IntVector) body.evaluate(batch, parents, live, lv, rv);
        int[] values = result.values();
        int still = 0;
        for (int a = 0; a < live; a++) {
          if (result.isNullAt(a)) throw CollectionErrors.comparatorReturnsNull(lv, a, rv, a);
          int m = active[a];
          next[k[m]++] = values[a] <= 0 ? cur[i[m]++] : cur[j[m]++];
          if (i[m] == mid[m] || j[m] == hi[m]) {
            System.arraycopy(cur, i[m], next, k[m], mid[m] - i[m]);
            k[m] += mid[m] - i[m];
            System.arraycopy(cur, j[m], next, k[m], hi[m] - j[m]);
          } else {
            active[still++] = m;
          }
        }
        live = still;
      }
    }
  }
}
