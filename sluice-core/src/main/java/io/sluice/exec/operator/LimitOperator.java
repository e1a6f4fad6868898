package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * The first {@code limit} rows of each partition. As {@code LocalLimit} it runs on every partition
 * before a single-partition exchange; as {@code GlobalLimit} on that single partition.
 */
public final class LimitOperator extends UnaryOperator {
  private final int limit;
  private final boolean global;

  public LimitOperator(int limit, boolean global, PhysicalOperator child) {
    super(child);
    this.limit = limit;
    this.global = global;
  }

  public int limit() {
    return limit;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    if (limit <= 0) return BatchIterator.empty();
    BatchIterator in = child.execute(partition, context);
    return new BatchIterator() {
      int remaining = limit;

      @Override
      public ColumnBatch next() {
        if (remaining <= 0) return null;
        ColumnBatch b = in.next();
        if (b == null) return null;
        if (b.numRows() <= remaining) {
          remaining -= b.numRows();
          return b;
        }
        int n = remaining;
        remaining = 0;
        int[] sel = new int[n];
        for (int i = 0; i < n; i++) sel[i] = i;
        return b.gather(sel, n);
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  @Override
  public String nodeName() {
    return global ? "GlobalLimit" : "LocalLimit";
  }

  @Override
  public String argString() {
    return String.valueOf(limit);
  }
}
