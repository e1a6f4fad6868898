package io.sluice.connector.memory;

import io.sluice.connector.BatchScan;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.StreamSink;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code format("memory")}: keeps a query's output in memory, as Spark's memory sink (for tests and
 * small interactive queries). Append and update add each batch's rows; complete replaces them with
 * the batch's. A batch id already added is skipped, so re-running a batch after a restart does not
 * duplicate rows. {@link #scan()} reads the current rows.
 */
public final class MemorySink implements StreamSink {
  private final StructType schema;
  private final OutputMode mode;
  private final List<ColumnBatch> rows = new ArrayList<>();
  private long lastBatchId = -1;

  public MemorySink(StructType schema, OutputMode mode) {
    this.schema = schema;
    this.mode = mode;
  }

  @Override
  public String description() {
    return "MemorySink";
  }

  @Override
  public void addBatch(long batchId, MicroBatchOutput data) {
    synchronized (this) {
      if (batchId <= lastBatchId) return;
    }
    List<ColumnBatch> batch = data.collect();
    synchronized (this) {
      if (mode == OutputMode.COMPLETE) rows.clear();
      rows.addAll(batch);
      lastBatchId = batchId;
    }
  }

  /** The rows added so far. */
  public synchronized List<ColumnBatch> snapshot() {
    return List.copyOf(rows);
  }

  /** The id of the last batch added, -1 before the first. */
  public synchronized long lastBatchId() {
    return lastBatchId;
  }

  /** A batch scan of the rows present when each read starts. */
  public BatchScan scan() {
    return new BatchScan() {
      @Override
      public String description() {
        return "MemorySink";
      }

      @Override
      public StructType schema() {
        return schema;
      }

      @Override
      public int numPartitions() {
        return 1;
      }

      @Override
      public BatchIterator read(int partition, StructType readSchema, int batchSize) {
        int[] ordinals = ordinals(readSchema);
        List<ColumnBatch> out = new ArrayList<>();
        for (ColumnBatch b : snapshot()) out.add(b.project(ordinals));
        return BatchIterator.of(out);
      }
    };
  }

  private int[] ordinals(StructType readSchema) {
    StructField[] all = schema.fields();
    StructField[] wanted = readSchema.fields();
    int[] out = new int[wanted.length];
    int from = 0;
    for (int i = 0; i < wanted.length; i++) {
      int found = -1;
      for (int j = from; j < all.length && found < 0; j++) {
        if (all[j].name().equals(wanted[i].name())) found = j;
      }
      if (found < 0) {
        for (int j = 0; j < all.length && found < 0; j++) {
          if (all[j].name().equals(wanted[i].name())) found = j;
        }
      }
      out[i] = found;
      from = found + 1;
    }
    return out;
  }
}
