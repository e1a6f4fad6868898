package io.sluice.exec.expr;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;

/**
 * A compiled expression: evaluates a whole batch per call into one result vector. Evaluators are
 * created once per query (not per batch) and are not thread-safe; each task compiles its own or the
 * compiler returns stateless ones.
 */
@FunctionalInterface
public interface VectorEvaluator {
  /** The expression's value for every row of {@code input}; has {@code input.numRows()} rows. */
  ColumnVector evaluate(ColumnBatch input);
}
