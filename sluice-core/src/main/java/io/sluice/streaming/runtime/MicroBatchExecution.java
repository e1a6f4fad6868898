package io.sluice.streaming.runtime;

import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SupportsTriggerAvailableNow;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.task.MicroBatchInput;
import io.sluice.exec.task.TaskContext;
import io.sluice.state.StateStoreConf;
import io.sluice.state.StateStoreRegistry;
import io.sluice.streaming.checkpoint.CheckpointFiles;
import io.sluice.streaming.checkpoint.CommitLog;
import io.sluice.streaming.checkpoint.OffsetLog;
import io.sluice.streaming.checkpoint.OffsetSeq;
import io.sluice.streaming.operator.StatefulOperator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The micro-batch loop of one run of a query: restores where the checkpoint left off, then per
 * trigger finds the latest offsets, writes them to the offset log (write-ahead), runs the batch
 * into the sink, and records the commit. A batch whose offsets were logged but not committed is
 * re-run after a restart with exactly the logged offsets.
 */
final class MicroBatchExecution {
  /** Options recorded in every offset-log entry and restored on restart: they shape state. */
  private static final List<String> STATE_SHAPING_CONF =
      List.of(
          "sluice.sql.shuffle.partitions",
          "sluice.sql.streaming.multipleWatermarkPolicy",
          "sluice.sql.streaming.stateStore.providerClass");

  private final QuerySpec spec;
  private final SQLConf conf;
  private final Path checkpoint;
  private final OffsetLog offsetLog;
  private final CommitLog commitLog;
  private final IncrementalPlan plan;
  private final MicroBatchStream[] sources;
  private final ReadLimit[] limits;
  private final WatermarkTracker watermark;
  private final ProgressTracker progress;
  private final StateStoreRegistry stateStores;
  private final java.util.concurrent.ExecutorService maintenance;
  private long lastMaintenanceMs;

  private long currentBatchId;
  private Offset[] committed;
  private Offset[] available;
  private boolean batchConstructed;
  private long batchTimestampMs;
  private long batchWatermarkMs;
  private long prevBatchWatermarkMs;
  private Offset[] availableNowTarget;
  private TaskContext lastContext;

  MicroBatchExecution(QuerySpec spec, ProgressTracker progress) {
    this.spec = spec;
    this.progress = progress;
    this.conf = spec.conf();
    this.checkpoint = spec.checkpoint();
    boolean fsync = conf.get(StreamingConf.CHECKPOINT_FSYNC);
    this.offsetLog = new OffsetLog(checkpoint.resolve("offsets"), fsync);
    this.commitLog = new CommitLog(checkpoint.resolve("commits"), fsync);
    OptionalLong latest = offsetLog.latestBatchId();
    OffsetSeq latestSeq = latest.isPresent() ? offsetLog.get(latest.getAsLong()) : null;
    if (latestSeq != null) {
      for (Map.Entry<String, String> e : latestSeq.conf().entrySet())
        conf.set(e.getKey(), e.getValue());
    }
    this.watermark = new WatermarkTracker(conf.get(StreamingConf.MULTIPLE_WATERMARK_POLICY));
    this.plan = new IncrementalPlan(spec.analyzed(), conf, spec.outputMode());
    this.sources = new MicroBatchStream[plan.sources().size()];
    this.limits = new ReadLimit[sources.length];
    for (int i = 0; i < sources.length; i++) {
      String dir = checkpoint.resolve("sources").resolve(Integer.toString(i)).toString();
      sources[i] = plan.sources().get(i).source().create(dir, spec.clock());
      limits[i] = sources[i].defaultReadLimit();
    }
    this.stateStores =
        new StateStoreRegistry(
            checkpoint.resolve("state"),
            StateStoreConf.from(conf),
            conf.get(StreamingConf.STATE_STORE_PROVIDER_CLASS));
    this.maintenance =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-state-maintenance");
              t.setDaemon(true);
              return t;
            });
    this.lastMaintenanceMs = spec.clock().millis();
    this.committed = new Offset[sources.length];
    this.available = new Offset[sources.length];
    restore(latest, latestSeq);
  }

  IncrementalPlan plan() {
    return plan;
  }

  long currentBatchId() {
    return currentBatchId;
  }

  MicroBatchStream[] sources() {
    return sources;
  }

  private void restore(OptionalLong latest, OffsetSeq latestSeq) {
    if (latestSeq == null) return;
    long n = latest.getAsLong();
    if (latestSeq.offsets().size() != sources.length) {
      throw CheckpointFiles.corrupt(
          offsetLogFile(n),
          "it lists "
              + latestSeq.offsets().size()
              + " sources but the query has "
              + sources.length
              + "; a checkpoint belongs to one query");
    }
    OptionalLong lastCommit = commitLog.latestBatchId();
    Offset[] logged = deserialize(latestSeq, n);
    batchTimestampMs = latestSeq.batchTimestampMs();
    if (lastCommit.isPresent() && lastCommit.getAsLong() == n) {
      committed = logged;
      Long next = commitLog.get(n);
      watermark.set(next == null ? latestSeq.batchWatermarkMs() : next);
      batchWatermarkMs = latestSeq.batchWatermarkMs();
      currentBatchId = n + 1;
      for (int i = 0; i < sources.length; i++) {
        if (committed[i] != null) sources[i].commit(committed[i]);
      }
    } else if (lastCommit.isEmpty() ? n == 0 : lastCommit.getAsLong() == n - 1) {
      if (n > 0) {
        OffsetSeq prev = offsetLog.get(n - 1);
        if (prev == null) {
          throw CheckpointFiles.corrupt(
              offsetLogFile(n - 1), "it is missing although batch " + n + " was logged");
        }
        committed = deserialize(prev, n - 1);
        prevBatchWatermarkMs = prev.batchWatermarkMs();
      }
      available = logged;
      watermark.set(latestSeq.batchWatermarkMs());
      batchWatermarkMs = latestSeq.batchWatermarkMs();
      currentBatchId = n;
      batchConstructed = true; // re-run the logged batch with exactly its offsets
    } else {
      throw CheckpointFiles.corrupt(
          checkpoint.resolve("commits"),
          "the last commit is for batch "
              + (lastCommit.isPresent() ? lastCommit.getAsLong() : "none")
              + " but the offset log ends at batch "
              + n);
    }
  }

  private Offset[] deserialize(OffsetSeq seq, long batchId) {
    Offset[] out = new Offset[sources.length];
    for (int i = 0; i < sources.length; i++) {
      String json = seq.offsets().get(i);
      if (json == null) continue;
      try {
        out[i] = sources[i].deserializeOffset(json);
      } catch (RuntimeException e) {
        throw CheckpointFiles.corrupt(
            offsetLogFile(batchId),
            "source "
                + i
                + " ("
                + sources[i].description()
                + ") cannot read its offset "
                + json
                + ": "
                + e.getMessage());
      }
    }
    return out;
  }

  private Path offsetLogFile(long batchId) {
    return offsetLog.directory().resolve(Long.toString(batchId));
  }

  /**
   * Lets a single source that can tell when data arrives end an idle wait early ({@link
   * MicroBatchStream#awaitNewData}); false when the query has several sources or the source cannot
   * tell, and the caller should sleep instead.
   */
  boolean awaitNewData(long maxWaitMs) throws InterruptedException {
    return sources.length == 1 && sources[0].awaitNewData(maxWaitMs);
  }

  /** Fixes what an {@code AvailableNow} query reads: the data available now. */
  void prepareAvailableNow(boolean oneBatch) {
    availableNowTarget = new Offset[sources.length];
    for (int i = 0; i < sources.length; i++) {
      if (!oneBatch && sources[i] instanceof SupportsTriggerAvailableNow s) {
        s.prepareForTriggerAvailableNow();
      } else {
        availableNowTarget[i] = sources[i].latestOffset(startOf(i), ReadLimit.allAvailable());
        limits[i] = ReadLimit.allAvailable();
      }
    }
  }

  private Offset startOf(int i) {
    return committed[i] != null ? committed[i] : sources[i].initialOffset();
  }

  /**
   * Logs the next batch's offsets when there is new data, or when the watermark moved and a
   * stateful operator wants a batch without data. Returns whether a batch is ready to run.
   */
  boolean constructNextBatch() {
    if (batchConstructed) return true;
    progress.startPhase();
    Offset[] next = new Offset[sources.length];
    boolean hasNewData = false;
    for (int i = 0; i < sources.length; i++) {
      Offset start = startOf(i);
      Offset end =
          availableNowTarget != null && availableNowTarget[i] != null
              ? availableNowTarget[i]
              : sources[i].latestOffset(start, limits[i]);
      progress.latestOffset(i, end);
      if (end != null && !same(end, start)) {
        next[i] = end;
        hasNewData = true;
      } else {
        next[i] = committed[i];
      }
    }
    progress.endPhase("latestOffset");
    if (!hasNewData && !needsNoDataBatch()) return false;
    available = next;
    batchTimestampMs = spec.clock().millis();
    prevBatchWatermarkMs = batchWatermarkMs;
    batchWatermarkMs = watermark.currentMs();
    progress.startPhase();
    List<String> offsets = new ArrayList<>(sources.length);
    for (Offset o : available) offsets.add(o == null ? null : o.json());
    OffsetSeq seq = new OffsetSeq(offsets, batchWatermarkMs, batchTimestampMs, stateShapingConf());
    if (!offsetLog.add(currentBatchId, seq)) {
      throw new SluiceRuntimeException(
          ErrorClass.CONCURRENT_QUERY,
          SluiceException.params("id", checkpoint.toString() + " (batch " + currentBatchId + ")"));
    }
    progress.endPhase("walCommit");
    batchConstructed = true;
    return true;
  }

  private boolean needsNoDataBatch() {
    if (lastContext == null) return false; // as Spark: only after a batch of this run
    if (!conf.get(StreamingConf.NO_DATA_MICRO_BATCHES)) return false;
    long wm = watermark.currentMs();
    if (wm == batchWatermarkMs) return false;
    return anyStatefulWants(plan.physical(), wm);
  }

  private static boolean anyStatefulWants(io.sluice.exec.operator.PhysicalOperator op, long wm) {
    if (op instanceof StatefulOperator s && s.shouldRunAnotherBatch(wm)) return true;
    for (io.sluice.exec.operator.PhysicalOperator c : op.children()) {
      if (anyStatefulWants(c, wm)) return true;
    }
    return false;
  }

  private Map<String, String> stateShapingConf() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : STATE_SHAPING_CONF) conf.getString(k).ifPresent(v -> m.put(k, v));
    return m;
  }

  /** Runs the constructed batch into the sink and commits it. */
  void runBatch() {
    long batchId = currentBatchId;
    progress.startPhase();
    BatchScan[] scans = new BatchScan[sources.length];
    boolean hasData = false;
    for (int i = 0; i < sources.length; i++) {
      if (available[i] != null && !same(available[i], committed[i])) {
        scans[i] = sources[i].planBatch(startOf(i), available[i]);
        hasData = true;
      }
    }
    progress.endPhase("getBatch");
    progress.startPhase();
    MicroBatchInput input =
        new MicroBatchInput(batchId, batchWatermarkMs, prevBatchWatermarkMs, scans, stateStores);
    EvalContext ev =
        EvalContext.of(conf.sessionTimeZone(), conf.ansiEnabled())
            .withCurrentMicros(Math.multiplyExact(batchTimestampMs, 1000L));
    TaskContext context = new TaskContext(conf, spec.scheduler(), ev, input);
    BatchOutput output = new BatchOutput(plan, context);
    progress.endPhase("queryPlanning");
    progress.startPhase();
    spec.sink().addBatch(batchId, output);
    output.runIfNotConsumed();
    progress.endPhase("addBatch");
    if (hasData) watermark.update(plan.watermarkOperators(), context);
    progress.startPhase();
    commitLog.add(batchId, watermark.currentMs());
    // only now is the batch committed: a source may forget (or clean up) its input
    for (int i = 0; i < sources.length; i++) {
      if (scans[i] != null) sources[i].commit(available[i]);
    }
    progress.endPhase("commitOffsets");
    progress.batchDone(batchId, committed, available, input, output, context, batchWatermarkMs);
    committed = available.clone();
    currentBatchId = batchId + 1;
    batchConstructed = false;
    lastContext = context;
    purge();
    maintainState();
  }

  /** Snapshots and cleans state stores in the background every maintenance interval. */
  private void maintainState() {
    if (plan.statefulOperators().isEmpty()) return; // no handoff to an idle thread for nothing
    long now = spec.clock().millis();
    if (now - lastMaintenanceMs < conf.get(StreamingConf.STATE_STORE_MAINTENANCE_INTERVAL)) return;
    lastMaintenanceMs = now;
    maintenance.execute(
        () -> {
          try {
            stateStores.maintain();
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MicroBatchExecution.class)
                .warn("State store maintenance failed; it is retried later", e);
          }
        });
  }

  private void purge() {
    long threshold = currentBatchId - conf.get(StreamingConf.MIN_BATCHES_TO_RETAIN);
    if (threshold > 0) {
      offsetLog.purge(threshold);
      commitLog.purge(threshold);
    }
  }

  /** Whether a batch ran in this run of the query. */
  boolean ranBatch() {
    return lastContext != null;
  }

  long watermarkMs() {
    return watermark.currentMs();
  }

  /** Stops every source, reporting the first failure after trying all. */
  void stopSources() {
    maintenance.shutdownNow();
    stateStores.close();
    RuntimeException first = null;
    for (MicroBatchStream s : sources) {
      try {
        s.stop();
      } catch (RuntimeException e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }

  static boolean same(Offset a, Offset b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    return a.equals(b) || a.json().equals(b.json());
  }
}
