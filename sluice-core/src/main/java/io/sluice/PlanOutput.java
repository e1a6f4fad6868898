package io.sluice;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.StructType;
import java.util.List;

/** A batch query's result as a batch sink pulls it: partition by partition, or whole. */
final class PlanOutput implements MicroBatchOutput {
  private final QueryExecution execution;
  private final StructType schema;
  private final TaskScheduler scheduler;
  private final TaskContext context;
  private boolean consumed;

  PlanOutput(Session session, QueryExecution execution, StructType schema) {
    this.execution = execution;
    this.schema = schema;
    this.scheduler = session.scheduler("a write");
    this.context = new TaskContext(session.sqlConf(), scheduler);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public <R> List<R> writePartitions(PartitionWriter<R> writer) {
    markConsumed();
    PhysicalOperator op = execution.executedPlan();
    op.prepare(context);
    int n = op.numPartitions(context);
    int[] ordinals = AttributeReference.ordinals(op.output(), execution.analyzed().output());
    return scheduler.runAllOnCaller(
        n, p -> writer.write(p, projected(op.execute(p, context), ordinals)));
  }

  @Override
  public List<ColumnBatch> collect() {
    markConsumed();
    return execution.executeCollect();
  }

  private void markConsumed() {
    if (consumed) throw new IllegalStateException("a write's input can be read only once");
    consumed = true;
  }

  private static BatchIterator projected(BatchIterator in, int[] ordinals) {
    if (ordinals == null) return in;
    return new BatchIterator() {
      @Override
      public ColumnBatch next() {
        ColumnBatch b = in.next();
        return b == null ? null : b.project(ordinals);
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }
}
