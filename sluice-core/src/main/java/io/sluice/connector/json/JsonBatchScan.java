package io.sluice.connector.json;

import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.types.StructType;
import java.util.List;

/** A scan of JSON files: the files were listed and partitioned when the scan was created. */
public final class JsonBatchScan extends FileBatchScan {
  JsonBatchScan(
      String description,
      StructType schema,
      JsonOptions options,
      FileIndex files,
      List<FilePartition> partitions) {
    super(
        description,
        schema,
        files,
        partitions,
        (index, partition, readSchema, batchSize) ->
            new JsonPartitionReader(options, index, partition, readSchema, batchSize));
  }
}
