package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.LambdaBody;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import java.util.List;

/**
 * {@code aggregate(array, zero, (acc, x) -> merge, acc -> finish)}. Each step depends on the
 * previous one, so the merge lambda runs once per element position {@code k}, over the accumulators
 * of all arrays of the batch longer than {@code k}. The rows are ordered by length, longest first,
 * so the arrays still running at step {@code k} are always a prefix and the accumulator vector
 * never needs compacting; an array's final accumulator is read from the step it ended at.
 */
final class AggregateKernel {
  private AggregateKernel() {}

  static VectorEvaluator create(ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction merge = (LambdaFunction) call.arg(2);
    LambdaFunction finish = (LambdaFunction) call.arg(3);
    LambdaBody mergeBody = LambdaBody.compile(merge, ctx);
    LambdaBody finishBody =
        LambdaBody.isIdentity(finish, 0) ? null : LambdaBody.compile(finish, ctx);
    DataType accType = call.arg(1).dataType();
    DataType resultType = call.dataType();
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) args.get(0).evaluate(batch);
      int[] order = new int[Math.max(n, 1)];
      int live = 0;
      for (int i = 0; i < n; i++) {
        if (!a.isNullAt(i)) order[live++] = i;
      }
      if (live == 0) return CollectionVectors.allNulls(resultType, n);
      ArraySortKernels.mergeSort(
          order,
          0,
          live,
          new int[order.length],
          (p, q) -> Integer.compare(a.length(q), a.length(p)));
      ColumnVector zero = args.get(1).evaluate(batch);
      ColumnVector acc = run(batch, a, order, live, zero.gather(order, live), mergeBody, accType);
      int[] positions = new int[Math.max(n, 1)];
      java.util.Arrays.fill(positions, -1);
      for (int p = 0; p < live; p++) positions[order[p]] = p;
      ColumnVector result = finishBody == null ? acc : finishBody.evaluate(batch, order, live, acc);
      return CollectionVectors.gatherOrNull(result, positions, n);
    };
  }

  /** The final accumulators of the arrays at {@code order[0..live)}, in that order. */
  private static ColumnVector run(
      ColumnBatch batch,
      ArrayVector a,
      int[] order,
      int live,
      ColumnVector zero,
      LambdaBody merge,
      DataType accType) {
    ColumnVector elements = a.elements();
    ColumnVector out = ColumnVector.allocate(accType, live);
    ColumnVector acc = zero;
    int active = live;
    int[] positions = new int[live];
    for (int k = 0; ; k++) {
      int stillActive = 0;
      while (stillActive < active && a.length(order[stillActive]) > k) stillActive++;
      // arrays of length k are done: their accumulators are final
      appendRange(out, acc, stillActive, active);
      active = stillActive;
      if (active == 0) break;
      for (int p = 0; p < active; p++) positions[p] = a.start(order[p]) + k;
      ColumnVector x = elements.gather(positions, active);
      acc = merge.evaluate(batch, order, active, acc, x);
    }
    return reversed(out, live);
  }

  /**
   * Rows {@code [from, to)} of {@code acc} are final; they are appended in reverse, since later
   * steps finish rows nearer the front.
   */
  private static void appendRange(ColumnVector out, ColumnVector acc, int from, int to) {
    for (int p = to - 1; p >= from; p--) out.appendFrom(acc, p);
  }

  /** {@code out} holds rows in reverse order of position; returns them in order. */
  private static ColumnVector reversed(ColumnVector out, int live) {
    int[] sel = new int[Math.max(live, 1)];
    for (int p = 0; p < live; p++) sel[p] = live - 1 - p;
    return out.gather(sel, live);
  }
}
