package io.sluice.exec.expr;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;

/**
 * A child of a conditional expression ({@code AND}, {@code OR}, {@code CASE}, {@code coalesce})
 * that Spark evaluates only on some rows. When the child can raise an error (ANSI arithmetic or
 * casts, strict array access) it is evaluated on exactly those rows, so {@code x <> 0 AND 10 / x
 * > 1} never divides by zero; a child that cannot fail is evaluated on the whole batch, which is
 * cheaper than gathering.
 */
final class SelectiveEvaluator {
  private final VectorEvaluator evaluator;
  private final DataType type;
  private final boolean[] usedColumns;
  private final boolean canFail;

  SelectiveEvaluator(VectorEvaluator evaluator, DataType type, boolean[] usedColumns,
      boolean canFail) {
    this.evaluator = evaluator;
    this.type = type;
    this.usedColumns = usedColumns;
    this.canFail = canFail;
  }

  ColumnVector evaluateAll(ColumnBatch batch) {
    return evaluator.evaluate(batch);
  }

  /**
   * The child's value on the {@code count} rows flagged in {@code selected}, as a vector of all
   * the batch's rows; unflagged rows hold arbitrary values (or nulls).
   */
  ColumnVector evaluate(ColumnBatch batch, boolean[] selected, int count) {
    int n = batch.numRows();
    if (!canFail || count == n) return evaluator.evaluate(batch);
    if (count == 0) return Vectors.allNulls(type, n);
    int[] rows = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (selected[i]) rows[k++] = i;
    }
    ColumnVector part = evaluator.evaluate(Vectors.gather(batch, usedColumns, rows, count));
    return RowMerge.scatter(part, rows, count, n);
  }
}
