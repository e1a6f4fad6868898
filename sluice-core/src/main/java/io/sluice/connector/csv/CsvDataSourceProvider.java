package io.sluice.connector.csv;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileFormatProvider;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.ReadColumns;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.WriterFormat;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code format("csv")}: delimited text files with Spark's options, modes and schema inference, for
 * batch reads, streams of new files and the streaming file sink. Files are split at byte offsets
 * and read line by line, unless {@code multiLine} (quoted values spanning lines), which reads each
 * file whole.
 */
public final class CsvDataSourceProvider extends FileFormatProvider<CsvOptions> {
  @Override
  public String shortName() {
    return "csv";
  }

  @Override
  protected CsvOptions readOptions(SourceOptions options, SQLConf conf) {
    return new CsvOptions(options, conf);
  }

  @Override
  protected FileBatchScan scan(
      String description, FileIndex index, StructType userSchema, CsvOptions o) {
    List<FilePartition> partitions =
        FilePartitioner.partition(
            index.files(),
            o.maxPartitionBytes,
            o.openCostInBytes,
            o.minPartitions,
            f -> !o.multiLine && !LineSplitReader.isCompressed(f));
    StructType dataSchema =
        userSchema != null
            ? withoutPartitionColumns(userSchema.asNullable(), index.partitionSchema())
            : CsvSchemaInference.infer(index.files(), partitions, o);
    StructType dataColumns = withoutField(dataSchema, o.columnNameOfCorruptRecord);
    ColumnConverters.checkSupported(dataColumns);
    StructType schema = index.withPartitionColumns(dataSchema);
    ReadColumns.checkCorruptColumn(schema, o.columnNameOfCorruptRecord);
    return new FileBatchScan(
        description,
        schema,
        index,
        partitions,
        (files, partition, readSchema, batchSize) ->
            new CsvPartitionReader(o, dataColumns, files, partition, readSchema, batchSize));
  }

  @Override
  protected WriterFormat writerFormat() {
    return CsvRecordWriter::writers;
  }

  /** Spark drops the user schema's columns that are partition columns from the data columns. */
  private static StructType withoutPartitionColumns(StructType schema, StructType partitions) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (partitions.indexOf(f.name(), false) < 0) out.add(f);
    }
    return new StructType(out);
  }

  private static StructType withoutField(StructType schema, String name) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!f.name().equals(name)) out.add(f);
    }
    return new StructType(out);
  }
}
