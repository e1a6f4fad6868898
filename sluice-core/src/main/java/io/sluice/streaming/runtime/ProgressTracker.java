package io.sluice.streaming.runtime;

import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.MicroBatchInput;
import io.sluice.exec.task.TaskContext;
import io.sluice.streaming.SinkProgress;
import io.sluice.streaming.SourceProgress;
import io.sluice.streaming.StateOperatorProgress;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.operator.EventTimeStats;
import io.sluice.streaming.operator.EventTimeWatermarkOperator;
import io.sluice.streaming.operator.StatefulOperator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Times the phases of each trigger and builds the {@link StreamingQueryProgress} of each batch, as
 * Spark's progress reporter: rates from the time between trigger starts (input) and the trigger's
 * own duration (processing), event-time figures of the watermark inputs, and per-source offsets.
 */
final class ProgressTracker {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final UUID id;
  private final UUID runId;
  private final String name;
  private final Clock clock;
  private final String sinkDescription;
  private final Map<String, Long> durations = new LinkedHashMap<>();
  private long phaseStartNanos;
  private long triggerStartMs = -1;
  private long lastTriggerStartMs = -1;
  private long triggerStartNanos;
  private String[] latestOffsets = new String[0];
  private Runtime runtime;
  private StreamingQueryProgress pending;

  /** What the tracker reads from the running query at the end of a batch. */
  interface Runtime {
    MicroBatchStream[] sources();

    PhysicalOperator physical();

    List<EventTimeWatermarkOperator> watermarkOperators();
  }

  ProgressTracker(UUID id, UUID runId, String name, Clock clock, String sinkDescription) {
    this.id = id;
    this.runId = runId;
    this.name = name;
    this.clock = clock;
    this.sinkDescription = sinkDescription;
  }

  void bind(Runtime runtime) {
    this.runtime = runtime;
    this.latestOffsets = new String[runtime.sources().length];
  }

  void startTrigger() {
    durations.clear();
    pending = null;
    lastTriggerStartMs = triggerStartMs;
    triggerStartMs = clock.millis();
    triggerStartNanos = System.nanoTime();
  }

  long triggerStartMs() {
    return triggerStartMs;
  }

  void startPhase() {
    phaseStartNanos = System.nanoTime();
  }

  void endPhase(String phase) {
    long ms = (System.nanoTime() - phaseStartNanos) / 1_000_000L;
    durations.merge(phase, ms, Long::sum);
  }

  void latestOffset(int source, Offset latest) {
    latestOffsets[source] = latest == null ? null : latest.json();
  }

  /** Records a finished batch; {@link #finishTrigger} then returns its progress. */
  void batchDone(
      long batchId,
      Offset[] start,
      Offset[] end,
      MicroBatchInput input,
      BatchOutput output,
      TaskContext context,
      long batchWatermarkMs) {
    MicroBatchStream[] sources = runtime.sources();
    long triggerMs = Math.max(1L, elapsedMs());
    double inputSec =
        lastTriggerStartMs >= 0
            ? (triggerStartMs - lastTriggerStartMs) / 1000.0
            : Double.POSITIVE_INFINITY;
    double processingSec = triggerMs / 1000.0;
    List<SourceProgress> sp = new ArrayList<>();
    for (int i = 0; i < sources.length; i++) {
      long rows = input.rowsRead(i);
      sp.add(
          new SourceProgress(
              sources[i].description(),
              start[i] == null ? null : start[i].json(),
              end[i] == null ? null : end[i].json(),
              latestOffsets[i],
              rows,
              rows / inputSec,
              rows / processingSec,
              sources[i].metrics(end[i])));
    }
    List<StateOperatorProgress> state = new ArrayList<>();
    collectState(runtime.physical(), context, state);
    Map<String, String> eventTime = eventTime(context, batchWatermarkMs);
    long written = output.rowsWritten();
    pending =
        new StreamingQueryProgress(
            id,
            runId,
            name,
            ISO.format(Instant.ofEpochMilli(triggerStartMs)),
            batchId,
            0,
            durations,
            eventTime,
            state,
            sp,
            new SinkProgress(sinkDescription, written, Map.of()));
  }

  /** The progress of the trigger that just ended, or null when it ran no batch. */
  StreamingQueryProgress finishTrigger() {
    if (pending == null) return null;
    long total = elapsedMs();
    durations.put("triggerExecution", total);
    StreamingQueryProgress p = pending;
    pending = null;
    return new StreamingQueryProgress(
        p.id(),
        p.runId(),
        p.name(),
        p.timestamp(),
        p.batchId(),
        total,
        durations,
        p.eventTime(),
        List.of(p.stateOperators()),
        List.of(p.sources()),
        p.sink());
  }

  /** A progress for a trigger that found no data (sent at most every few seconds). */
  StreamingQueryProgress idleProgress(long nextBatchId, long watermarkMs, boolean hasWatermark) {
    long total = elapsedMs();
    Map<String, Long> d = new LinkedHashMap<>(durations);
    d.put("triggerExecution", total);
    List<SourceProgress> sp = new ArrayList<>();
    MicroBatchStream[] sources = runtime.sources();
    for (int i = 0; i < sources.length; i++) {
      sp.add(
          new SourceProgress(
              sources[i].description(),
              latestOffsets[i],
              latestOffsets[i],
              latestOffsets[i],
              0,
              0.0,
              0.0,
              Map.of()));
    }
    Map<String, String> et = new LinkedHashMap<>();
    if (hasWatermark) et.put("watermark", formatMs(watermarkMs));
    return new StreamingQueryProgress(
        id,
        runId,
        name,
        ISO.format(Instant.ofEpochMilli(triggerStartMs)),
        nextBatchId - 1,
        total,
        d,
        et,
        List.of(),
        sp,
        new SinkProgress(sinkDescription, 0, Map.of()));
  }

  private long elapsedMs() {
    return (System.nanoTime() - triggerStartNanos) / 1_000_000L;
  }

  private Map<String, String> eventTime(TaskContext context, long batchWatermarkMs) {
    Map<String, String> m = new LinkedHashMap<>();
    List<EventTimeWatermarkOperator> ops = runtime.watermarkOperators();
    if (ops.isEmpty()) return m;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    double sum = 0;
    long count = 0;
    for (EventTimeWatermarkOperator op : ops) {
      EventTimeStats s = op.stats(context);
      if (s.count() == 0) continue;
      min = Math.min(min, s.minMicros());
      max = Math.max(max, s.maxMicros());
      sum += s.avgMicros() * s.count();
      count += s.count();
    }
    if (count > 0) {
      m.put("avg", formatMs((long) (sum / count / 1000.0)));
      m.put("max", formatMs(max / 1000));
      m.put("min", formatMs(min / 1000));
    }
    m.put("watermark", formatMs(batchWatermarkMs));
    return m;
  }

  private static void collectState(
      PhysicalOperator op, TaskContext context, List<StateOperatorProgress> out) {
    for (PhysicalOperator c : op.children()) collectState(c, context, out);
    if (op instanceof StatefulOperator s) out.add(s.progress(context));
  }

  static String formatMs(long ms) {
    return ISO.format(Instant.ofEpochMilli(ms));
  }
}
