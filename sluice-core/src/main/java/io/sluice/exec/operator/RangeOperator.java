package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.Range;
import java.util.List;

/**
 * {@code range(start, end, step)}: the {@code count} values {@code start + i * step}, split into
 * {@code splits} slices of consecutive values, produced in batches of the session's batch size.
 */
public final class RangeOperator implements PhysicalOperator {
  private final Range range;
  private final int splits;
  private final long count;

  public RangeOperator(Range range, int splits) {
    this.range = range;
    this.splits = Math.max(1, splits);
    this.count = range.count();
  }

  @Override
  public List<AttributeReference> output() {
    return List.of(range.id());
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of();
  }

  @Override
  public int numPartitions() {
    return splits;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return run(partition, context, false);
  }

  /** Fills one buffer again for every batch. */
  @Override
  public BatchIterator executeTransient(int partition, TaskContext context) {
    return run(partition, context, true);
  }

  private BatchIterator run(int partition, TaskContext context, boolean reuse) {
    long from = sliceStart(partition);
    long to = sliceStart(partition + 1);
    int batchSize = context.batchSize();
    long start = range.start();
    long step = range.step();
    return new BatchIterator() {
      long next = from;
      long[] buffer;

      @Override
      public ColumnBatch next() {
        if (next >= to) return null;
        int n = (int) Math.min(batchSize, to - next);
        long[] values = reuse && buffer != null && buffer.length >= n ? buffer : new long[n];
        if (reuse) buffer = values;
        long first = start + next * step;
        for (int i = 0; i < n; i++) values[i] = first + i * step;
        next += n;
        LongVector vec = new LongVector(range.id().dataType(), values, null, n);
        return new ColumnBatch(new ColumnVector[] {vec}, n);
      }
    };
  }

  private long sliceStart(int slice) {
    return java.math.BigInteger.valueOf(count)
        .multiply(java.math.BigInteger.valueOf(slice))
        .divide(java.math.BigInteger.valueOf(splits))
        .longValueExact();
  }

  @Override
  public String nodeName() {
    return "Range";
  }

  @Override
  public String argString() {
    return "("
        + range.start()
        + ", "
        + range.end()
        + ", step="
        + range.step()
        + ", splits="
        + splits
        + ")";
  }

  @Override
  public String toString() {
    return treeString();
  }
}
