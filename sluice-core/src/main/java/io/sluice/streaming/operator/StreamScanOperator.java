package io.sluice.streaming.operator;

import io.sluice.connector.BatchScan;
import io.sluice.exec.operator.BatchScanOperator;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.MicroBatchInput;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads source {@code sourceIndex}'s input in the current micro-batch. The operator has a fixed
 * number of partitions ({@code slots}, the worker threads), planned once per query; each batch's
 * input partitions, however many, are dealt round-robin onto them, so the plan above never changes
 * shape between batches.
 */
public final class StreamScanOperator implements PhysicalOperator {
  private final int sourceIndex;
  private final String description;
  private final List<AttributeReference> output;
  private final StructType readSchema;
  private final int slots;

  public StreamScanOperator(
      int sourceIndex, String description, List<AttributeReference> output, int slots) {
    this.sourceIndex = sourceIndex;
    this.description = description;
    this.output = List.copyOf(output);
    this.slots = Math.max(1, slots);
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference a : output) {
      fields.add(new StructField(a.name(), a.dataType(), a.nullable()));
    }
    this.readSchema = new StructType(fields);
  }

  public int sourceIndex() {
    return sourceIndex;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of();
  }

  @Override
  public int numPartitions() {
    return slots;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    MicroBatchInput input = context.microBatch();
    BatchScan scan = input == null ? null : input.source(sourceIndex);
    if (scan == null || partition >= scan.numPartitions()) return BatchIterator.empty();
    int batchSize = context.batchSize();
    return new BatchIterator() {
      private int next = partition;
      private BatchIterator current;

      @Override
      public ColumnBatch next() {
        while (true) {
          if (current == null) {
            if (next >= scan.numPartitions()) return null;
            current = BatchScanOperator.trackingFileBlocks(scan.read(next, readSchema, batchSize));
            next += slots;
          }
          ColumnBatch b = current.next();
          if (b != null) {
            input.addRowsRead(sourceIndex, b.numRows());
            return b;
          }
          current.close();
          current = null;
        }
      }

      @Override
      public void close() {
        if (current != null) current.close();
        current = null;
        next = Integer.MAX_VALUE;
      }
    };
  }

  @Override
  public String nodeName() {
    return "MicroBatchScan";
  }

  @Override
  public String argString() {
    return description + " " + io.sluice.plan.logical.LogicalPlan.bracket(output);
  }
}
