package io.sluice.connector.json;

import io.sluice.connector.BatchScan;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.types.StructType;
import java.util.List;

/** A scan of JSON files: the files were listed and partitioned when the scan was created. */
public final class JsonBatchScan implements BatchScan {
  private final String description;
  private final StructType schema;
  private final JsonOptions options;
  private final FileIndex files;
  private final List<FilePartition> partitions;

  JsonBatchScan(String description, StructType schema, JsonOptions options, FileIndex files,
      List<FilePartition> partitions) {
    this.description = description;
    this.files = files;
    this.schema = schema;
    this.options = options;
    this.partitions = List.copyOf(partitions);
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
    return partitions.size();
  }

  /** The partition columns discovered from {@code key=value} directories (maybe none). */
  public StructType partitionSchema() {
    return files.partitionSchema();
  }

  /** The files and byte ranges each partition reads. */
  public List<FilePartition> partitions() {
    return partitions;
  }

  @Override
  public BatchIterator read(int partition, StructType readSchema, int batchSize) {
    return new JsonPartitionReader(options, files, partitions.get(partition), readSchema,
        batchSize);
  }

  @Override
  public String toString() {
    return description;
  }
}
