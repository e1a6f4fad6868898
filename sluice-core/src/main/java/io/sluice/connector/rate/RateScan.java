package io.sluice.connector.rate;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.Arrays;

/**
 * The rows of one micro-batch of a rate source: values {@code [rangeStart, rangeEnd)} dealt
 * round-robin onto the partitions (value {@code v} in partition {@code (v - rangeStart) %
 * numPartitions}), as Spark's rate readers do. The timestamp of value {@code v} is {@code startMs +
 * round((v - rangeStart) * msPerValue)} milliseconds: spread evenly over the batch's seconds for
 * {@code rate}, the batch's one timestamp for {@code rate-micro-batch} ({@code msPerValue} 0).
 */
final class RateScan implements BatchScan {
  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            new StructField("timestamp", DataTypes.TimestampType, true),
            new StructField("value", DataTypes.LongType, true)
          });

  private final String description;
  private final int numPartitions;
  private final long rangeStart;
  private final long rangeEnd;
  private final long startMs;
  private final double msPerValue;

  RateScan(
      String description,
      int numPartitions,
      long rangeStart,
      long rangeEnd,
      long startMs,
      double msPerValue) {
    this.description = description;
    this.numPartitions = numPartitions;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
    this.startMs = startMs;
    this.msPerValue = msPerValue;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  /** How many values partition {@code p} holds. */
  long rowsIn(int p) {
    long first = rangeStart + p;
    return first >= rangeEnd ? 0 : (rangeEnd - 1 - first) / numPartitions + 1;
  }

  @Override
  public BatchIterator read(int partition, StructType readSchema, int batchSize) {
    StructField[] fields = readSchema.fields();
    boolean[] isTimestamp = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      isTimestamp[i] = fields[i].name().equalsIgnoreCase("timestamp");
    }
    long total = rowsIn(partition);
    long first = rangeStart + partition;
    return new BatchIterator() {
      private long done;

      @Override
      public ColumnBatch next() {
        if (done >= total) return null;
        int n = (int) Math.min(batchSize, total - done);
        long firstValue = first + done * numPartitions;
        done += n;
        ColumnVector[] columns = new ColumnVector[fields.length];
        for (int c = 0; c < columns.length; c++) {
          long[] out = new long[n];
          if (isTimestamp[c]) {
            fillTimestamps(out, firstValue);
          } else {
            for (int i = 0; i < n; i++) out[i] = firstValue + (long) i * numPartitions;
          }
          columns[c] = new LongVector(fields[c].dataType(), out, null, n);
        }
        return new ColumnBatch(columns, n);
      }
    };
  }

  private void fillTimestamps(long[] out, long firstValue) {
    if (msPerValue == 0) {
      Arrays.fill(out, startMs * 1000L);
      return;
    }
    for (int i = 0; i < out.length; i++) {
      long v = firstValue + (long) i * numPartitions;
      out[i] = (startMs + Math.round((v - rangeStart) * msPerValue)) * 1000L;
    }
  }
}
