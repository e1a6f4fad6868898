package io.sluice;

import io.sluice.connector.BatchScan;
import io.sluice.connector.BatchSourceProvider;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.connector.SourceContext;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a DataFrame from a batch data source ({@code session.read()}), as Spark's {@code
 * DataFrameReader}: {@code read().format("json").option("multiLine", true).load(path)} or {@code
 * read().json(path)}. Sources are found by short name on the class path.
 */
public final class DataFrameReader {
  private final Session session;
  private String format = "parquet";
  private StructType userSchema;
  private final Map<String, String> options = new LinkedHashMap<>();

  DataFrameReader(Session session) {
    this.session = session;
  }

  /** The source's short name, e.g. {@code json}; Spark's default is {@code parquet}. */
  public DataFrameReader format(String source) {
    this.format = source;
    return this;
  }

  /** The schema to read with, instead of inferring one. */
  public DataFrameReader schema(StructType schema) {
    this.userSchema = schema;
    return this;
  }

  /** The schema as DDL, e.g. {@code "a INT, b STRING"}. */
  public DataFrameReader schema(String schemaDdl) {
    return schema(StructType.fromDDL(schemaDdl));
  }

  /** A source option; keys are case-insensitive, a later value replaces an earlier one. */
  public DataFrameReader option(String key, String value) {
    options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
    options.put(key, value);
    return this;
  }

  /** A boolean source option. */
  public DataFrameReader option(String key, boolean value) {
    return option(key, String.valueOf(value));
  }

  /** A numeric source option. */
  public DataFrameReader option(String key, long value) {
    return option(key, String.valueOf(value));
  }

  /** A numeric source option. */
  public DataFrameReader option(String key, double value) {
    return option(key, String.valueOf(value));
  }

  /** Several source options. */
  public DataFrameReader options(Map<String, String> opts) {
    opts.forEach(this::option);
    return this;
  }

  /** Loads the source with the {@code path} option (or no path). */
  public DataFrame load() {
    return load(new String[0]);
  }

  /** Loads the files or directories at {@code paths}. */
  public DataFrame load(String... paths) {
    List<String> all = new ArrayList<>(Arrays.asList(paths));
    String pathOption = null;
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase("path")) pathOption = e.getValue();
    }
    if (pathOption != null) {
      if (!all.isEmpty()) {
        throw new SluiceIllegalArgumentException(
            ErrorClass.UNSUPPORTED_DATA_SOURCE_PATHS, Map.of());
      }
      all.add(pathOption);
    }
    BatchSourceProvider provider = DataSourceRegistry.findBatchSource(format);
    BatchScan scan =
        provider.createBatchScan(
            List.copyOf(all),
            new LinkedHashMap<>(options),
            userSchema,
            new SourceContext(session.sqlConf()));
    return new DataFrame(session, ScanRelation.of(scan));
  }

  /** Loads JSON Lines files (or whole-file JSON with {@code multiLine}). */
  public DataFrame json(String... paths) {
    return format("json").load(paths);
  }

  /** Loads CSV files (options: Spark's, e.g. {@code header}, {@code sep}, {@code inferSchema}). */
  public DataFrame csv(String... paths) {
    return format("csv").load(paths);
  }

  /**
   * Loads text files as one string column {@code value}, a row per line (or per file with {@code
   * wholetext}).
   */
  public DataFrame text(String... paths) {
    return format("text").load(paths);
  }

  /**
   * Loads text files as their lines: the column {@code value} only (no partition columns), as
   * Spark's {@code textFile}; a schema cannot be given.
   */
  public DataFrame textFile(String... paths) {
    if (userSchema != null) {
      throw new AnalysisException(
          ErrorClass.USER_SPECIFIED_SCHEMA_UNSUPPORTED,
          io.sluice.error.SluiceException.params("operation", "textFile"));
    }
    return text(paths).select("value");
  }

  /** Loads Parquet files (needs the sluice-parquet module). */
  public DataFrame parquet(String... paths) {
    return format("parquet").load(paths);
  }

  /** The temporary view named {@code tableName}. */
  public DataFrame table(String tableName) {
    return session.table(tableName);
  }
}
