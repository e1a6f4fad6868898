package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.sort.RowComparator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts each partition (a global sort runs on a single partition): collects the partition into one
 * batch, evaluates the sort keys, orders row numbers with a stable merge sort and gathers the rows
 * in that order.
 */
public final class SortOperator extends UnaryOperator {
  private final List<SortOrder> order;
  private final boolean global;
  private final BoundExpressions keys;
  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  public SortOperator(List<SortOrder> order, boolean global, PhysicalOperator child) {
    super(child);
    this.order = List.copyOf(order);
    this.global = global;
    List<Expression> exprs = new ArrayList<>();
    ascending = new boolean[order.size()];
    nullsFirst = new boolean[order.size()];
    for (int i = 0; i < order.size(); i++) {
      exprs.add(order.get(i).child());
      ascending[i] = order.get(i).ascending();
      nullsFirst[i] = order.get(i).nullsFirst();
    }
    this.keys = new BoundExpressions(exprs, child.output());
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    int batchSize = context.batchSize();
    VectorEvaluator[] evals = keys.compile(context);
    return new BatchIterator() {
      ColumnBatch all;
      int[] sorted;
      int emitted;

      @Override
      public ColumnBatch next() {
        if (all == null) sortPartition();
        int n = all.numRows();
        if (emitted >= n) return null;
        int count = Math.min(batchSize, n - emitted);
        int[] sel = java.util.Arrays.copyOfRange(sorted, emitted, emitted + count);
        emitted += count;
        return all.gather(sel, count);
      }

      private void sortPartition() {
        BatchBuilder builder = new BatchBuilder(BoundExpressions.typesOf(child.output()), 1024);
        List<ColumnBatch> batches = new ArrayList<>();
        try (BatchIterator in = child.execute(partition, context)) {
          for (ColumnBatch b = in.next(); b != null; b = in.next()) batches.add(b);
        }
        all = batches.size() == 1 ? batches.get(0) : concat(builder, batches);
        int n = all.numRows();
        ColumnVector[] k = new ColumnVector[evals.length];
        for (int i = 0; i < k.length; i++) k[i] = evals[i].evaluate(all);
        sorted = RowComparator.sortedOrder(k, ascending, nullsFirst, n);
      }
    };
  }

  private static ColumnBatch concat(BatchBuilder builder, List<ColumnBatch> batches) {
    for (ColumnBatch b : batches) builder.appendAll(b);
    return builder.build();
  }

  @Override
  public String nodeName() {
    return "Sort";
  }

  @Override
  public String argString() {
    return PlanText.list(order) + ", " + global;
  }
}
