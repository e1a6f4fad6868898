package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileFormatProvider;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.ReadColumns;
import io.sluice.connector.file.SourceFile;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.WriterFormat;
import io.sluice.exec.json.Writers;
import io.sluice.types.StructType;
import java.util.List;

/**
 * {@code format("json")}: JSON lines (or, with {@code multiLine}, one JSON document per file) with
 * Spark's options, modes and schema inference, for batch reads, streams of new files, and the
 * streaming file sink (JSON lines, as {@code to_json} writes rows).
 */
public final class JsonDataSourceProvider extends FileFormatProvider<JsonOptions> {
  @Override
  public String shortName() {
    return "json";
  }

  @Override
  protected JsonOptions readOptions(SourceOptions options, SQLConf conf) {
    return new JsonOptions(options, conf);
  }

  @Override
  protected FileBatchScan scan(
      String description, FileIndex index, StructType userSchema, JsonOptions o) {
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
    return new JsonBatchScan(description, schema, o, index, partitions);
  }

  @Override
  protected WriterFormat writerFormat() {
    return JsonRecordWriter::writers;
  }
}
