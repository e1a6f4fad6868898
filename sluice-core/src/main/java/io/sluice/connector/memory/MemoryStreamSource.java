package io.sluice.connector.memory;

import io.sluice.connector.BatchScan;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows added by hand, in numbered blocks: block {@code n} is offset {@code n}, and the initial
 * offset is -1, as Spark's {@code MemoryStream}. Every query over the stream sees every block; the
 * data lives as long as the stream object, so a restarted query re-reads what its checkpoint did
 * not commit.
 */
public final class MemoryStreamSource {
  private final String name;
  private final StructType schema;
  private final List<List<ColumnBatch>> blocks = new ArrayList<>();

  public MemoryStreamSource(String name, StructType schema) {
    this.name = name;
    this.schema = schema;
  }

  public StructType schema() {
    return schema;
  }

  public String name() {
    return name;
  }

  /** Adds a block of rows; returns its offset. */
  public synchronized LongOffset add(List<ColumnBatch> block) {
    blocks.add(List.copyOf(block));
    return new LongOffset(blocks.size() - 1);
  }

  /** The offset of the last block, -1 when none. */
  public synchronized LongOffset latest() {
    return new LongOffset(blocks.size() - 1);
  }

  private synchronized List<List<ColumnBatch>> range(long fromExclusive, long toInclusive) {
    return new ArrayList<>(blocks.subList((int) fromExclusive + 1, (int) toInclusive + 1));
  }

  /** A fresh reader for one run of a query. */
  public MicroBatchStream stream() {
    return new MicroBatchStream() {
      @Override
      public String description() {
        return name;
      }

      @Override
      public StructType schema() {
        return schema;
      }

      @Override
      public Offset initialOffset() {
        return new LongOffset(-1);
      }

      @Override
      public Offset latestOffset(Offset start, ReadLimit limit) {
        return latest(); // a block is the unit of admission; limits do not split blocks
      }

      @Override
      public BatchScan planBatch(Offset start, Offset end) {
        long from = ((LongOffset) start).value();
        long to = ((LongOffset) end).value();
        if (to >= blocksSize()) {
          throw new IllegalStateException(
              name + " has no block " + to + "; it holds " + blocksSize() + " blocks");
        }
        List<List<ColumnBatch>> parts = range(from, to);
        return new BatchScan() {
          @Override
          public String description() {
            return name;
          }

          @Override
          public StructType schema() {
            return schema;
          }

          @Override
          public int numPartitions() {
            return parts.size();
          }

          @Override
          public BatchIterator read(int partition, StructType readSchema, int batchSize) {
            int[] ordinals = new int[readSchema.length()];
            for (int i = 0; i < ordinals.length; i++) {
              ordinals[i] = schema.fieldIndex(readSchema.fields()[i].name());
            }
            List<ColumnBatch> out = new ArrayList<>();
            for (ColumnBatch b : parts.get(partition)) out.add(b.project(ordinals));
            return BatchIterator.of(out);
          }
        };
      }

      @Override
      public Offset deserializeOffset(String json) {
        return LongOffset.parse(json, name);
      }
    };
  }

  private synchronized int blocksSize() {
    return blocks.size();
  }
}
