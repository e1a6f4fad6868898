package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.plan.TreeFormat;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * A node of a physical plan: an operator over column batches, split into partitions that run
 * as independent tasks on the worker pool. Operators are immutable and may be executed many
 * times (a streaming query plans once and executes once per micro-batch); all per-execution
 * state lives in the iterator {@link #execute} returns or in the {@link TaskContext} of that
 * execution.
 */
public interface PhysicalOperator {

  /** The columns of the batches this operator produces, in order. */
  List<AttributeReference> output();

  List<PhysicalOperator> children();

  /**
   * How many partitions {@link #execute} accepts, as planned. An exchange that coalesces small
   * partitions at run time may end up with fewer: see {@link #numPartitions(TaskContext)}.
   */
  int numPartitions();

  /** How many partitions {@link #execute} accepts in the execution of {@code context}. */
  default int numPartitions(TaskContext context) {
    return numPartitions();
  }

  /**
   * Runs what must happen before partitions execute (exchanges materialize their input, child
   * stages first). Optional: {@link #execute} also works unprepared.
   */
  default void prepare(TaskContext context) {
    for (PhysicalOperator c : children()) c.prepare(context);
  }

  /** Runs one partition; called from a worker thread. */
  BatchIterator execute(int partition, TaskContext context);

  /** The name shown in plans, e.g. {@code HashAggregate}. */
  default String nodeName() {
    return getClass().getSimpleName().replace("Operator", "");
  }

  /** The arguments shown in plans. */
  String argString();

  /** This node's line in plans: its name and arguments. */
  default String simpleString() {
    return (nodeName() + " " + argString()).stripTrailing();
  }

  default String treeString() {
    return TreeFormat.draw(this, PhysicalOperator::simpleString, PhysicalOperator::children);
  }
}
