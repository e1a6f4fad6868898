package io.sluice.kafka.sink;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** A micro-batch result of one STRING column {@code value}, for driving a sink directly. */
final class RowsOutput implements MicroBatchOutput {
  static final StructType SCHEMA = StructType.fromDDL("value STRING");
  private final List<ColumnBatch> partitions = new ArrayList<>();

  /** One partition per value. */
  RowsOutput(String... values) {
    for (String v : values) {
      BytesVector vec = new BytesVector(DataTypes.StringType, 1);
      vec.appendString(v);
      partitions.add(new ColumnBatch(new ColumnVector[] {vec}, 1));
    }
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public <R> List<R> writePartitions(PartitionWriter<R> writer) {
    List<R> out = new ArrayList<>();
    for (int p = 0; p < partitions.size(); p++) {
      out.add(writer.write(p, BatchIterator.of(List.of(partitions.get(p)))));
    }
    return out;
  }

  @Override
  public List<ColumnBatch> collect() {
    return partitions;
  }
}
