package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.plan.TreeFormat;
import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * A node of a physical plan: an operator over column batches, split into partitions that run as
 * independent tasks on the worker pool. Operators are immutable and may be executed many times (a
 * streaming query plans once and executes once per micro-batch); all per-execution state lives in
 * the iterator {@link #execute} returns or in the {@link TaskContext} of that execution.
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

  /**
   * Runs one partition like {@link #execute}, for a caller that is done with each batch before it
   * asks for the next (an aggregation, a hash exchange): a batch and its vectors stay valid only
   * until the next call to {@code next()} or {@code close()} on the returned iterator, so the
   * operator may refill the same buffers every batch and keep its working set in cache. Operators
   * without such buffers run {@link #execute}.
   */
  default BatchIterator executeTransient(int partition, TaskContext context) {
    return execute(partition, context);
  }

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
