package io.sluice.streaming.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.UnaryOperator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.List;

/**
 * Passes rows through unchanged while recording the event times they carry, so the runtime can
 * advance the watermark after the batch ({@code withWatermark}). Rows are never dropped here:
 * stateful operators above drop late rows.
 */
public final class EventTimeWatermarkOperator extends UnaryOperator {
  private final Expression eventTime;
  private final long delayMs;
  private final BoundExpressions bound;

  public EventTimeWatermarkOperator(Expression eventTime, long delayMs, PhysicalOperator child) {
    super(child);
    this.eventTime = eventTime;
    this.delayMs = delayMs;
    this.bound = new BoundExpressions(List.of(eventTime), child.output());
  }

  public long delayMs() {
    return delayMs;
  }

  /** This batch's event-time figures, shared by the tasks of one execution. */
  public EventTimeStats stats(TaskContext context) {
    return context.shared(this, EventTimeStats::new);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return track(child.execute(partition, context), context, partition);
  }

  @Override
  public BatchIterator executeTransient(int partition, TaskContext context) {
    return track(child.executeTransient(partition, context), context, partition);
  }

  private BatchIterator track(BatchIterator input, TaskContext context, int partition) {
    VectorEvaluator eval = bound.compileTransient(context, partition)[0];
    EventTimeStats stats = stats(context);
    return new BatchIterator() {
      private long min = Long.MAX_VALUE;
      private long max = Long.MIN_VALUE;
      private double sum;
      private long count;

      @Override
      public ColumnBatch next() {
        ColumnBatch b = input.next();
        if (b == null) {
          flush();
          return null;
        }
        ColumnVector v = eval.evaluate(b);
        if (v instanceof LongVector lv) {
          long[] values = lv.values();
          boolean[] nulls = lv.nulls();
          int n = b.numRows();
          for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) continue;
            long t = values[i];
            min = Math.min(min, t);
            max = Math.max(max, t);
            sum += t;
            count++;
          }
        }
        return b;
      }

      private void flush() {
        stats.add(min, max, sum, count);
        count = 0;
        min = Long.MAX_VALUE;
        max = Long.MIN_VALUE;
        sum = 0;
      }

      @Override
      public void close() {
        flush();
        input.close();
      }
    };
  }

  @Override
  public String nodeName() {
    return "EventTimeWatermark";
  }

  @Override
  public String argString() {
    return eventTime + ", " + delayMs + " milliseconds";
  }
}
