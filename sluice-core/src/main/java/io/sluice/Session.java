package io.sluice;

import io.sluice.analysis.Analyzer;
import io.sluice.analysis.SessionCatalog;
import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.DateTimes;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.internal.MasterUrl;
import io.sluice.internal.RowConverter;
import io.sluice.internal.SharedState;
import io.sluice.optimizer.Optimizer;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.UnresolvedRelation;
import io.sluice.sql.parser.CommandResult;
import io.sluice.sql.parser.CommandRunner;
import io.sluice.sql.parser.SqlParser;
import io.sluice.sql.parser.Statement;
import io.sluice.streaming.DataStreamReader;
import io.sluice.streaming.StreamingQueryManager;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of the DataFrame API, as Spark's {@code SparkSession}: configuration, data
 * sources, temporary views and the worker pool that runs queries. Get one with {@code
 * Session.builder().master("local[*]").getOrCreate()}; {@link #stop()} it when done.
 */
public final class Session implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static Session defaultSession;
  private static final InheritableThreadLocal<Session> ACTIVE = new InheritableThreadLocal<>();

  private final SharedState shared;
  private final SQLConf conf;
  private final RuntimeConfig runtimeConfig;
  private final SessionCatalog sessionCatalog;
  private final Analyzer analyzer;
  private final Optimizer optimizer;
  private final PhysicalPlanner planner;
  private final Catalog catalog;
  private final StreamingQueryManager streams = new StreamingQueryManager();

  private Session(SharedState shared, Map<String, String> options) {
    this.shared = shared;
    this.conf = new SQLConf(shared.scheduler().threads());
    conf.set(RuntimeConfig.MASTER_KEY, shared.master());
    conf.set(RuntimeConfig.APP_NAME_KEY, shared.appName());
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = SQLConf.normalizeKey(e.getKey());
      if (!key.equals(RuntimeConfig.MASTER_KEY) && !key.equals(RuntimeConfig.APP_NAME_KEY)) {
        conf.set(key, e.getValue());
      }
    }
    this.runtimeConfig = new RuntimeConfig(conf);
    this.sessionCatalog = new SessionCatalog(shared.globalTempViews(), conf.caseSensitive());
    this.analyzer = new Analyzer(sessionCatalog, conf);
    this.optimizer = new Optimizer(conf);
    this.planner = new PhysicalPlanner(conf);
    this.catalog = new Catalog(this);
  }

  /** A builder for a session. */
  public static Builder builder() {
    return new Builder();
  }

  /** The session set active in this thread, if any. */
  public static Optional<Session> getActiveSession() {
    Session s = ACTIVE.get();
    return s == null || s.isStopped() ? Optional.empty() : Optional.of(s);
  }

  /** The session {@link Builder#getOrCreate()} returns, if one is running. */
  public static Optional<Session> getDefaultSession() {
    synchronized (LOCK) {
      return defaultSession == null || defaultSession.isStopped()
          ? Optional.empty()
          : Optional.of(defaultSession);
    }
  }

  /** The active session of this thread, else the default one; fails when there is none. */
  public static Session active() {
    return getActiveSession()
        .or(Session::getDefaultSession)
        .orElseThrow(() -> new IllegalStateException("No active or default Session found"));
  }

  /** Makes {@code session} the active session of this thread (and threads it starts). */
  public static void setActiveSession(Session session) {
    ACTIVE.set(session);
  }

  /** Clears this thread's active session. */
  public static void clearActiveSession() {
    ACTIVE.remove();
  }

  /** A new session with its own configuration and temporary views, sharing the worker pool. */
  public Session newSession() {
    return new Session(shared, Map.of());
  }

  /** The runtime configuration. */
  public RuntimeConfig conf() {
    return runtimeConfig;
  }

  /** A reader of batch data sources: {@code read().format("json").load(path)}. */
  public DataFrameReader read() {
    return new DataFrameReader(this);
  }

  /** The temporary views of this session. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * A DataFrame of {@code rows}, whose values must have the external types of {@code schema}'s
   * fields (see {@link Row}); a value of another type fails with {@code INVALID_EXTERNAL_TYPE}
   * naming the field.
   */
  public DataFrame createDataFrame(List<Row> rows, StructType schema) {
    RowConverter converter = RowConverter.toInternal(schema, conf.ansiEnabled());
    return new DataFrame(
        this, new LocalRelation(attributes(schema), converter.toBatches(rows, conf.batchSize())));
  }

  /** A DataFrame without columns or rows. */
  public DataFrame emptyDataFrame() {
    return new DataFrame(this, new LocalRelation(List.of(), List.of()));
  }

  static List<AttributeReference> attributes(StructType schema) {
    List<AttributeReference> out = new ArrayList<>(schema.length());
    for (StructField f : schema.fields()) {
      out.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
    }
    return out;
  }

  /** A single bigint column {@code id} with the values 0 until {@code end}. */
  public DataFrame range(long end) {
    return range(0, end);
  }

  /** A single bigint column {@code id} with the values {@code start} until {@code end}. */
  public DataFrame range(long start, long end) {
    return range(start, end, 1);
  }

  /** {@code id} from {@code start} until {@code end} by {@code step}. */
  public DataFrame range(long start, long end, long step) {
    return range(start, end, step, conf.workerThreads());
  }

  /** {@code id} from {@code start} until {@code end} by {@code step}, in that many partitions. */
  public DataFrame range(long start, long end, long step, int numPartitions) {
    AttributeReference id = AttributeReference.create("id", DataTypes.LongType, false);
    return new DataFrame(this, new Range(start, end, step, numPartitions, id));
  }

  /** The temporary view (or {@code global_temp.view}) named {@code name}. */
  public DataFrame table(String name) {
    return new DataFrame(this, new UnresolvedRelation(Catalog.parseName(name)));
  }

  /**
   * Runs one SQL statement. A query returns its (lazy) DataFrame, streaming if it reads a streaming
   * view; a command ({@code CREATE TEMPORARY VIEW}, {@code SHOW TABLES}, {@code DESCRIBE}, {@code
   * EXPLAIN}, {@code SET}...) runs now and returns its result rows.
   */
  public DataFrame sql(String sqlText) {
    Statement statement = sqlParser().parseStatement(sqlText);
    if (statement instanceof Statement.Query q) return new DataFrame(this, q.plan());
    CommandResult result = new CommandRunner(new SqlCommands(this)).run(statement);
    List<Row> rows = new ArrayList<>(result.rows().size());
    for (List<Object> r : result.rows()) rows.add(RowFactory.create(r.toArray()));
    return createDataFrame(rows, result.schema());
  }

  /** Sluice's version. */
  public String version() {
    return "0.1.0-SNAPSHOT";
  }

  /** Reads a streaming source: {@code readStream().format("json").schema(s).load(dir)}. */
  public DataStreamReader readStream() {
    return new DataStreamReader(this);
  }

  /** The streaming queries of this session. */
  public StreamingQueryManager streams() {
    return streams;
  }

  /**
   * Stops this session's streaming queries and the worker pool (shared with sessions from {@link
   * #newSession()}).
   */
  public void stop() {
    streams.stopAll();
    shared.stop();
    synchronized (LOCK) {
      if (defaultSession == this) defaultSession = null;
    }
    if (ACTIVE.get() == this) ACTIVE.remove();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  boolean isStopped() {
    return shared.isStopped();
  }

  /** A parser with this session's ANSI mode and time zone (for {@code TIMESTAMP '...'}). */
  SqlParser sqlParser() {
    java.time.ZoneId zone = DateTimes.zoneOf(conf.sessionTimeZone());
    return new SqlParser(
        conf.ansiEnabled(), zone != null ? zone : java.time.ZoneId.systemDefault());
  }

  SQLConf sqlConf() {
    return conf;
  }

  SessionCatalog sessionCatalog() {
    return sessionCatalog;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  Optimizer optimizer() {
    return optimizer;
  }

  PhysicalPlanner planner() {
    return planner;
  }

  /** The worker pool; fails with {@code SESSION_STOPPED} once the session is stopped. */
  TaskScheduler scheduler(String operation) {
    if (shared.isStopped()) {
      throw new SluiceRuntimeException(
          ErrorClass.SESSION_STOPPED, SluiceException.params("operation", operation));
    }
    return shared.scheduler();
  }

  LogicalPlan analyze(LogicalPlan plan) {
    return analyzer.analyze(plan);
  }

  @Override
  public String toString() {
    return "Session(" + shared.master() + ", " + shared.appName() + ")";
  }

  /** Builds or finds a {@link Session}, as Spark's {@code SparkSession.Builder}. */
  public static final class Builder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {}

    /** The application's name, shown in logs and the UI. */
    public Builder appName(String name) {
      return config(RuntimeConfig.APP_NAME_KEY, name);
    }

    /** Where to run: {@code local}, {@code local[N]} (N threads) or {@code local[*]}. */
    public Builder master(String master) {
      return config(RuntimeConfig.MASTER_KEY, master);
    }

    /** Sets an option ({@code sluice.*} or {@code spark.*} key). */
    public Builder config(String key, String value) {
      options.put(SQLConf.normalizeKey(key), value);
      return this;
    }

    /** Sets a boolean option. */
    public Builder config(String key, boolean value) {
      return config(key, String.valueOf(value));
    }

    /** Sets a numeric option. */
    public Builder config(String key, long value) {
      return config(key, String.valueOf(value));
    }

    /** Sets a numeric option. */
    public Builder config(String key, double value) {
      return config(key, String.valueOf(value));
    }

    /** Sets every option of {@code map}. */
    public Builder config(Map<String, String> map) {
      map.forEach(this::config);
      return this;
    }

    /**
     * The running default session (with this builder's runtime options applied to it), or a new one
     * that becomes the default. As in Spark, the master and app name of an existing session do not
     * change.
     */
    public Session getOrCreate() {
      String master = options.get(RuntimeConfig.MASTER_KEY);
      if (master != null) MasterUrl.threads(master); // a bad master fails even if one runs
      synchronized (LOCK) {
        Session existing =
            getActiveSession()
                .orElse(
                    defaultSession != null && !defaultSession.isStopped() ? defaultSession : null);
        if (existing != null) {
          applyRuntimeOptions(existing);
          return existing;
        }
        Session s = create();
        defaultSession = s;
        ACTIVE.set(s);
        return s;
      }
    }

    /** Always a new session with its own worker pool (not made the default). */
    public Session create() {
      String master = options.getOrDefault(RuntimeConfig.MASTER_KEY, "local[*]");
      int threads = MasterUrl.threads(master);
      String appName = options.getOrDefault(RuntimeConfig.APP_NAME_KEY, "sluice");
      SharedState shared = new SharedState(master, appName, threads);
      try {
        return new Session(shared, options);
      } catch (RuntimeException e) {
        shared.stop();
        throw e;
      }
    }

    private void applyRuntimeOptions(Session s) {
      for (Map.Entry<String, String> e : options.entrySet()) {
        if (s.runtimeConfig.isModifiable(e.getKey())
            || SQLConf.lookup(e.getKey()).isEmpty() && !isStatic(e.getKey())) {
          s.conf.set(e.getKey(), e.getValue());
        }
      }
    }

    private static boolean isStatic(String key) {
      return key.equals(RuntimeConfig.MASTER_KEY) || key.equals(RuntimeConfig.APP_NAME_KEY);
    }
  }
}
