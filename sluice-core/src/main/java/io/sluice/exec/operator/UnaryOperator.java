package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import java.util.List;
import java.util.Objects;

/** An operator with one child whose partitions it maps one to one. */
public abstract class UnaryOperator implements PhysicalOperator {
  protected final PhysicalOperator child;

  protected UnaryOperator(PhysicalOperator child) {
    this.child = Objects.requireNonNull(child, "child");
  }

  public PhysicalOperator child() {
    return child;
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of(child);
  }

  @Override
  public int numPartitions() {
    return child.numPartitions();
  }

  @Override
  public int numPartitions(TaskContext context) {
    return child.numPartitions(context);
  }

  @Override
  public String toString() {
    return treeString();
  }
}
