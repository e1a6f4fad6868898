package io.sluice.bench;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.max;
import static io.sluice.functions.sum;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.connector.SourceContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading 1M EventGen events from CSV ({@code event_id,user_id,customer_id,event_type,ts,amount},
 * no header) on ONE worker thread, so the scores are rows per second per core. The file is made in
 * setup: by {@code EventGen} when {@link #eventGen} names {@code EventGen.java} (e.g. {@code -p
 * eventGen=../shared/bench/EventGen.java}), else by a small generator here that writes rows of the
 * same shape.
 *
 * <ul>
 *   <li>{@code scanAllColumns}: the CSV scan alone, every column converted (parse cost);
 *   <li>{@code scanTwoColumns}: the scan reading {@code ts} and {@code amount} only (pruning);
 *   <li>{@code aggregateAllColumns}: {@code session.read().csv(...)} on {@code local[1]} with an
 *       aggregate over every column.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class CsvReadBenchmark {
  static final int EVENTS = 1_000_000;
  static final String SCHEMA =
      "event_id STRING, user_id STRING, customer_id STRING,"
          + " event_type STRING, ts TIMESTAMP, amount DOUBLE";

  /** Path of {@code EventGen.java}; empty for the built-in generator. */
  @Param({""})
  public String eventGen;

  private Path dir;
  private Path file;
  private BatchScan scan;
  private StructType twoColumns;
  private Session session;
  private DataFrame aggregate;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("csv-bench");
    file = dir.resolve("events.csv");
    if (eventGen.isEmpty()) {
      generate(file, EVENTS);
    } else {
      Process p =
          new ProcessBuilder(
                  "java",
                  eventGen,
                  "--events",
                  String.valueOf(EVENTS),
                  "--seed",
                  "42",
                  "--format",
                  "csv",
                  "--out",
                  file.toString())
              .inheritIO()
              .start();
      if (p.waitFor() != 0) throw new IllegalStateException("EventGen failed");
    }
    SQLConf conf = new SQLConf(1);
    conf.set(SQLConf.SESSION_TIME_ZONE, "UTC");
    scan =
        DataSourceRegistry.findBatchSource("csv")
            .createBatchScan(
                List.of(file.toString()),
                Map.of(),
                StructType.fromDDL(SCHEMA),
                new SourceContext(conf));
    twoColumns = StructType.fromDDL("ts TIMESTAMP, amount DOUBLE");
    session =
        Session.builder()
            .appName("csv-bench")
            .master("local[1]")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    aggregate =
        session
            .read()
            .schema(SCHEMA)
            .csv(file.toString())
            .agg(
                count(col("event_id")),
                count(col("user_id")),
                count(col("customer_id")),
                count(col("event_type")),
                max(col("ts")),
                sum(col("amount")));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    session.stop();
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  /** Rows of every column of the CSV scan, read on this thread. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long scanAllColumns() {
    return readAll(scan.schema());
  }

  /** Rows of the scan reading two of the six columns. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long scanTwoColumns() {
    return readAll(twoColumns);
  }

  /** {@code session.read().csv(...)} with an aggregate over every column, on local[1]. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public List<Row> aggregateAllColumns() {
    return aggregate.collectAsList();
  }

  /**
   * Rows per CPU-second of {@code scanAllColumns}, measured with the thread's CPU time: a figure
   * that a busy machine disturbs less than JMH's wall-clock throughput. Arguments: the path of
   * {@code EventGen.java} (optional) and the number of runs (default 20).
   */
  public static void main(String[] args) throws Exception {
    CsvReadBenchmark b = new CsvReadBenchmark();
    b.eventGen = args.length > 0 ? args[0] : "";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    b.setUp();
    try {
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long[] cpu = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = mx.getCurrentThreadCpuTime();
        b.scanAllColumns();
        cpu[i] = mx.getCurrentThreadCpuTime() - t0;
      }
      java.util.Arrays.sort(cpu);
      System.out.printf(
          "scanAllColumns: %d rows; CPU per run best %.1f ms, median %.1f ms;"
              + " %.2f M rows per CPU-second (median run)%n",
          EVENTS, cpu[0] / 1e6, cpu[runs / 2] / 1e6, EVENTS / (cpu[runs / 2] / 1e9) / 1e6);
    } finally {
      b.tearDown();
    }
  }

  private long readAll(StructType readSchema) {
    long rows = 0;
    for (int p = 0; p < scan.numPartitions(); p++) {
      try (BatchIterator it = scan.read(p, readSchema, 4096)) {
        ColumnBatch b;
        while ((b = it.next()) != null) rows += b.numRows();
      }
    }
    if (rows != EVENTS) throw new IllegalStateException("read " + rows + " rows");
    return rows;
  }

  private static final String[] TYPES = {
    "view", "click", "scroll", "search", "add_to_cart", "purchase", "login", "logout"
  };

  /** Rows shaped like EventGen's: ids, a type, an ISO millisecond UTC timestamp, an amount. */
  static void generate(Path out, int events) throws IOException {
    SplittableRandom rnd = new SplittableRandom(42);
    long ms = 1767225600000L; // 2026-01-01T00:00:00Z
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder(96);
      for (int i = 0; i < events; i++) {
        ms += rnd.nextInt(3);
        sb.setLength(0);
        sb.append('e').append(String.format("%016x", rnd.nextLong()));
        int user = 1 + (int) Math.min(99_999, Math.abs(rnd.nextGaussian()) * 20_000);
        sb.append(",u").append(user).append(",c").append(user % 10_000);
        sb.append(',').append(TYPES[rnd.nextInt(TYPES.length)]).append(',');
        sb.append(java.time.Instant.ofEpochMilli(ms - (rnd.nextInt(100) == 0 ? 300_000 : 0)));
        int cents = rnd.nextInt(50_000);
        sb.append(',')
            .append(cents / 100)
            .append('.')
            .append((char) ('0' + cents / 10 % 10))
            .append((char) ('0' + cents % 10))
            .append('\n');
        w.append(sb);
      }
    }
  }
}
