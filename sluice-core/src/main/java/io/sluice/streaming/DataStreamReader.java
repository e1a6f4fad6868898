package io.sluice.streaming;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.SessionInternals;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceDefinition;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.StreamingRelation;
import io.sluice.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defines a streaming DataFrame over a source ({@code session.readStream()}), as Spark's {@code
 * DataStreamReader}: {@code readStream().format("json").schema(s).load(dir)}. Nothing is read until
 * a query over the DataFrame starts.
 */
public final class DataStreamReader {
  private final Session session;
  private String format;
  private StructType userSchema;
  private final Map<String, String> options = new LinkedHashMap<>();

  /** Use {@code session.readStream()}. */
  public DataStreamReader(Session session) {
    this.session = session;
  }

  /** The source's short name: {@code json}, {@code csv}, {@code text}, {@code rate}, ... */
  public DataStreamReader format(String source) {
    this.format = source;
    return this;
  }

  public DataStreamReader schema(StructType schema) {
    this.userSchema = schema;
    return this;
  }

  /** The schema as DDL, e.g. {@code "a INT, b STRING"}. */
  public DataStreamReader schema(String schemaDdl) {
    return schema(StructType.fromDDL(schemaDdl));
  }

  /** A source option; keys are case-insensitive, a later value replaces an earlier one. */
  public DataStreamReader option(String key, String value) {
    options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
    options.put(key, value);
    return this;
  }

  public DataStreamReader option(String key, boolean value) {
    return option(key, String.valueOf(value));
  }

  public DataStreamReader option(String key, long value) {
    return option(key, String.valueOf(value));
  }

  public DataStreamReader option(String key, double value) {
    return option(key, String.valueOf(value));
  }

  public DataStreamReader options(Map<String, String> opts) {
    opts.forEach(this::option);
    return this;
  }

  /** The stream of the configured source. */
  public DataFrame load() {
    String f = format == null ? "parquet" : format;
    StreamSourceProvider provider = DataSourceRegistry.findStreamSource(f);
    SourceContext ctx = new SourceContext(SessionInternals.conf(session));
    StructType schema = provider.sourceSchema(options, userSchema, ctx);
    StreamSourceDefinition def = StreamSourceDefinition.of(provider, options, schema, ctx);
    return SessionInternals.dataFrame(session, StreamingRelation.of(def));
  }

  /** The stream of the files under {@code path} (a directory or glob). */
  public DataFrame load(String path) {
    option("path", path);
    return load();
  }

  public DataFrame json(String path) {
    return format("json").load(path);
  }

  public DataFrame csv(String path) {
    return format("csv").load(path);
  }

  public DataFrame text(String path) {
    return format("text").load(path);
  }

  public DataFrame parquet(String path) {
    return format("parquet").load(path);
  }

  /** The streaming temporary view {@code tableName}. */
  public DataFrame table(String tableName) {
    DataFrame df = session.table(tableName);
    if (!df.isStreaming()) {
      throw new AnalysisException(
          ErrorClass.UNSUPPORTED_DATA_SOURCE_OPERATION,
          SluiceException.params(
              "format",
              "table " + tableName,
              "operation",
              "streaming reads (it is a batch view)",
              "supported",
              "views defined over readStream()"));
    }
    return df;
  }
}
