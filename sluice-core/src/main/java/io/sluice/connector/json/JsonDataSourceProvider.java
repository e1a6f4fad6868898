package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.DataSourceProvider;
import io.sluice.connector.SourceContext;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.SourceFile;
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.json.Writers;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code format("json")}: JSON lines (or, with {@code multiLine}, one JSON document per file)
 * with Spark's options, modes and schema inference.
 */
public final class JsonDataSourceProvider implements DataSourceProvider {
  @Override
  public String shortName() {
    return "json";
  }

  @Override
  public BatchScan createBatchScan(List<String> paths, Map<String, String> options,
      StructType userSchema, SourceContext context) {
    SQLConf conf = context == null || context.conf() == null ? new SQLConf(
        Runtime.getRuntime().availableProcessors()) : context.conf();
    JsonOptions o = new JsonOptions(new SourceOptions(options), conf);
    FileIndex index = FileListing.index(paths, o.recursiveFileLookup, o.pathGlobFilter,
        userSchema, o.zoneId);
    List<SourceFile> files = index.files();
    StructType dataSchema = userSchema != null
        ? userSchema.asNullable() : JsonSchemaInference.infer(files, o);
    StructType schema = withPartitionColumns(dataSchema, index.partitionSchema());
    Writers.checkSupported(schema);
    checkCorruptColumn(schema, o.columnNameOfCorruptRecord);
    List<FilePartition> partitions = FilePartitioner.partition(files, o.maxPartitionBytes,
        o.openCostInBytes, o.minPartitions,
        f -> !o.multiLine && !LineSplitReader.isCompressed(f));
    return new JsonBatchScan(description(paths), schema, o, index, partitions);
  }

  /**
   * Spark's merge of data and partition columns: a data column named like a partition column
   * (ignoring case) stays in place with the partition column's type; the other partition
   * columns follow the data columns.
   */
  static StructType withPartitionColumns(StructType data, StructType partitions) {
    if (partitions.length() == 0) return data;
    List<StructField> out = new ArrayList<>();
    boolean[] used = new boolean[partitions.length()];
    for (StructField f : data.fields()) {
      int p = partitions.indexOf(f.name(), false);
      if (p >= 0) {
        used[p] = true;
        out.add(partitions.get(p));
      } else {
        out.add(f);
      }
    }
    for (int p = 0; p < used.length; p++) {
      if (!used[p]) out.add(partitions.get(p));
    }
    return new StructType(out);
  }

  private static String description(List<String> paths) {
    List<String> shown = new ArrayList<>();
    for (String p : paths) shown.add(FileListing.qualified(FileListing.toLocalPath(p)));
    return "json [" + String.join(", ", shown) + "]";
  }

  /** The corrupt-record column, when the schema has it, must be a nullable string. */
  private static void checkCorruptColumn(StructType schema, String name) {
    int i = schema.indexOf(name, true);
    if (i < 0) return;
    StructField f = schema.get(i);
    if (!(f.dataType() instanceof StringType) || !f.nullable()) {
      throw new io.sluice.AnalysisException(ErrorClass.INVALID_CORRUPT_RECORD_TYPE,
          SluiceException.params("columnName", "`" + name + "`",
              "actualType", "\"" + f.dataType().sql() + (f.nullable() ? "" : " NOT NULL")
                  + "\""));
    }
  }
}
