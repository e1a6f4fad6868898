package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Workload} as WORKLOADS.md prescribes: {@code Trigger.AvailableNow()} over the input
 * into the {@code noop} sink; wall time from {@code start()} to termination; batch durations from
 * the query's progress events; peak heap from the memory pools. {@code --warmup-runs N} runs the
 * query N times before the measured run, in the same JVM (default 0: a cold run, as the peers were
 * measured).
 */
final class WorkloadRunner {
  private WorkloadRunner() {}

  static Result run(Workload w, Args args, PrintStream out) throws Exception {
    Session session = Sessions.create("bench-" + w.name(), args, Map.of());
    try (EventInput input = EventInput.resolve(args, out)) {
      out.printf("workload %s: %s%n", w.name(), w.description());
      out.printf(
          "input %s (%s events in its manifest), %s file source, maxFilesPerTrigger %d, %s%n",
          input.root(),
          input.manifestEvents() < 0 ? "no" : Long.toString(input.manifestEvents()),
          input.format(),
          input.maxFilesPerTrigger(),
          args.get("master", "local[2]"));
      long warmups = args.getLong("warmup-runs", 0);
      for (int i = 0; i < warmups; i++) {
        Run r = runOnce(w, session, input);
        out.printf(
            "warm-up run %d: %.3f s (%.2f s of process CPU), %d batches%n",
            i + 1, r.seconds, r.cpuSeconds, r.batches.size());
      }
      Run r = runOnce(w, session, input);
      List<StreamingQueryProgress> batches = r.batches;
      long events = input.manifestEvents() >= 0 ? input.manifestEvents() : r.inputRows();
      out.printf(
          "input rows read %d, output rows %d; mean durationMs per batch: %s%n",
          r.inputRows(),
          ProgressCollector.outputRows(batches),
          ProgressCollector.meanPhases(batches));
      out.printf(
          "process CPU %.2f s over %.3f s wall: %.0f events per CPU-second; peak RSS of the"
              + " process %d MB%n",
          r.cpuSeconds,
          r.seconds,
          events / Math.max(1e-9, r.cpuSeconds),
          HeapWatch.peakRssBytes() >> 20);
      return new Result(
          w.name(), events, r.seconds, ProgressCollector.durations(batches), r.peakHeapBytes);
    } finally {
      session.stop();
    }
  }

  record Run(
      double seconds, double cpuSeconds, List<StreamingQueryProgress> batches, long peakHeapBytes) {
    long inputRows() {
      return ProgressCollector.inputRows(batches);
    }
  }

  static Run runOnce(Workload w, Session session, EventStreams input) throws Exception {
    return runOnce(w, session, input, "noop", Map.of());
  }

  /** One timed run of {@code w} into the sink {@code format} with {@code sinkOptions}. */
  static Run runOnce(
      Workload w,
      Session session,
      EventStreams input,
      String format,
      Map<String, String> sinkOptions)
      throws Exception {
    DataFrame df = w.query(session, input);
    ProgressCollector progress = new ProgressCollector();
    session.streams().addListener(progress);
    Path checkpoint = Files.createTempDirectory("sluice-bench-checkpoint-");
    System.gc();
    try (HeapWatch heap = HeapWatch.start()) {
      long cpu0 = CpuTime.processNanos();
      long t0 = System.nanoTime();
      StreamingQuery q =
          df.writeStream()
              .format(format)
              .options(sinkOptions)
              .queryName(w.name())
              .outputMode(w.outputMode())
              .trigger(Trigger.AvailableNow())
              .option("checkpointLocation", checkpoint.toString())
              .start();
      q.awaitTermination();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (CpuTime.processNanos() - cpu0) / 1e9;
      long peak = heap.peakBytes();
      session.streams().awaitListenerEvents(10_000);
      return new Run(seconds, cpuSeconds, progress.batches(), peak);
    } finally {
      session.streams().removeListener(progress);
      Sessions.deleteRecursively(checkpoint);
    }
  }
}
