package io.sluice.bench;

import static io.sluice.functions.col;

import io.sluice.Session;
import io.sluice.bench.source.BenchBlocksProvider;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The micro-batch engine's fixed cost per batch: a running stateless query ({@code bench-blocks}
 * source → select → {@code noop}, {@code Trigger.ProcessingTime(0)}, {@code local[2]}) whose every
 * batch reads one small block, so nearly all of a batch's time is the engine's own work: asking the
 * source for offsets, the offset-log write, planning the batch's input, scheduling its tasks, the
 * commit-log write, progress and purge. Batches run back to back on the query's thread; an
 * invocation waits until {@link #BATCHES} more have been committed, so the score is the time per
 * batch. The target is under 2 ms.
 *
 * <p>{@code fsync} runs the offset and commit logs with {@code
 * sluice.sql.streaming.checkpoint.fsync} (false is as durable as Spark on a local file system). The
 * checkpoint lives under {@code java.io.tmpdir}. Run with {@code bin/bench StreamingBatch}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
public class StreamingBatchBenchmark {
  static final int BATCHES = 100;

  @Param({"false", "true"})
  public boolean fsync;

  /** Rows in each batch's block. */
  @Param({"10"})
  public int rows;

  private Session session;
  private StreamingQuery query;
  private Path checkpoint;
  private String counter;
  private long target;
  private long cpuAtIterationStart;
  private long batchesAtIterationStart;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    session =
        Session.builder()
            .appName("bench")
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("sluice.sql.streaming.checkpoint.fsync", Boolean.toString(fsync))
            .create();
    checkpoint = Files.createTempDirectory("sluice-bench-checkpoint-");
    counter = UUID.randomUUID().toString();
    query =
        session
            .readStream()
            .format("bench-blocks")
            .option("rows", rows)
            .option("counter", counter)
            .load()
            .select(col("id"), col("id").plus(1).as("next"))
            .writeStream()
            .format("noop")
            .trigger(Trigger.ProcessingTime(0))
            .option("checkpointLocation", checkpoint.toString())
            .start();
    target = BenchBlocksProvider.committed(counter);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    query.stop();
    session.stop();
    try (Stream<Path> walk = Files.walk(checkpoint)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) Files.deleteIfExists(p);
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpuAtIterationStart = processCpuNanos();
    batchesAtIterationStart = BenchBlocksProvider.committed(counter);
  }

  /**
   * Prints the iteration's process CPU time per batch (all threads: the query's, the workers, JIT
   * and GC), which stays meaningful when other jobs share the machine's cores.
   */
  @TearDown(Level.Iteration)
  public void reportCpu() {
    long batches = BenchBlocksProvider.committed(counter) - batchesAtIterationStart;
    if (batches > 0) {
      System.out.printf(
          java.util.Locale.ROOT,
          "  [process cpu] %.1f us per batch%n",
          (processCpuNanos() - cpuAtIterationStart) / 1e3 / batches);
    }
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** Waits for {@link #BATCHES} more batches of the running query. */
  @Benchmark
  @OperationsPerInvocation(BATCHES)
  public long hundredBatches() throws InterruptedException {
    target = Math.max(target, BenchBlocksProvider.committed(counter)) + BATCHES;
    BenchBlocksProvider.awaitCommitted(counter, target);
    return target;
  }
}
