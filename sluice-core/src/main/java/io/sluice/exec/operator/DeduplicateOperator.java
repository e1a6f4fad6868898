package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * Keeps the first row of each distinct key within a partition ({@code dropDuplicates}); after a
 * hash exchange on the keys, within the whole input. Rows pass through in input order.
 */
public final class DeduplicateOperator extends UnaryOperator {
  private final List<AttributeReference> keys;
  private final BoundExpressions bound;

  public DeduplicateOperator(List<AttributeReference> keys, PhysicalOperator child) {
    super(child);
    this.keys = List.copyOf(keys);
    this.bound = new BoundExpressions(keys, child.output());
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator[] evals = bound.compile(context);
    KeyTable seen = KeyTable.create(bound.types());
    int[][] buffers = {new int[0], new int[0]};
    return new MappedIterator(
        child.execute(partition, context),
        b -> {
          int n = b.numRows();
          if (buffers[0].length < n) {
            buffers[0] = new int[n];
            buffers[1] = new int[n];
          }
          int[] ids = buffers[0];
          int[] sel = buffers[1];
          ColumnVector[] k = new ColumnVector[evals.length];
          for (int i = 0; i < k.length; i++) k[i] = evals[i].evaluate(b);
          int next = seen.size();
          seen.findOrInsert(k, n, ids);
          int kept = 0;
          for (int i = 0; i < n; i++) {
            if (ids[i] == next) {
              sel[kept++] = i;
              next++;
            }
          }
          if (kept == n) return b;
          return kept == 0 ? null : b.gather(sel, kept);
        });
  }

  @Override
  public String nodeName() {
    return "Deduplicate";
  }

  @Override
  public String argString() {
    return PlanText.list(keys);
  }
}
