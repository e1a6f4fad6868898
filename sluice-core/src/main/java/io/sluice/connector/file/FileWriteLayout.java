package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.ArrayType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every task of a file write (a batch write or one micro-batch of the file sink) needs: where
 * to write, which columns are data and which name partition directories, the format's writers and
 * the limits that start a new file. Built and checked once per write (or per query run).
 *
 * @param path the output path as the user gave it
 * @param root the output directory
 * @param maxRecordsPerFile rows after which a task starts the next file; 0 for no limit
 * @param maxBytesPerFile bytes after which a task starts the next file; 0 for no limit
 */
record FileWriteLayout(
    String path,
    Path root,
    int[] dataOrdinals,
    int[] partitionOrdinals,
    String[] partitionNames,
    StructType dataSchema,
    boolean fsync,
    String timeZone,
    RecordWriterFactory writers,
    long maxRecordsPerFile,
    long maxBytesPerFile) {

  /** The writer option of the row limit per file (Spark's). */
  static final String MAX_RECORDS_PER_FILE = "maxRecordsPerFile";

  /** The writer option of the byte target per file (Sluice's). */
  static final String MAX_BYTES_PER_FILE = "maxBytesPerFile";

  /** Signals a bad option or partitioning of a write: (option, value, reason) → exception. */
  @FunctionalInterface
  interface Invalid {
    RuntimeException of(String option, String value, String reason);
  }

  /**
   * The layout of writing rows of {@code schema} to {@code path}; raises {@code invalid} for a bad
   * partition column or limit, and the format's error for a bad format option.
   */
  static FileWriteLayout of(
      String path,
      StructType schema,
      List<String> partitionColumns,
      SourceOptions options,
      SQLConf conf,
      WriterFormat format,
      Invalid invalid) {
    int[] partitionOrdinals = partitionOrdinals(schema, partitionColumns, invalid);
    if (partitionOrdinals.length > 0 && partitionOrdinals.length == schema.length()) {
      throw new io.sluice.AnalysisException(
          ErrorClass.ALL_PARTITION_COLUMNS_NOT_ALLOWED, java.util.Map.of());
    }
    List<StructField> data = new ArrayList<>();
    int[] dataOrdinals = new int[schema.length() - partitionOrdinals.length];
    String[] names = new String[partitionOrdinals.length];
    for (int i = 0, d = 0; i < schema.length(); i++) {
      if (indexOf(partitionOrdinals, i) >= 0) continue;
      dataOrdinals[d++] = i;
      data.add(schema.get(i));
    }
    for (int k = 0; k < names.length; k++) names[k] = schema.get(partitionOrdinals[k]).name();
    long maxRecords =
        options.getLong(MAX_RECORDS_PER_FILE, conf.get(SQLConf.FILES_MAX_RECORDS_PER_FILE));
    long maxBytes =
        options.getBytes(MAX_BYTES_PER_FILE, conf.get(SQLConf.FILES_MAX_BYTES_PER_FILE));
    if (maxBytes < 0) {
      throw invalid.of(MAX_BYTES_PER_FILE, String.valueOf(maxBytes), "it must be 0 or more");
    }
    StructType dataSchema = new StructType(data);
    RecordWriterFactory writers = format.writers(dataSchema, options, conf);
    return new FileWriteLayout(
        path,
        FileListing.toLocalPath(path).normalize(),
        dataOrdinals,
        partitionOrdinals,
        names,
        dataSchema,
        conf.get(StreamingConf.CHECKPOINT_FSYNC),
        conf.sessionTimeZone(),
        writers,
        Math.max(0, maxRecords),
        maxBytes);
  }

  boolean partitioned() {
    return partitionOrdinals.length > 0;
  }

  private static int[] partitionOrdinals(
      StructType schema, List<String> partitionColumns, Invalid invalid) {
    List<Integer> out = new ArrayList<>();
    for (String c : partitionColumns) {
      int i = schema.indexOf(c, false);
      if (i < 0) {
        throw invalid.of(
            "partitionBy",
            c,
            "no such column; the columns are " + String.join(", ", schema.fieldNames()));
      }
      if (out.contains(i)) continue;
      var t = schema.get(i).dataType();
      if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
        throw invalid.of(
            "partitionBy", c, "a partition column must be of an atomic type, not " + t.sql());
      }
      out.add(i);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) return i;
    }
    return -1;
  }

  /** The error params of a write failure at this layout's path. */
  java.util.Map<String, String> failureParams(String reason) {
    return SluiceException.params("path", FileListing.qualified(root), "reason", reason);
  }
}
