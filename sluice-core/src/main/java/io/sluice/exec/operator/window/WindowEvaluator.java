package io.sluice.exec.operator.window;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;

/** Computes one window expression for every row of a task's sorted input, a vector at a time. */
interface WindowEvaluator {
  /** The values of rows {@code [0, layout.n)} of {@code sorted}, in that order. */
  ColumnVector evaluate(WindowLayout layout, ColumnBatch sorted);
}
