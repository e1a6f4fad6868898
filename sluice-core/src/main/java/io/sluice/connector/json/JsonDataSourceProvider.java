package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.BatchSourceProvider;
import io.sluice.connector.SourceContext;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.FileSourceOptions;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.ReadColumns;
import io.sluice.connector.file.SourceFile;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.json.Writers;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * {@code format("json")}: JSON lines (or, with {@code multiLine}, one JSON document per file) with
 * Spark's options, modes and schema inference.
 */
public final class JsonDataSourceProvider implements BatchSourceProvider {
  @Override
  public String shortName() {
    return "json";
  }

  @Override
  public BatchScan createBatchScan(
      List<String> paths,
      Map<String, String> options,
      StructType userSchema,
      SourceContext context) {
    SQLConf conf = FileSourceOptions.confOf(context);
    JsonOptions o = new JsonOptions(new SourceOptions(options), conf);
    FileIndex index =
        FileListing.index(paths, o.recursiveFileLookup, o.pathGlobFilter, userSchema, o.zoneId);
    List<SourceFile> files = index.files();
    StructType dataSchema =
        userSchema != null ? userSchema.asNullable() : JsonSchemaInference.infer(files, o);
    StructType schema = index.withPartitionColumns(dataSchema);
    Writers.checkSupported(schema);
    ReadColumns.checkCorruptColumn(schema, o.columnNameOfCorruptRecord);
    List<FilePartition> partitions =
        FilePartitioner.partition(
            files,
            o.maxPartitionBytes,
            o.openCostInBytes,
            o.minPartitions,
            f -> !o.multiLine && !LineSplitReader.isCompressed(f));
    return new JsonBatchScan(FileBatchScan.describe("json", paths), schema, o, index, partitions);
  }
}
