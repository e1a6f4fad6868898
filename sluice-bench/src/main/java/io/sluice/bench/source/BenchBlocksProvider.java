package io.sluice.bench.source;

import io.sluice.connector.BatchScan;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code format("bench-blocks")}: an endless stream of one small block per batch, for measuring the
 * engine's fixed cost per micro-batch: every trigger finds exactly one new block of {@code rows}
 * rows (one column {@code id BIGINT}, built once), so batches run back to back. The blocks a query
 * has committed are counted under the option {@code counter}; {@link #awaitCommitted} waits for a
 * count without polling.
 */
public final class BenchBlocksProvider implements StreamSourceProvider {
  static final StructType SCHEMA =
      new StructType(List.of(new StructField("id", DataTypes.LongType, false)));
  private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

  @Override
  public String shortName() {
    return "bench-blocks";
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return SCHEMA;
  }

  /** Waits until the query counting under {@code counter} has committed {@code blocks} blocks. */
  public static void awaitCommitted(String counter, long blocks) throws InterruptedException {
    COUNTERS.computeIfAbsent(counter, k -> new Counter()).await(blocks);
  }

  /** The blocks committed under {@code counter} so far. */
  public static long committed(String counter) {
    return COUNTERS.computeIfAbsent(counter, k -> new Counter()).value();
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    int rows = (int) Options.getLong(options, "rows", 1);
    Counter counter =
        COUNTERS.computeIfAbsent(Options.get(options, "counter", ""), k -> new Counter());
    long[] ids = new long[rows];
    for (int i = 0; i < rows; i++) ids[i] = i;
    ColumnBatch block =
        new ColumnBatch(
            new ColumnVector[] {new LongVector(DataTypes.LongType, ids, null, rows)}, rows);
    BatchScan scan =
        new BatchScan() {
          @Override
          public String description() {
            return "blocks";
          }

          @Override
          public StructType schema() {
            return SCHEMA;
          }

          @Override
          public int numPartitions() {
            return 1;
          }

          @Override
          public BatchIterator read(int partition, StructType readSchema, int batchSize) {
            return BatchIterator.of(
                List.of(readSchema.length() == 1 ? block : block.project(new int[0])));
          }
        };
    return new MicroBatchStream() {
      @Override
      public String description() {
        return "BenchBlocks(rows=" + rows + ")";
      }

      @Override
      public StructType schema() {
        return SCHEMA;
      }

      @Override
      public Offset initialOffset() {
        return new LongOffset(0);
      }

      @Override
      public Offset latestOffset(Offset start, ReadLimit limit) {
        return new LongOffset(((LongOffset) start).value() + 1);
      }

      @Override
      public BatchScan planBatch(Offset start, Offset end) {
        return scan;
      }

      @Override
      public Offset deserializeOffset(String json) {
        return LongOffset.parse(json, description());
      }

      @Override
      public void commit(Offset end) {
        counter.set(((LongOffset) end).value());
      }
    };
  }

  private static final class Counter {
    private long value;
    private long waitingFor = Long.MAX_VALUE;

    synchronized void set(long v) {
      value = v;
      if (v >= waitingFor) notifyAll();
    }

    synchronized long value() {
      return value;
    }

    synchronized void await(long target) throws InterruptedException {
      waitingFor = target;
      while (value < target) wait();
      waitingFor = Long.MAX_VALUE;
    }
  }
}
