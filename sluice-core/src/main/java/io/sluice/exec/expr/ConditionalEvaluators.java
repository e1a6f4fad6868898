package io.sluice.exec.expr;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code CASE WHEN} and {@code coalesce}. Each row takes its value from one child, chosen row by
 * row; conditions and values are evaluated only on the rows that reach them where evaluating more
 * could raise an error (see {@link SelectiveEvaluator}).
 */
final class ConditionalEvaluators {
  private ConditionalEvaluators() {}

  /**
   * {@code conditions.get(k)} guards {@code values.get(k)}; {@code elseValue} may be null (then
   * unmatched rows are null).
   */
  static VectorEvaluator caseWhen(
      DataType type,
      List<SelectiveEvaluator> conditions,
      List<SelectiveEvaluator> values,
      SelectiveEvaluator elseValue) {
    int k = conditions.size();
    return batch -> {
      int n = batch.numRows();
      boolean[] remaining = new boolean[Math.max(n, 1)];
      Arrays.fill(remaining, true);
      int left = n;
      int[] choice = new int[Math.max(n, 1)];
      Arrays.fill(choice, -1);
      ColumnVector[] sources = new ColumnVector[k + 1];
      boolean[] matched = new boolean[Math.max(n, 1)];
      for (int b = 0; b < k && left > 0; b++) {
        BooleanVector c = (BooleanVector) conditions.get(b).evaluate(batch, remaining, left);
        boolean[] cv = c.values();
        boolean[] cn = Vectors.nulls(c, n);
        int count = 0;
        for (int i = 0; i < n; i++) {
          boolean hit = remaining[i] && cv[i] && (cn == null || !cn[i]);
          matched[i] = hit;
          if (hit) {
            count++;
            remaining[i] = false;
            choice[i] = b;
          }
        }
        if (count > 0) {
          sources[b] = values.get(b).evaluate(batch, matched, count);
          left -= count;
        }
      }
      if (elseValue != null && left > 0) {
        sources[k] = elseValue.evaluate(batch, remaining, left);
        for (int i = 0; i < n; i++) {
          if (remaining[i]) choice[i] = k;
        }
      }
      return RowMerge.merge(type, sources, choice, n);
    };
  }

  static VectorEvaluator coalesce(DataType type, List<SelectiveEvaluator> arguments) {
    if (arguments.size() == 1) return arguments.get(0)::evaluateAll;
    return batch -> {
      int n = batch.numRows();
      boolean[] remaining = new boolean[Math.max(n, 1)];
      Arrays.fill(remaining, true);
      int left = n;
      int[] choice = new int[Math.max(n, 1)];
      Arrays.fill(choice, -1);
      ColumnVector[] sources = new ColumnVector[arguments.size()];
      for (int a = 0; a < arguments.size() && left > 0; a++) {
        ColumnVector v = arguments.get(a).evaluate(batch, remaining, left);
        sources[a] = v;
        for (int i = 0; i < n; i++) {
          if (remaining[i] && !v.isNullAt(i)) {
            choice[i] = a;
            remaining[i] = false;
            left--;
          }
        }
      }
      return RowMerge.merge(type, sources, choice, n);
    };
  }
}
