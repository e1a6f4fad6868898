package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileFormatProvider;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.FileStreamSink;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.ReadColumns;
import io.sluice.connector.file.SourceFile;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.json.Writers;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * {@code format("json")}: JSON lines (or, with {@code multiLine}, one JSON document per file) with
 * Spark's options, modes and schema inference, for batch reads, streams of new files, and the
 * streaming file sink (JSON lines, as {@code to_json} writes rows).
 */
public final class JsonDataSourceProvider extends FileFormatProvider<JsonOptions>
    implements StreamSinkProvider {
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
  public StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    return FileStreamSink.create(
        shortName(), options, schema, partitionColumns, outputMode, ctx, JsonRecordWriter::writers);
  }
}
