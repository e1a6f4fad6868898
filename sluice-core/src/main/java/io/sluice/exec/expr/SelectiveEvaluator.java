package io.sluice.exec.expr;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;

/**
 * A child of a conditional expression ({@code AND}, {@code OR}, {@code CASE}, {@code coalesce})
 * that Spark evaluates only on some rows. A child that cannot fail is evaluated on the whole batch,
 * which is cheaper than gathering. A child that can raise an error (ANSI arithmetic or casts,
 * strict array access) must behave as if evaluated on exactly the selected rows, so {@code x <> 0
 * AND 10 / x > 1} never divides by zero: it is first evaluated on the whole batch anyway (errors
 * are rare and the values of unselected rows are ignored), and only when that raises an error is it
 * evaluated again on the selected rows alone, which raises the error if a selected row causes it.
 * After one such retry the evaluator stops trying the whole batch.
 */
final class SelectiveEvaluator {
  private final VectorEvaluator evaluator;
  private final DataType type;
  private final boolean[] usedColumns;
  private final boolean canFail;
  private boolean gatherFirst;
  private int[] rows = new int[0];

  SelectiveEvaluator(
      VectorEvaluator evaluator, DataType type, boolean[] usedColumns, boolean canFail) {
    this.evaluator = evaluator;
    this.type = type;
    this.usedColumns = usedColumns;
    this.canFail = canFail;
  }

  ColumnVector evaluateAll(ColumnBatch batch) {
    return evaluator.evaluate(batch);
  }

  /**
   * The child's value on every row, when evaluating every row is allowed: always for a child that
   * cannot fail, and for one that can as long as no whole-batch attempt has failed yet. Returns
   * {@code null} (the caller then passes the selected rows to {@link #evaluate}) when the child
   * must be evaluated on the selected rows only.
   */
  ColumnVector tryAll(ColumnBatch batch) {
    if (!canFail) return evaluator.evaluate(batch);
    if (gatherFirst) return null;
    try {
      return evaluator.evaluate(batch);
    } catch (RuntimeException e) {
      gatherFirst = true;
      return null;
    }
  }

  /**
   * The child's value on the {@code count} rows flagged in {@code selected}, as a vector of all the
   * batch's rows; unflagged rows hold arbitrary values (or nulls).
   */
  ColumnVector evaluate(ColumnBatch batch, boolean[] selected, int count) {
    int n = batch.numRows();
    if (!canFail || count == n) return evaluator.evaluate(batch);
    if (count == 0) return Vectors.allNulls(type, n);
    if (!gatherFirst) {
      try {
        return evaluator.evaluate(batch);
      } catch (RuntimeException e) {
        // some row failed, perhaps an unselected one: decide on the selected rows alone
        gatherFirst = true;
      }
    }
    if (rows.length < count) rows = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (selected[i]) rows[k++] = i;
    }
    ColumnVector part = evaluator.evaluate(Vectors.gather(batch, usedColumns, rows, count));
    return RowMerge.scatter(part, rows, count, n);
  }
}
