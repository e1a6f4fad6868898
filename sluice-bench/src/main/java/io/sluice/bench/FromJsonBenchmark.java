package io.sluice.bench;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.from_json;
import static io.sluice.functions.max;
import static io.sluice.functions.sum;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code from_json} of 1M EventGen events on ONE worker thread ({@code local[1]}): JMH's score is
 * events parsed per second per core. The events are JSON lines held in a string column (built once
 * in the setup); each invocation parses all of them into the events' schema and aggregates three of
 * the fields so that every row is parsed and used.
 *
 * <p>Input: with {@code -p eventGen=/path/to/EventGen.java} the setup runs the shared generator
 * ({@code java EventGen.java --events N --seed 42}) and reads its file; without it (the default)
 * the setup writes equivalent events itself: the same fields, formats, value ranges and event-type
 * weights, so the parser does the same work (the ids differ). Run with {@code bin/bench FromJson}
 * (add {@code -p eventGen=../shared/bench/EventGen.java}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class FromJsonBenchmark {
  static final int EVENTS = 1_000_000;
  static final StructType EVENT_SCHEMA =
      StructType.fromDDL(
          "event_id STRING, user_id STRING,"
              + " customer_id STRING, event_type STRING, ts TIMESTAMP, amount DOUBLE");

  /** Path of EventGen.java; empty for the built-in equivalent generator. */
  @Param({""})
  public String eventGen;

  private Session session;
  private DataFrame parsed;
  private long cpuAtIterationStart;
  private long eventsInIteration;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    List<String> lines =
        eventGen.isEmpty()
            ? EquivalentEvents.lines(EVENTS, 42)
            : runEventGen(Path.of(eventGen), EVENTS);
    List<Row> rows = new ArrayList<>(lines.size());
    for (String l : lines) rows.add(RowFactory.create(l));
    session = Session.builder().appName("bench").master("local[1]").getOrCreate();
    DataFrame json = session.createDataFrame(rows, StructType.fromDDL("value STRING"));
    parsed =
        json.select(from_json(col("value"), EVENT_SCHEMA).as("e"))
            .agg(count(col("e")), sum(col("e.amount")), max(col("e.ts")));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.stop();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpuAtIterationStart = processCpuNanos();
    eventsInIteration = 0;
  }

  /**
   * Prints the iteration's events per second of process CPU time (all threads: the worker, JIT and
   * GC), a figure that stays meaningful when other jobs share the machine's cores.
   */
  @TearDown(Level.Iteration)
  public void reportCpu() {
    double seconds = (processCpuNanos() - cpuAtIterationStart) / 1e9;
    if (seconds > 0) {
      System.out.printf(
          Locale.ROOT,
          "  [process cpu] %.2f M events per CPU-second%n",
          eventsInIteration / seconds / 1e6);
    }
  }

  /** Parses 1M JSON events into the events' schema. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public List<Row> fromJson1mEvents() {
    eventsInIteration += EVENTS;
    return parsed.collectAsList();
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static List<String> runEventGen(Path source, int events)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("events", ".jsonl");
    try {
      Process p =
          new ProcessBuilder(
                  "java",
                  source.toString(),
                  "--events",
                  String.valueOf(events),
                  "--seed",
                  "42",
                  "--out",
                  out.toString(),
                  "--quiet")
              .inheritIO()
              .start();
      if (p.waitFor() != 0) throw new IOException("EventGen failed with " + p.exitValue());
      return Files.readAllLines(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Events with EventGen's fields and formats: {@code e} + 16 hex digits, {@code u1..u100000}
   * (skewed to small ids), a customer per user, weighted event types, millisecond ISO timestamps
   * advancing 0-2 ms from 2026-01-01 with 1% late, amounts with two decimals.
   */
  static final class EquivalentEvents {
    private static final String[] TYPES = {
      "view", "click", "scroll", "search", "add_to_cart", "purchase", "login", "logout"
    };
    private static final int[] WEIGHTS = {40, 22, 10, 9, 8, 5, 3, 3};
    private static final long BASE_MS = 1767225600000L;
    private static final java.time.format.DateTimeFormatter TS =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private EquivalentEvents() {}

    static List<String> lines(int n, long seed) {
      List<String> out = new ArrayList<>(n);
      java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
      long now = BASE_MS;
      StringBuilder sb = new StringBuilder(160);
      for (int i = 0; i < n; i++) {
        now += r.nextInt(3);
        long ts = r.nextInt(100) == 0 ? now - 60_000 - r.nextInt(840_000) : now;
        int user = 1 + (int) Math.min(99_999, Math.floor(Math.pow(100_000, r.nextDouble())) - 1);
        int type = pickType(r.nextInt(100));
        double amount =
            switch (type) {
              case 5 -> 1 + r.nextInt(49_900) / 100.0;
              case 4 -> 1 + r.nextInt(19_900) / 100.0;
              case 0 -> r.nextInt(10) == 0 ? r.nextInt(1000) / 100.0 : 0.0;
              default -> r.nextInt(2000) / 100.0;
            };
        sb.setLength(0);
        sb.append("{\"event_id\":\"e")
            .append(String.format(Locale.ROOT, "%016x", r.nextLong()))
            .append("\",\"user_id\":\"u")
            .append(user)
            .append("\",\"customer_id\":\"c")
            .append((user * 7919) % 10_000)
            .append("\",\"event_type\":\"")
            .append(TYPES[type])
            .append("\",\"ts\":\"")
            .append(TS.format(java.time.Instant.ofEpochMilli(ts)))
            .append("\",\"amount\":")
            .append(String.format(Locale.ROOT, "%.2f", amount))
            .append('}');
        out.add(sb.toString());
      }
      return out;
    }

    private static int pickType(int p) {
      int acc = 0;
      for (int t = 0; t < WEIGHTS.length; t++) {
        acc += WEIGHTS[t];
        if (p < acc) return t;
      }
      return 0;
    }
  }
}
