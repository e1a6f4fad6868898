package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * {@code coalesce(n)}: merges adjacent child partitions into at most {@code n} without a shuffle;
 * output partition {@code i} reads child partitions {@code [i*m/n, (i+1)*m/n)}.
 */
public final class CoalesceOperator extends UnaryOperator {
  private final int target;

  public CoalesceOperator(int target, PhysicalOperator child) {
    super(child);
    this.target = Math.max(1, target);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public int numPartitions() {
    return Math.min(target, child.numPartitions());
  }

  @Override
  public int numPartitions(TaskContext context) {
    return Math.min(target, child.numPartitions(context));
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    int m = child.numPartitions(context);
    int n = numPartitions(context);
    int from = (int) ((long) partition * m / n);
    int to = (int) ((long) (partition + 1) * m / n);
    return new BatchIterator() {
      int next = from;
      BatchIterator current;

      @Override
      public ColumnBatch next() {
        while (true) {
          if (current == null) {
            if (next >= to) return null;
            current = child.execute(next++, context);
          }
          ColumnBatch b = current.next();
          if (b != null) return b;
          current.close();
          current = null;
        }
      }

      @Override
      public void close() {
        if (current != null) current.close();
      }
    };
  }

  @Override
  public String nodeName() {
    return "Coalesce";
  }

  @Override
  public String argString() {
    return String.valueOf(target);
  }
}
