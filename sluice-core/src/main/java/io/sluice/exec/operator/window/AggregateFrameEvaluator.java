package io.sluice.exec.operator.window;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.agg.Accumulator;
import io.sluice.exec.operator.agg.AggregateFunctions;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AggregateCall;

/**
 * An aggregate over each row's frame, with the accumulators of hash aggregation: one group per
 * distinct frame. Rows whose frame equals the previous row's share its group; a frame that only
 * grows at its end (running totals, a whole partition) copies the previous group and adds the new
 * rows; any other frame is aggregated afresh, as Spark's sliding frames are. Rows are always added
 * in order, so order-sensitive results (a running double sum, {@code collect_list}) are Spark's.
 */
final class AggregateFrameEvaluator implements WindowEvaluator {
  private final AggregateCall call;
  private final VectorEvaluator[] inputs;
  private final FrameSpec frame;
  private final boolean ansi;

  AggregateFrameEvaluator(
      AggregateCall call, VectorEvaluator[] inputs, FrameSpec frame, boolean ansi) {
    this.call = call;
    this.inputs = inputs;
    this.frame = frame;
    this.ansi = ansi;
  }

  @Override
  public ColumnVector evaluate(WindowLayout l, ColumnBatch sorted) {
    int n = l.n;
    ColumnVector[] args = new ColumnVector[inputs.length];
    for (int j = 0; j < args.length; j++) args[j] = inputs[j].evaluate(sorted);
    FrameBounds f = frame.bounds(l);
    Accumulator acc = AggregateFunctions.create(call, ansi);
    int[] groupOf = new int[Math.max(n, 1)];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      int s = f.start[i];
      int e = f.end[i];
      boolean samePartition = i > 0 && l.partStart[i] == l.partStart[i - 1];
      if (samePartition && s == f.start[i - 1] && e == f.end[i - 1]) {
        groupOf[i] = groups - 1;
        continue;
      }
      int g = groups++;
      acc.grow(groups);
      if (samePartition && s == f.start[i - 1] && e >= f.end[i - 1]) {
        acc.copyGroup(g - 1, g);
        acc.updateRange(args, f.end[i - 1], e, g);
      } else {
        acc.updateRange(args, s, e, g);
      }
      groupOf[i] = g;
    }
    if (n == 0) return acc.result(0, 0);
    return acc.result(0, groups).gather(groupOf, n);
  }
}
