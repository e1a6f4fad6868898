package io.sluice.connector.text;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileFormatProvider;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.WriterFormat;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code format("text")}: one string column {@code value} holding each line (without its line
 * separator), or with {@code wholetext} each file's whole content. Partition columns of a {@code
 * key=value} layout follow it. Readable in batch and as a stream of new files (which needs no
 * schema).
 */
public final class TextDataSourceProvider extends FileFormatProvider<TextOptions> {
  @Override
  public String shortName() {
    return "text";
  }

  @Override
  protected TextOptions readOptions(SourceOptions options, SQLConf conf) {
    return new TextOptions(options, conf);
  }

  @Override
  protected WriterFormat writerFormat() {
    return TextRecordWriter::writers;
  }

  @Override
  protected boolean streamingNeedsSchema() {
    return false;
  }

  @Override
  protected FileBatchScan scan(
      String description, FileIndex index, StructType userSchema, TextOptions o) {
    StructType dataSchema = dataSchema(userSchema, index.partitionSchema());
    List<FilePartition> partitions =
        FilePartitioner.partition(
            index.files(),
            o.maxPartitionBytes,
            o.openCostInBytes,
            o.minPartitions,
            f -> !o.wholeText && !LineSplitReader.isCompressed(f));
    return new FileBatchScan(
        description,
        index.withPartitionColumns(dataSchema),
        index,
        partitions,
        (files, partition, readSchema, batchSize) ->
            new TextPartitionReader(o, files, partition, readSchema, batchSize));
  }

  /**
   * {@code value STRING}, or the user's single string column (partition columns aside) under
   * whatever name.
   */
  private static StructType dataSchema(StructType userSchema, StructType partitions) {
    if (userSchema == null) return new StructType().add("value", DataTypes.StringType);
    List<StructField> data = new ArrayList<>();
    for (StructField f : userSchema.asNullable().fields()) {
      if (partitions.indexOf(f.name(), false) < 0) data.add(f);
    }
    checkOneStringColumn(data);
    return new StructType(data);
  }

  /**
   * Checks that the data columns of a text read or write are one string column, as Spark requires.
   */
  static void checkOneStringColumn(List<StructField> data) {
    if (data.size() != 1) {
      throw new io.sluice.AnalysisException(
          ErrorClass.TEXT_SOURCE_SINGLE_COLUMN,
          SluiceException.params("numCols", String.valueOf(data.size())));
    }
    StructField f = data.get(0);
    if (!(f.dataType() instanceof StringType)) {
      throw new io.sluice.AnalysisException(
          ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE,
          SluiceException.params(
              "format",
              "Text",
              "columnName",
              "`" + f.name() + "`",
              "columnType",
              "\"" + f.dataType().sql() + "\""));
    }
  }
}
