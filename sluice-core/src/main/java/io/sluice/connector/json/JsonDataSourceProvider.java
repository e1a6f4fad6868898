package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.DataSourceProvider;
import io.sluice.connector.SourceContext;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.SourceFile;
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
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
    List<SourceFile> files = FileListing.list(paths, o.recursiveFileLookup, o.pathGlobFilter);
    StructType schema = userSchema != null
        ? userSchema.asNullable() : JsonSchemaInference.infer(files, o);
    Writers.checkSupported(schema);
    checkCorruptColumn(schema, o.columnNameOfCorruptRecord);
    List<FilePartition> partitions = FilePartitioner.partition(files, o.maxPartitionBytes,
        o.openCostInBytes, o.minPartitions,
        f -> !o.multiLine && !LineSplitReader.isCompressed(f));
    return new JsonBatchScan(description(paths), schema, o, partitions);
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
