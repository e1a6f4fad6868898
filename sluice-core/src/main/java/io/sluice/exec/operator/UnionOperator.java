package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** All rows of its children: their partitions one after another. */
public final class UnionOperator implements PhysicalOperator {
  private final List<PhysicalOperator> children;
  private final List<AttributeReference> output;

  public UnionOperator(List<PhysicalOperator> children, List<AttributeReference> output) {
    this.children = List.copyOf(children);
    this.output = List.copyOf(output);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public List<PhysicalOperator> children() {
    return children;
  }

  @Override
  public int numPartitions() {
    int n = 0;
    for (PhysicalOperator c : children) n += c.numPartitions();
    return n;
  }

  @Override
  public int numPartitions(TaskContext context) {
    int n = 0;
    for (PhysicalOperator c : children) n += c.numPartitions(context);
    return n;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    int p = partition;
    for (PhysicalOperator c : children) {
      int n = c.numPartitions(context);
      if (p < n) return c.execute(p, context);
      p -= n;
    }
    throw new IndexOutOfBoundsException("Union has no partition " + partition);
  }

  @Override
  public String nodeName() {
    return "Union";
  }

  @Override
  public String argString() {
    return "";
  }

  @Override
  public String toString() {
    return treeString();
  }
}
