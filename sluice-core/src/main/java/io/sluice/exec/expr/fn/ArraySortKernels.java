package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.CollectionVectors.Flattened;
import io.sluice.exec.expr.RowComparators;
import io.sluice.exec.expr.RowComparators.RowComparator;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import java.util.Map;

/**
 * {@code sort_array} and {@code array_sort}. With the natural order (Spark's: NaN above every
 * number, structs and arrays field by field), each row's element positions are merge-sorted with a
 * primitive comparator and the elements gathered once in the new order; a comparator lambda is
 * handled by {@link ComparatorSort}.
 */
final class ArraySortKernels {
  private ArraySortKernels() {}

  /** Compares two element positions. */
  @FunctionalInterface
  interface PositionComparator {
    int compare(int p, int q);
  }

  static void register(Map<String, ScalarKernel> m) {
    m.put(
        "sort_array",
        (call, args, ctx) -> {
          boolean ascending = (Boolean) ((Literal) call.arg(1)).value();
          return sorted(args.get(0), ascending, ascending);
        });
    m.put(
        "array_sort",
        (call, args, ctx) ->
            call.arguments().size() == 1
                ? sorted(args.get(0), true, false)
                : ComparatorSort.create((LambdaFunction) call.arg(1), args.get(0), ctx));
  }

  /** Sorted elements: ascending or descending, nulls first or last. */
  private static VectorEvaluator sorted(
      VectorEvaluator array, boolean ascending, boolean nullsFirst) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ColumnVector el = a.elements();
      Flattened f = Flattened.of(a, n);
      int[] perm = f.positions();
      RowComparator values = RowComparators.of(el, el);
      PositionComparator cmp =
          (p, q) -> {
            boolean pn = el.isNullAt(p);
            boolean qn = el.isNullAt(q);
            if (pn || qn) return pn == qn ? 0 : (pn == nullsFirst ? -1 : 1);
            int c = values.compare(p, q);
            return ascending ? c : -c;
          };
      int[] tmp = new int[perm.length];
      int[] offsets = f.offsets();
      for (int i = 0; i < n; i++) mergeSort(perm, offsets[i], offsets[i + 1], tmp, cmp);
      return new ArrayVector(
          (ArrayType) a.type(),
          offsets,
          el.gather(perm, f.count()),
          CollectionVectors.nulls(a, n),
          n);
    };
  }

  /** A stable sort of {@code a[from, to)}; {@code tmp} is scratch at least as long as {@code a}. */
  static void mergeSort(int[] a, int from, int to, int[] tmp, PositionComparator c) {
    if (to - from <= 12) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && c.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, from, mid, tmp, c);
    mergeSort(a, mid, to, tmp, c);
    if (c.compare(a[mid - 1], a[mid]) <= 0) return;
    System.arraycopy(a, from, tmp, from, mid - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) a[k++] = c.compare(a[j], tmp[i]) < 0 ? a[j++] : tmp[i++];
    while (i < mid) a[k++] = tmp[i++];
  }
}
