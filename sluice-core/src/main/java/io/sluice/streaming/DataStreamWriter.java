package io.sluice.streaming;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.SessionInternals;
import io.sluice.analysis.UnsupportedOperationChecker;
import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.connector.memory.MemorySink;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.streaming.runtime.Clock;
import io.sluice.streaming.runtime.QuerySpec;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a streaming query over a streaming DataFrame ({@code df.writeStream()}), as Spark's {@code
 * DataStreamWriter}: output mode, sink format and options, trigger, query name, checkpoint, then
 * {@link #start()}.
 */
public final class DataStreamWriter {
  private final DataFrame df;
  private final Session session;
  private OutputMode outputMode = OutputMode.APPEND;
  private String format;
  private final Map<String, String> options = new LinkedHashMap<>();
  private String queryName;
  private List<String> partitionColumns = List.of();
  private Trigger trigger = Trigger.ProcessingTime(0);
  private ForeachBatchFunction foreachBatch;
  private ForeachWriter foreach;
  private Clock clock;

  /** Use {@code df.writeStream()}. */
  public DataStreamWriter(DataFrame df) {
    if (!df.isStreaming()) {
      throw new AnalysisException(ErrorClass.WRITE_STREAM_NOT_ALLOWED, Map.of());
    }
    this.df = df;
    this.session = df.sparkSession();
  }

  /** {@code append} (the default), {@code complete} or {@code update}. */
  public DataStreamWriter outputMode(String mode) {
    this.outputMode = OutputMode.fromString(mode);
    return this;
  }

  public DataStreamWriter outputMode(OutputMode mode) {
    this.outputMode = mode;
    return this;
  }

  /** The sink's short name: {@code console}, {@code memory}, {@code noop}, {@code json}, ... */
  public DataStreamWriter format(String source) {
    this.format = source;
    return this;
  }

  public DataStreamWriter option(String key, String value) {
    options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
    options.put(key, value);
    return this;
  }

  public DataStreamWriter option(String key, boolean value) {
    return option(key, String.valueOf(value));
  }

  public DataStreamWriter option(String key, long value) {
    return option(key, String.valueOf(value));
  }

  public DataStreamWriter option(String key, double value) {
    return option(key, String.valueOf(value));
  }

  public DataStreamWriter options(Map<String, String> opts) {
    opts.forEach(this::option);
    return this;
  }

  /** The query's name: unique among the session's active queries; the memory sink's view name. */
  public DataStreamWriter queryName(String name) {
    this.queryName = name;
    return this;
  }

  /** Output directories partitioned by these columns (file sinks). */
  public DataStreamWriter partitionBy(String... columns) {
    this.partitionColumns = List.copyOf(Arrays.asList(columns));
    return this;
  }

  public DataStreamWriter trigger(Trigger trigger) {
    this.trigger = trigger;
    return this;
  }

  /** Runs {@code function} with each micro-batch's output; replaces the format. */
  public DataStreamWriter foreachBatch(ForeachBatchFunction function) {
    this.foreachBatch = function;
    this.foreach = null;
    this.format = "foreachBatch";
    return this;
  }

  /** Hands every row to {@code writer}; replaces the format. */
  public DataStreamWriter foreach(ForeachWriter writer) {
    this.foreach = writer;
    this.foreachBatch = null;
    this.format = "foreach";
    return this;
  }

  /** The clock the query's triggers run by (tests use a manual clock); the system's by default. */
  public DataStreamWriter clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Starts the query writing to {@code path}. */
  public StreamingQuery start(String path) {
    option("path", path);
    return start();
  }

  /** Starts the query; returns once it is running (or throws why it cannot run). */
  public StreamingQuery start() {
    if (trigger instanceof Trigger.ContinuousTrigger) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_TRIGGER,
          SluiceException.params(
              "trigger",
              "Continuous",
              "reason",
              "continuous processing is not supported yet; use Trigger.ProcessingTime or the"
                  + " default trigger, whose micro-batches already run in milliseconds"));
    }
    LogicalPlan analyzed = df.queryExecution().analyzed();
    SQLConf conf = SessionInternals.conf(session);
    UnsupportedOperationChecker.checkForStreaming(analyzed, outputMode, conf);
    StructType schema = df.schema();
    String sinkFormat = format == null ? "parquet" : format;
    boolean temporaryAllowed;
    StreamSink sink;
    Path checkpoint;
    boolean tempCheckpoint = false;
    SinkPlan plan = sinkFor(sinkFormat, schema, conf);
    temporaryAllowed = plan.temporaryCheckpointAllowed;
    String location = checkpointLocation(conf);
    if (location == null) {
      if (!temporaryAllowed) {
        throw new AnalysisException(
            ErrorClass.CHECKPOINT_LOCATION_REQUIRED, SluiceException.params("sink", sinkFormat));
      }
      try {
        checkpoint = Files.createTempDirectory("sluice-checkpoint-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      tempCheckpoint = true;
    } else {
      checkpoint = Path.of(location).toAbsolutePath();
    }
    sink = plan.create(checkpoint.toString());
    QuerySpec spec =
        new QuerySpec(
            queryName,
            analyzed,
            sink,
            outputMode,
            trigger,
            checkpoint,
            tempCheckpoint,
            conf.copy(),
            SessionInternals.scheduler(session, "start a streaming query"),
            clock == null ? Clock.system() : clock);
    StreamingQuery q;
    try {
      q = session.streams().start(spec);
    } catch (RuntimeException e) {
      // refused before it ran (its name is in use): no temporary checkpoint is left behind; a
      // query that ran and failed keeps it, as Spark, to show what happened
      if (tempCheckpoint && !(e instanceof StreamingQueryException)) deleteQuietly(checkpoint);
      throw e;
    }
    if (plan.memorySink != null) {
      SessionInternals.createTempView(session, queryName, ScanRelation.of(plan.memorySink.scan()));
    }
    return q;
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover empty temporary directory is harmless
    }
  }

  /** Writes to the table {@code tableName}; not available until tables exist (file formats). */
  public StreamingQuery toTable(String tableName) {
    throw new SluiceIllegalArgumentException(
        ErrorClass.UNSUPPORTED_DATA_SOURCE_OPERATION,
        SluiceException.params(
            "format",
            "table " + tableName,
            "operation",
            "streaming writes to catalog tables (no persistent catalog yet)",
            "supported",
            "start(path) with a file format, or format(\"memory\").queryName(name)"));
  }

  private String checkpointLocation(SQLConf conf) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase("checkpointLocation")) return e.getValue();
    }
    String root = conf.get(StreamingConf.CHECKPOINT_LOCATION);
    if (root == null) return null;
    String name = queryName == null ? java.util.UUID.randomUUID().toString() : queryName;
    return Path.of(root, name).toString();
  }

  /** How to create the sink once the checkpoint is known. */
  private static final class SinkPlan {
    boolean temporaryCheckpointAllowed;
    MemorySink memorySink;
    java.util.function.Function<String, StreamSink> factory;

    StreamSink create(String checkpoint) {
      return factory.apply(checkpoint);
    }
  }

  private SinkPlan sinkFor(String sinkFormat, StructType schema, SQLConf conf) {
    SinkPlan p = new SinkPlan();
    if (foreachBatch != null) {
      ForeachBatchSink s = new ForeachBatchSink(session, foreachBatch);
      p.factory = c -> s;
      return p;
    }
    if (foreach != null) {
      ForeachSink s = new ForeachSink(foreach, conf.get(SQLConf.DATETIME_JAVA8API));
      p.factory = c -> s;
      return p;
    }
    if (sinkFormat.equalsIgnoreCase("memory")) {
      if (queryName == null) {
        throw new AnalysisException(
            ErrorClass.STREAMING_SINK_OPTION_INVALID,
            SluiceException.params(
                "value",
                "(none)",
                "option",
                "queryName",
                "format",
                "memory",
                "reason",
                "the memory sink needs a query name, which names the view of its rows"));
      }
      MemorySink s = new MemorySink(schema, outputMode);
      p.memorySink = s;
      p.temporaryCheckpointAllowed = true;
      p.factory = c -> s;
      return p;
    }
    StreamSinkProvider provider = DataSourceRegistry.findStreamSink(sinkFormat);
    p.temporaryCheckpointAllowed = provider.allowsTemporaryCheckpoint();
    List<String> partitions = new ArrayList<>(partitionColumns);
    for (String c : partitions) {
      boolean found = false;
      for (StructField f : schema.fields()) found |= f.name().equalsIgnoreCase(c);
      if (!found) {
        throw new AnalysisException(
            ErrorClass.STREAMING_SINK_OPTION_INVALID,
            SluiceException.params(
                "value",
                c,
                "option",
                "partitionBy",
                "format",
                sinkFormat,
                "reason",
                "no such column; the columns are " + String.join(", ", schema.fieldNames())));
      }
    }
    Map<String, String> opts = Map.copyOf(options);
    p.factory =
        c ->
            provider.createSink(
                opts, schema, partitions, outputMode, new SinkContext(conf, queryName, c));
    return p;
  }
}
