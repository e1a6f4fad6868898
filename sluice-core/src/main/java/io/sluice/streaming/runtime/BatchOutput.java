package io.sluice.streaming.runtime;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** One micro-batch's result as its sink pulls it, counting the rows the sink receives. */
final class BatchOutput implements MicroBatchOutput {
  private final IncrementalPlan plan;
  private final TaskContext context;
  private final LongAdder rows = new LongAdder();
  private boolean consumed;

  BatchOutput(IncrementalPlan plan, TaskContext context) {
    this.plan = plan;
    this.context = context;
  }

  @Override
  public StructType schema() {
    return plan.schema();
  }

  @Override
  public <R> List<R> writePartitions(PartitionWriter<R> writer) {
    markConsumed();
    PhysicalOperator op = plan.physical();
    op.prepare(context);
    int n = op.numPartitions(context);
    int[] ordinals = plan.outputOrdinals();
    return context
        .scheduler()
        .runAll(n, p -> writer.write(p, counted(op.execute(p, context), ordinals)));
  }

  @Override
  public List<ColumnBatch> collect() {
    markConsumed();
    List<ColumnBatch> batches = context.scheduler().collect(plan.physical(), context);
    int[] ordinals = plan.outputOrdinals();
    List<ColumnBatch> out = new ArrayList<>(batches.size());
    for (ColumnBatch b : batches) {
      rows.add(b.numRows());
      out.add(ordinals == null ? b : b.project(ordinals));
    }
    return out;
  }

  /** Runs the batch when the sink did not pull it, so state and watermarks still advance. */
  void runIfNotConsumed() {
    if (!consumed) writePartitions((p, it) -> drainCount(it));
  }

  long rowsWritten() {
    return rows.sum();
  }

  boolean consumed() {
    return consumed;
  }

  private static long drainCount(BatchIterator it) {
    long n = 0;
    try (it) {
      for (ColumnBatch b = it.next(); b != null; b = it.next()) n += b.numRows();
    }
    return n;
  }

  private void markConsumed() {
    if (consumed) {
      throw new IllegalStateException("a micro-batch's output can be read only once");
    }
    consumed = true;
  }

  private BatchIterator counted(BatchIterator in, int[] ordinals) {
    return new BatchIterator() {
      @Override
      public ColumnBatch next() {
        ColumnBatch b = in.next();
        if (b == null) return null;
        rows.add(b.numRows());
        return ordinals == null ? b : b.project(ordinals);
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }
}
