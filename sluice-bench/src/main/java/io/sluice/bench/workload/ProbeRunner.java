package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.config.StreamingConf;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link LatencyProbe}: the {@code rate} source ({@code --rows-per-second}, default 1000;
 * {@code --partitions}, default 2) with {@code Trigger.ProcessingTime(0)} into {@code noop}; {@code
 * --warmup} (20) batches, then {@code --batches} (200) measured ones, whose progress durations give
 * p50/p99. The offset and commit logs are written as the session's {@code
 * sluice.sql.streaming.checkpoint.fsync} says ({@code --fsync} sets it), under {@code
 * --checkpoint-dir} (default a new temporary directory).
 *
 * <p>The rate source emits once a second, so the probe takes about a second per batch; {@code
 * --source rate-micro-batch} runs the same batches ({@code --rows-per-second} rows each) back to
 * back instead.
 */
final class ProbeRunner {
  private ProbeRunner() {}

  static Result run(LatencyProbe probe, Args args, PrintStream out) throws Exception {
    boolean fsync = args.flag("fsync");
    Session session =
        Sessions.create(
            "bench-" + probe.name(),
            args,
            Map.of(StreamingConf.CHECKPOINT_FSYNC.key(), Boolean.toString(fsync)));
    int warmup = (int) args.getLong("warmup", 20);
    int measured = (int) args.getLong("batches", 200);
    long rows = args.getLong("rows-per-second", 1000);
    long partitions = args.getLong("partitions", 2);
    String kind = args.get("source", "rate");
    String format = format(kind);
    DataFrame rate =
        session
            .readStream()
            .format(format)
            .option(kind.equals("rate") ? "rowsPerSecond" : "rowsPerBatch", rows)
            .option("numPartitions", partitions)
            .load();
    DataFrame df = probe.query(session, rate);
    ProgressCollector progress = new ProgressCollector();
    session.streams().addListener(progress);
    String base = args.get("checkpoint-dir", null);
    Path checkpoint =
        base == null
            ? Files.createTempDirectory("sluice-bench-checkpoint-")
            : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "probe-");
    out.printf("probe %s: %s%n", probe.name(), probe.description());
    out.printf(
        "source %s (%d rows, %d partitions), %d warm-up + %d measured batches, checkpoint %s,"
            + " checkpoint.fsync=%s, %s%n",
        format,
        rows,
        partitions,
        warmup,
        measured,
        checkpoint,
        fsync,
        args.get("master", "local[2]"));
    try (HeapWatch heap = HeapWatch.start()) {
      StreamingQuery q =
          df.writeStream()
              .format("noop")
              .queryName(probe.name())
              .outputMode(probe.outputMode())
              .trigger(Trigger.ProcessingTime(0))
              .option("checkpointLocation", checkpoint.toString())
              .start();
      long timeoutMs = kind.equals("rate") ? (warmup + measured) * 3_000L : 600_000;
      try {
        if (!progress.awaitBatches(warmup + measured, timeoutMs)) {
          q.exception().ifPresent(ProbeRunner::rethrow);
          throw new IllegalStateException(
              "only " + progress.batches().size() + " batches ran in " + timeoutMs + " ms");
        }
      } finally {
        q.stop();
      }
      long peak = heap.peakBytes();
      List<StreamingQueryProgress> batches = progress.batches().subList(warmup, warmup + measured);
      long firstNanos = progress.arrivalNanos(Math.max(0, warmup - 1));
      double seconds = (progress.arrivalNanos(warmup + measured - 1) - firstNanos) / 1e9;
      describe(batches, out);
      return new Result(
          probe.name(),
          ProgressCollector.inputRows(batches),
          seconds,
          ProgressCollector.durations(batches),
          peak);
    } finally {
      session.streams().removeListener(progress);
      session.stop();
      Sessions.deleteRecursively(checkpoint);
    }
  }

  private static void rethrow(RuntimeException e) {
    throw e;
  }

  private static void describe(List<StreamingQueryProgress> batches, PrintStream out) {
    out.printf(
        "mean durationMs per measured batch: %s; peak RSS of the process %d MB%n",
        ProgressCollector.meanPhases(batches), HeapWatch.peakRssBytes() >> 20);
    out.printf("batch durations: %s%n", ProgressCollector.histogram(batches));
    out.printf("slowest: %s%n", ProgressCollector.slowest(batches, 3));
  }

  private static String format(String kind) {
    if (!kind.equals("rate") && !kind.equals("rate-micro-batch")) {
      throw new IllegalArgumentException("--source must be rate or rate-micro-batch, not " + kind);
    }
    return kind;
  }
}
