package io.sluice.kafka.source;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of fixed offset ranges, one range per partition of the scan, each read by one
 * consumer (assign and seek, no group membership) straight into column vectors.
 */
final class KafkaBatchScan implements BatchScan {
  private final String description;
  private final StructType schema;
  private final List<OffsetRange> ranges;
  private final ConsumerPool consumers;
  private final long pollTimeoutMs;
  private final boolean failOnDataLoss;

  KafkaBatchScan(
      String description,
      StructType schema,
      List<OffsetRange> ranges,
      ConsumerPool consumers,
      long pollTimeoutMs,
      boolean failOnDataLoss) {
    this.description = description;
    this.schema = schema;
    this.ranges = List.copyOf(ranges);
    this.consumers = consumers;
    this.pollTimeoutMs = pollTimeoutMs;
    this.failOnDataLoss = failOnDataLoss;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public int numPartitions() {
    return ranges.size();
  }

  List<OffsetRange> ranges() {
    return ranges;
  }

  @Override
  public BatchIterator read(int partition, StructType readSchema, int batchSize) {
    return new RangeReader(ranges.get(partition), readSchema, Math.max(1, batchSize));
  }

  @Override
  public String snapshotKey() {
    // fixed offsets always name the same records
    return description + ranges;
  }

  /** Reads one range in batches of up to {@code batchSize} rows. */
  private final class RangeReader implements BatchIterator {
    private final OffsetRange range;
    private final StructField[] fields;
    private final KafkaRows.Column[] columns;
    private final ConsumerRecord<ByteBuffer, ByteBuffer>[] records;
    private PartitionConsumer consumer;
    private boolean done;
    private boolean failed;

    @SuppressWarnings("unchecked")
    RangeReader(OffsetRange range, StructType readSchema, int batchSize) {
      this.range = range;
      this.fields = readSchema.fields();
      this.columns = KafkaRows.columns(readSchema);
      this.records = new ConsumerRecord[(int) Math.min(batchSize, Math.max(1, range.size()))];
    }

    @Override
    public ColumnBatch next() {
      if (done) return null;
      int n;
      try {
        if (consumer == null) {
          consumer = consumers.borrow(range.tp());
          consumer.seek(range.from());
        }
        n = consumer.read(records, records.length, range.until(), pollTimeoutMs, failOnDataLoss);
      } catch (RuntimeException e) {
        failed = true;
        throw e;
      }
      if (n == 0) {
        close();
        return null;
      }
      ColumnVector[] out = new ColumnVector[columns.length];
      for (int c = 0; c < columns.length; c++) {
        out[c] = KafkaRows.fill(columns[c], fields[c], records, n);
      }
      java.util.Arrays.fill(records, 0, n, null);
      return new ColumnBatch(out, n);
    }

    @Override
    public void close() {
      done = true;
      if (consumer != null) {
        PartitionConsumer c = consumer;
        consumer = null;
        consumers.release(c, !failed);
      }
    }
  }
}
