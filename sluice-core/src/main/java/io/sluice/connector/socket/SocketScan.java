package io.sluice.connector.socket;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;

/**
 * The lines of one micro-batch of a socket source, dealt round-robin onto the partitions (line
 * {@code i} of the batch in partition {@code i % numPartitions}), as Spark's socket source does.
 */
final class SocketScan implements BatchScan {
  private final String description;
  private final StructType schema;
  private final List<SocketStream.Line> lines;
  private final int numPartitions;

  SocketScan(
      String description, StructType schema, List<SocketStream.Line> lines, int numPartitions) {
    this.description = description;
    this.schema = schema;
    this.lines = lines;
    this.numPartitions = numPartitions;
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
    return numPartitions;
  }

  @Override
  public BatchIterator read(int partition, StructType readSchema, int batchSize) {
    StructField[] fields = readSchema.fields();
    return new BatchIterator() {
      private int next = partition;

      @Override
      public ColumnBatch next() {
        if (next >= lines.size()) return null;
        int n = (int) Math.min(batchSize, (lines.size() - 1 - next) / numPartitions + 1);
        ColumnVector[] columns = new ColumnVector[fields.length];
        for (int c = 0; c < fields.length; c++) {
          columns[c] = column(fields[c], next, n);
        }
        next += n * numPartitions;
        return new ColumnBatch(columns, n);
      }
    };
  }

  private ColumnVector column(StructField field, int first, int n) {
    if (field.name().equalsIgnoreCase("timestamp")) {
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        values[i] = lines.get(first + i * numPartitions).timestampMicros();
      }
      return new LongVector(field.dataType(), values, null, n);
    }
    BytesVector v = new BytesVector(field.dataType(), n);
    for (int i = 0; i < n; i++) v.appendString(lines.get(first + i * numPartitions).value());
    return v;
  }
}
