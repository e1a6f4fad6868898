package io.sluice.bench.source;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;

/**
 * The rows of the rate sources: {@code value} counts from 0 and {@code timestamp} (microseconds)
 * advances linearly from the range's first to its last timestamp. A range of values is split into
 * {@code partitions} slices of consecutive values, generated batch by batch when read.
 */
final class RateRows implements BatchScan {
  static final StructType SCHEMA =
      new StructType(
          List.of(
              new StructField("timestamp", DataTypes.TimestampType, false),
              new StructField("value", DataTypes.LongType, false)));

  private final String description;
  private final long firstValue;
  private final long count;
  private final long firstMicros;
  private final double microsPerValue;
  private final int partitions;

  RateRows(
      String description,
      long firstValue,
      long count,
      long firstMicros,
      double microsPerValue,
      int partitions) {
    this.description = description;
    this.firstValue = firstValue;
    this.count = count;
    this.firstMicros = firstMicros;
    this.microsPerValue = microsPerValue;
    this.partitions = partitions;
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
    return partitions;
  }

  @Override
  public BatchIterator read(int partition, StructType readSchema, int batchSize) {
    long from = count * partition / partitions;
    long to = count * (partition + 1) / partitions;
    String[] names = readSchema.fieldNames();
    return new BatchIterator() {
      private long next = from;

      @Override
      public ColumnBatch next() {
        if (next >= to) return null;
        int n = (int) Math.min(batchSize, to - next);
        ColumnVector[] cols = new ColumnVector[names.length];
        for (int c = 0; c < names.length; c++) {
          long[] v = new long[n];
          if (names[c].equals("value")) {
            for (int i = 0; i < n; i++) v[i] = firstValue + next + i;
            cols[c] = new LongVector(DataTypes.LongType, v, null, n);
          } else {
            for (int i = 0; i < n; i++) v[i] = firstMicros + (long) ((next + i) * microsPerValue);
            cols[c] = new LongVector(DataTypes.TimestampType, v, null, n);
          }
        }
        next += n;
        return new ColumnBatch(cols, n);
      }
    };
  }
}
