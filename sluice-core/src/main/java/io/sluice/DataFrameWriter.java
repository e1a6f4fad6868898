package io.sluice;

import io.sluice.connector.BatchSinkProvider;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.connector.SinkContext;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch DataFrame to a destination ({@code df.write()}), as Spark's {@code
 * DataFrameWriter}: {@code write().format("parquet").mode("overwrite").partitionBy("date")
 * .save(path)} or {@code write().json(path)}. Destinations are found by short name on the class
 * path; the default format is {@code parquet}, the default mode {@link SaveMode#ErrorIfExists}.
 */
public final class DataFrameWriter {
  private final DataFrame df;
  private String format = "parquet";
  private SaveMode mode = SaveMode.ErrorIfExists;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> partitionColumns = new ArrayList<>();

  DataFrameWriter(DataFrame df) {
    this.df = df;
  }

  /** The destination's short name, e.g. {@code json}. */
  public DataFrameWriter format(String source) {
    this.format = source;
    return this;
  }

  /** What to do when the destination already holds data. */
  public DataFrameWriter mode(SaveMode saveMode) {
    this.mode = saveMode;
    return this;
  }

  /** The mode by name: {@code append}, {@code overwrite}, {@code error} or {@code ignore}. */
  public DataFrameWriter mode(String saveMode) {
    return mode(SaveMode.fromName(saveMode));
  }

  /** A writer option; keys are case-insensitive, a later value replaces an earlier one. */
  public DataFrameWriter option(String key, String value) {
    options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
    options.put(key, value);
    return this;
  }

  /** A boolean writer option. */
  public DataFrameWriter option(String key, boolean value) {
    return option(key, String.valueOf(value));
  }

  /** A numeric writer option. */
  public DataFrameWriter option(String key, long value) {
    return option(key, String.valueOf(value));
  }

  /** A numeric writer option. */
  public DataFrameWriter option(String key, double value) {
    return option(key, String.valueOf(value));
  }

  /** Several writer options. */
  public DataFrameWriter options(Map<String, String> opts) {
    opts.forEach(this::option);
    return this;
  }

  /** Lays the output out in Hive-style {@code col=value} directories of these columns. */
  public DataFrameWriter partitionBy(String... columns) {
    partitionColumns.clear();
    partitionColumns.addAll(Arrays.asList(columns));
    return this;
  }

  /** Writes to {@code path}. */
  public void save(String path) {
    if (options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("path"))) {
      throw new SluiceIllegalArgumentException(ErrorClass.UNSUPPORTED_DATA_SOURCE_PATHS, Map.of());
    }
    option("path", path);
    save();
  }

  /** Writes to the destination the options name (the {@code path} option for files). */
  public void save() {
    BatchSinkProvider provider = DataSourceRegistry.findBatchSink(format);
    Session session = df.sparkSession();
    PlanOutput data = new PlanOutput(session, df.queryExecution(), df.schema());
    provider.write(
        new LinkedHashMap<>(options),
        List.copyOf(partitionColumns),
        mode,
        data,
        new SinkContext(session.sqlConf(), null, null));
  }

  /** Writes JSON Lines files to {@code path}. */
  public void json(String path) {
    format("json").save(path);
  }

  /** Writes CSV files to {@code path}. */
  public void csv(String path) {
    format("csv").save(path);
  }

  /** Writes text files (one string column) to {@code path}. */
  public void text(String path) {
    format("text").save(path);
  }

  /** Writes Parquet files to {@code path} (needs the sluice-parquet module). */
  public void parquet(String path) {
    format("parquet").save(path);
  }
}
