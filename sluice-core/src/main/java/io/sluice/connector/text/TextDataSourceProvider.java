package io.sluice.connector.text;

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
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code format("text")}: one string column {@code value} holding each line (without its line
 * separator), or with {@code wholetext} each file's whole content. Partition columns of a {@code
 * key=value} layout follow it.
 */
public final class TextDataSourceProvider implements BatchSourceProvider {
  @Override
  public String shortName() {
    return "text";
  }

  @Override
  public BatchScan createBatchScan(
      List<String> paths,
      Map<String, String> options,
      StructType userSchema,
      SourceContext context) {
    TextOptions o = new TextOptions(new SourceOptions(options), FileSourceOptions.confOf(context));
    FileIndex index =
        FileListing.index(paths, o.recursiveFileLookup, o.pathGlobFilter, userSchema, o.zoneId);
    StructType dataSchema = dataSchema(userSchema, index.partitionSchema());
    List<FilePartition> partitions =
        FilePartitioner.partition(
            index.files(),
            o.maxPartitionBytes,
            o.openCostInBytes,
            o.minPartitions,
            f -> !o.wholeText && !LineSplitReader.isCompressed(f));
    return new FileBatchScan(
        FileBatchScan.describe("text", paths),
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
    return new StructType(data);
  }
}
