package io.sluice.streaming;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.SessionInternals;
import io.sluice.connector.BatchScan;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.StreamSourceDefinition;
import io.sluice.connector.SupportsTriggerAvailableNow;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.internal.RowConverter;
import io.sluice.plan.logical.StreamingRelation;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test source of the numbers 0, 1, 2... of which the test makes the first {@code n} available;
 * the offset is how many numbers were read. It admits at most {@code maxRowsPerBatch} per batch and
 * supports {@code Trigger.AvailableNow}, so the runtime's handling of read limits shows.
 */
final class CountingSource {
  static final StructType SCHEMA = StructType.fromDDL("value BIGINT");

  private final long maxRowsPerBatch;
  private volatile long available;
  private volatile boolean hang;

  CountingSource(long maxRowsPerBatch) {
    this.maxRowsPerBatch = maxRowsPerBatch;
  }

  void makeAvailable(long n) {
    available = n;
  }

  /** From now on, asking for the latest offset blocks until the query thread is interrupted. */
  void hang() {
    hang = true;
  }

  DataFrame toDF(Session session) {
    return SessionInternals.dataFrame(session, StreamingRelation.of(definition()));
  }

  private StreamSourceDefinition definition() {
    return new StreamSourceDefinition() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public String description() {
        return "CountingSource";
      }

      @Override
      public StructType schema() {
        return SCHEMA;
      }

      @Override
      public MicroBatchStream create(String metadataPath) {
        return new Stream();
      }
    };
  }

  private final class Stream implements SupportsTriggerAvailableNow {
    private long target = -1;

    @Override
    public void prepareForTriggerAvailableNow() {
      target = available;
    }

    @Override
    public String description() {
      return "CountingSource";
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
    public ReadLimit defaultReadLimit() {
      return new ReadLimit.MaxRows(maxRowsPerBatch);
    }

    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
      if (hang) {
        try {
          new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while hanging", e);
        }
      }
      long from = ((LongOffset) start).value();
      long end = target >= 0 ? target : available;
      if (limit instanceof ReadLimit.MaxRows m) end = Math.min(end, from + m.rows());
      return new LongOffset(Math.max(from, end));
    }

    @Override
    public BatchScan planBatch(Offset start, Offset end) {
      long from = ((LongOffset) start).value();
      long to = ((LongOffset) end).value();
      List<Row> rows = new ArrayList<>();
      for (long v = from; v < to; v++) rows.add(RowFactory.create(v));
      List<ColumnBatch> batches = RowConverter.toInternal(SCHEMA, true).toBatches(rows, 4096);
      return new BatchScan() {
        @Override
        public String description() {
          return "CountingSource";
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
          return BatchIterator.of(batches);
        }
      };
    }

    @Override
    public Offset deserializeOffset(String json) {
      return LongOffset.parse(json, "CountingSource");
    }

    @Override
    public Map<String, String> metrics(Offset latestConsumed) {
      return Map.of("numbersRead", latestConsumed == null ? "0" : latestConsumed.json());
    }
  }
}
