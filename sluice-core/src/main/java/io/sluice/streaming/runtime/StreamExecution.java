package io.sluice.streaming.runtime;

import io.sluice.config.StreamingConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryException;
import io.sluice.streaming.StreamingQueryListener.QueryIdleEvent;
import io.sluice.streaming.StreamingQueryListener.QueryProgressEvent;
import io.sluice.streaming.StreamingQueryListener.QueryStartedEvent;
import io.sluice.streaming.StreamingQueryListener.QueryTerminatedEvent;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.StreamingQueryStatus;
import io.sluice.streaming.Trigger;
import io.sluice.streaming.checkpoint.StreamMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running streaming query: its thread, trigger loop, status, progress history and termination.
 * {@link #start()} returns once the query is initialized (checkpoint read, plan built, sources
 * created) or has failed doing so.
 */
public final class StreamExecution implements StreamingQuery {
  private static final Logger LOG = LoggerFactory.getLogger(StreamExecution.class);

  private final QuerySpec spec;
  private final UUID id;
  private final UUID runId = UUID.randomUUID();
  private final ListenerBus bus;
  private final Consumer<StreamExecution> onTerminated;
  private final Clock clock;
  private final Object lock = new Object();
  private final ArrayDeque<StreamingQueryProgress> recent = new ArrayDeque<>();
  private final int maxRecent;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Object poll = new Object();
  private volatile boolean pollWake;
  private boolean finishing;
  private final ProgressTracker progress;
  private Thread thread;
  private volatile boolean stopRequested;

  private volatile boolean active = true;
  private volatile StreamingQueryStatus status =
      new StreamingQueryStatus("Initializing sources", false, false);
  private volatile StreamingQueryException failure;
  private volatile MicroBatchExecution execution;
  private long triggersStarted;
  private long lastIdleTrigger = -1;
  private long lastNoExecutionProgressMs = Long.MIN_VALUE;

  /** Reads (or creates) the checkpoint's query id; the query starts with {@link #start()}. */
  public StreamExecution(QuerySpec spec, ListenerBus bus, Consumer<StreamExecution> onTerminated) {
    this.spec = spec;
    this.bus = bus;
    this.onTerminated = onTerminated;
    this.clock = spec.clock();
    this.id = StreamMetadata.readOrCreate(spec.checkpoint().resolve("metadata"));
    this.maxRecent = spec.conf().get(StreamingConf.NUM_RECENT_PROGRESS_UPDATES);
    this.progress = new ProgressTracker(id, runId, spec.name(), clock, spec.sink().description());
  }

  /** Starts the query thread and waits until it is initialized. */
  public void start() {
    thread =
        new Thread(
            this::run,
            "stream execution thread for "
                + (spec.name() == null ? "" : spec.name() + " ")
                + "[id = "
                + id
                + ", runId = "
                + runId
                + "]");
    thread.setDaemon(true);
    thread.start();
    try {
      started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      MicroBatchExecution exec = new MicroBatchExecution(spec, progress);
      execution = exec;
      progress.bind(
          new ProgressTracker.Runtime() {
            @Override
            public io.sluice.connector.MicroBatchStream[] sources() {
              return exec.sources();
            }

            @Override
            public PhysicalOperator physical() {
              return exec.plan().physical();
            }

            @Override
            public List<io.sluice.streaming.operator.EventTimeWatermarkOperator>
                watermarkOperators() {
              return exec.plan().watermarkOperators();
            }
          });
      bus.postSync(
          new QueryStartedEvent(id, runId, spec.name(), ProgressTracker.formatMs(clock.millis())));
      started.countDown();
      runTriggers(exec);
    } catch (Throwable t) {
      if (!(stopRequested && isInterruption(t))) {
        failure = queryFailure(t);
        LOG.error(
            "Query {} [id = {}, runId = {}] terminated with error", spec.name(), id, runId, t);
      }
    } finally {
      finish();
    }
  }

  /** The query's failure; a user function's error is the cause, its wrapper gives the message. */
  private StreamingQueryException queryFailure(Throwable t) {
    if (t instanceof SluiceException s
        && t.getCause() != null
        && (s.errorClass() == ErrorClass.FOREACH_USER_FUNCTION_ERROR
            || s.errorClass() == ErrorClass.FOREACH_BATCH_USER_FUNCTION_ERROR)) {
      return new StreamingQueryException(id, runId, t.getMessage(), t.getCause());
    }
    return new StreamingQueryException(id, runId, t);
  }

  private static boolean isInterruption(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InterruptedException
          || c instanceof java.nio.channels.ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }

  private void runTriggers(MicroBatchExecution exec) throws InterruptedException {
    Trigger trigger = spec.trigger();
    if (trigger instanceof Trigger.OnceTrigger) {
      exec.prepareAvailableNow(true);
      runOneTrigger(exec);
      return;
    }
    if (trigger instanceof Trigger.AvailableNowTrigger) {
      exec.prepareAvailableNow(false);
      while (!stopRequested && runOneTrigger(exec)) {
        // each trigger runs one batch; stop when a trigger finds nothing left to do
      }
      return;
    }
    long interval = ((Trigger.ProcessingTimeTrigger) trigger).intervalMs();
    long pollingDelay = spec.conf().get(StreamingConf.POLLING_DELAY);
    while (!stopRequested) {
      long triggerStart = clock.millis();
      boolean ran = runOneTrigger(exec);
      if (stopRequested) break;
      if (interval == 0) {
        if (ran) continue;
        // the polling delay is real time whatever clock the triggers run by, so a query with the
        // default trigger and a manual clock still sees new data
        if (!pollWake && exec.awaitNewData(pollingDelay)) continue;
        pollWait(pollingDelay);
        continue;
      }
      long now = clock.millis();
      if (now - triggerStart > interval) {
        LOG.warn(
            "Current batch is falling behind. The trigger interval is {} ms, but spent {} ms",
            interval,
            now - triggerStart);
      }
      long next = triggerStart / interval * interval + interval;
      status =
          new StreamingQueryStatus("Waiting for next trigger", status.isDataAvailable(), false);
      clock.await(next, () -> stopRequested);
    }
  }

  private void pollWait(long delayMs) throws InterruptedException {
    synchronized (poll) {
      if (!pollWake && !stopRequested && delayMs > 0) poll.wait(delayMs);
      pollWake = false;
    }
  }

  /** Ends an idle wait of the default trigger at once (new data may be there, or a stop). */
  private void wakeUp() {
    synchronized (poll) {
      pollWake = true;
      poll.notifyAll();
    }
    clock.wake();
  }

  /** One trigger: runs a batch if there is one to run; returns whether it did. */
  private boolean runOneTrigger(MicroBatchExecution exec) {
    synchronized (lock) {
      triggersStarted++;
    }
    progress.startTrigger();
    status = new StreamingQueryStatus("Getting offsets from sources", false, true);
    boolean ready = exec.constructNextBatch();
    if (!ready) {
      status = new StreamingQueryStatus("Waiting for data to arrive", false, false);
      onIdle(exec);
      return false;
    }
    status = new StreamingQueryStatus("Processing new data", true, true);
    exec.runBatch();
    StreamingQueryProgress p = progress.finishTrigger();
    lastNoExecutionProgressMs = clock.millis(); // as Spark: idle progress only after the interval
    if (p != null) {
      addProgress(p);
      bus.post(new QueryProgressEvent(p));
    }
    status = new StreamingQueryStatus("Waiting for data to arrive", true, false);
    return true;
  }

  /**
   * As Spark: a trigger without a batch adds an idle progress to {@link #recentProgress()} (no
   * progress event) at most every {@code noDataProgressEventInterval} since the last progress, and
   * posts {@link QueryIdleEvent} when that is not the first progress of the run.
   */
  private void onIdle(MicroBatchExecution exec) {
    long now = clock.millis();
    long interval = spec.conf().get(StreamingConf.NO_DATA_PROGRESS_EVENT_INTERVAL);
    boolean first = lastNoExecutionProgressMs == Long.MIN_VALUE;
    if (first || now - lastNoExecutionProgressMs >= interval) {
      // as Spark, the event-time figures of an idle trigger are the watermark after a batch ran
      boolean hasWatermark = !exec.plan().watermarkOperators().isEmpty() && exec.ranBatch();
      addProgress(progress.idleProgress(exec.currentBatchId(), exec.watermarkMs(), hasWatermark));
      if (!first) {
        bus.post(
            new QueryIdleEvent(id, runId, ProgressTracker.formatMs(progress.triggerStartMs())));
      }
      lastNoExecutionProgressMs = now;
    }
    synchronized (lock) {
      lastIdleTrigger = triggersStarted;
      lock.notifyAll();
    }
  }

  private void addProgress(StreamingQueryProgress p) {
    synchronized (lock) {
      recent.addLast(p);
      while (recent.size() > maxRecent) recent.removeFirst();
      lock.notifyAll();
    }
  }

  private void finish() {
    synchronized (poll) {
      finishing = true; // no stop interrupts from now on: they must not break closing the sinks
    }
    Thread.interrupted();
    MicroBatchExecution exec = execution;
    try {
      if (exec != null) exec.stopSources();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the sources of query {} failed", id, e);
    }
    try {
      spec.sink().stop();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the sink of query {} failed", id, e);
    }
    active = false;
    status = new StreamingQueryStatus("Stopped", false, false);
    if (spec.deleteCheckpointOnStop() && failure == null) deleteRecursively(spec.checkpoint());
    StreamingQueryException f = failure;
    bus.post(
        new QueryTerminatedEvent(
            id,
            runId,
            f == null ? null : f.getMessage(),
            f == null ? null : errorClassOf(f.getCause())));
    // leave the manager first: whoever start() or awaitTermination() releases may start a query
    // of the same name or checkpoint at once
    onTerminated.accept(this);
    started.countDown();
    synchronized (lock) {
      lock.notifyAll();
    }
    terminated.countDown();
  }

  private static String errorClassOf(Throwable t) {
    return t instanceof SluiceException s ? s.getErrorClass() : null;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("Could not delete the temporary checkpoint {}", dir, e);
    }
  }

  /** The failure of initialization, rethrown by {@code start()} callers. */
  public Optional<StreamingQueryException> initializationFailure() {
    return execution == null ? Optional.ofNullable(failure) : Optional.empty();
  }

  @Override
  public UUID id() {
    return id;
  }

  @Override
  public UUID runId() {
    return runId;
  }

  @Override
  public String name() {
    return spec.name();
  }

  /** Where this query keeps its checkpoint. */
  public Path checkpointLocation() {
    return spec.checkpoint();
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public StreamingQueryStatus status() {
    return status;
  }

  @Override
  public StreamingQueryProgress lastProgress() {
    synchronized (lock) {
      return recent.peekLast();
    }
  }

  @Override
  public StreamingQueryProgress[] recentProgress() {
    synchronized (lock) {
      return recent.toArray(new StreamingQueryProgress[0]);
    }
  }

  @Override
  public void awaitTermination() {
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    throwIfFailed();
  }

  @Override
  public boolean awaitTermination(long timeoutMs) {
    boolean done;
    try {
      done = terminated.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (done) throwIfFailed();
    return done;
  }

  private void throwIfFailed() {
    StreamingQueryException f = failure;
    if (f != null) throw f;
  }

  @Override
  public void processAllAvailable() {
    long since;
    synchronized (lock) {
      since = triggersStarted;
    }
    wakeUp();
    synchronized (lock) {
      // done when a trigger that started after this call found nothing to do
      while (lastIdleTrigger <= since && active) {
        try {
          lock.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throwIfFailed();
  }

  @Override
  public void stop() {
    stopRequested = true;
    wakeUp();
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      // as Spark: a batch blocked in a source or sink must not hold the stop up; an interruption
      // after a stop request ends the query without error, and an uncommitted batch is re-run
      synchronized (poll) {
        if (!finishing) t.interrupt();
      }
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public Optional<StreamingQueryException> exception() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void explain() {
    explain(false);
  }

  @Override
  public void explain(boolean extended) {
    System.out.println(explainString(extended));
  }

  /** The plans of the running query, as {@link #explain(boolean)} prints them. */
  public String explainString(boolean extended) {
    MicroBatchExecution exec = execution;
    if (exec == null) return "No physical plan. Waiting for data.";
    StringBuilder sb = new StringBuilder();
    if (extended) {
      sb.append("== Analyzed Logical Plan ==\n").append(spec.analyzed().treeString()).append('\n');
      sb.append("== Optimized Logical Plan ==\n")
          .append(exec.plan().optimized().treeString())
          .append('\n');
    }
    sb.append("== Physical Plan ==\n").append(exec.plan().physical().treeString()).append('\n');
    return sb.toString();
  }

  @Override
  public String toString() {
    return "StreamingQuery(id = " + id + ", runId = " + runId + ", name = " + spec.name() + ")";
  }
}
