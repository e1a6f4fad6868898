package io.sluice.testing;

import io.sluice.Row;
import io.sluice.RuntimeConfig;
import io.sluice.config.SQLConf;
import io.sluice.error.SluiceException;
import io.sluice.streaming.DataStreamWriter;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryException;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import io.sluice.testing.StreamAction.AddData;
import io.sluice.testing.StreamAction.AdvanceClock;
import io.sluice.testing.StreamAction.AssertLastProgress;
import io.sluice.testing.StreamAction.AssertQuery;
import io.sluice.testing.StreamAction.AwaitTermination;
import io.sluice.testing.StreamAction.CheckAnswer;
import io.sluice.testing.StreamAction.ExpectFailure;
import io.sluice.testing.StreamAction.InjectSinkFailure;
import io.sluice.testing.StreamAction.ProcessAllAvailable;
import io.sluice.testing.StreamAction.StartStream;
import io.sluice.testing.StreamAction.StopStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** One execution of a {@link StreamTest}'s actions; see {@link StreamTestReport} for failures. */
final class StreamTestRun {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sluice-stream-test-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final StreamTest test;
  private final List<StreamAction> steps = new ArrayList<>();
  private Path checkpoint;
  private boolean temporaryCheckpoint;
  private Trigger trigger;
  private StreamingQuery query;
  private RuntimeException startFailure;
  private boolean failureExpected;
  private long lastCheckedBatch = -1;
  private int step;

  StreamTestRun(StreamTest test) {
    this.test = test;
    this.trigger = test.trigger;
    if (!startsByHand(test.actions)) steps.add(new StartStream(null));
    steps.addAll(test.actions);
  }

  /** Whether a startStream comes before the first action that needs a query. */
  private static boolean startsByHand(List<StreamAction> actions) {
    for (StreamAction a : actions) {
      if (a instanceof StartStream) return true;
      if (a.needsQuery()) return false;
    }
    return false;
  }

  void run() {
    try {
      checkpoint = test.checkpoint;
      if (checkpoint == null) {
        checkpoint = Files.createTempDirectory("sluice-stream-test-");
        temporaryCheckpoint = true;
      }
      for (step = 0; step < steps.size(); step++) execute(steps.get(step));
      step = steps.size();
      if (query != null && query.exception().isPresent() && !failureExpected) {
        throw new AssertionError("the query failed", query.exception().get());
      }
    } catch (Throwable t) {
      String report = new StreamTestReport(test, steps, step, checkpoint, query).render(t);
      stopQuietly();
      throw new AssertionError(report, t);
    } finally {
      stopQuietly();
      if (temporaryCheckpoint) deleteRecursively(checkpoint);
    }
  }

  private void execute(StreamAction action) throws Exception {
    if (startFailure != null && !(action instanceof ExpectFailure)) {
      throw new AssertionError("the query failed to start", startFailure);
    }
    if (action instanceof StartStream s) {
      start(s.trigger());
    } else if (action instanceof StopStream) {
      requireQuery().stop();
      if (query.isActive()) throw new AssertionError("the query is still active after stop()");
      throwIfFailedUnexpectedly();
    } else if (action instanceof AddData a) {
      a.stream().addData(a.rows());
    } else if (action instanceof ProcessAllAvailable) {
      settle();
    } else if (action instanceof CheckAnswer c) {
      settle();
      check(c);
    } else if (action instanceof AdvanceClock a) {
      advanceClock(a.millis());
    } else if (action instanceof ExpectFailure e) {
      expectFailure(e);
    } else if (action instanceof InjectSinkFailure f) {
      test.sink.failNextBatch(f.afterWrite());
    } else if (action instanceof AwaitTermination) {
      if (!requireQuery().awaitTermination(test.timeoutMs)) {
        throw new AssertionError("the query is still active after " + test.timeoutMs + " ms");
      }
    } else if (action instanceof AssertLastProgress a) {
      settle();
      StreamingQueryProgress p = query.lastProgress();
      if (p == null) throw new AssertionError("the query has no progress yet");
      a.check().accept(p);
    } else if (action instanceof AssertQuery a) {
      if (a.needsQuery()) settle();
      a.check().accept(query);
    }
  }

  private void start(Trigger newTrigger) {
    if (query != null && query.isActive()) {
      throw new AssertionError("the query is already running; stop it first");
    }
    if (newTrigger != null) trigger = newTrigger;
    RuntimeConfig conf = test.df.sparkSession().conf();
    Map<String, String> previous = new LinkedHashMap<>();
    Map<String, String> set = conf.getAll();
    for (String key : test.conf.keySet()) previous.put(key, set.get(SQLConf.normalizeKey(key)));
    StreamTestSink sink = test.sink;
    DataStreamWriter writer =
        test.df
            .writeStream()
            .outputMode(test.outputMode)
            .trigger(trigger)
            .option("checkpointLocation", checkpoint.toString());
    if (test.sinkFormat != null) {
      writer.format(test.sinkFormat).options(test.sinkOptions);
    } else {
      writer.foreachBatch(sink::write);
    }
    if (test.queryName != null) writer.queryName(test.queryName);
    if (test.clock != null) writer.clock(test.clock);
    failureExpected = false;
    try {
      test.conf.forEach(conf::set);
      query = writer.start();
    } catch (RuntimeException e) {
      boolean expected = step + 1 < steps.size() && steps.get(step + 1) instanceof ExpectFailure;
      if (!expected) throw e;
      startFailure = e;
    } finally {
      previous.forEach(
          (k, v) -> {
            if (v == null) conf.unset(k);
            else conf.set(k, v);
          });
    }
  }

  private StreamingQuery requireQuery() {
    if (query == null) throw new AssertionError("no query was started");
    return query;
  }

  /** Waits until the query has done what it can (see {@link StreamTest}). */
  private void settle() throws InterruptedException {
    StreamingQuery q = requireQuery();
    if (!q.isActive()) {
      throwIfFailedUnexpectedly();
      return;
    }
    try {
      if (trigger instanceof Trigger.OnceTrigger
          || trigger instanceof Trigger.AvailableNowTrigger) {
        if (!q.awaitTermination(test.timeoutMs)) {
          throw new AssertionError(
              "the query did not stop by itself within " + test.timeoutMs + " ms");
        }
      } else if (test.clock != null && intervalMs() > 0) {
        awaitClockWait(q);
      } else {
        withTimeout("processAllAvailable", q::processAllAvailable);
      }
    } catch (StreamingQueryException e) {
      throw new AssertionError("the query failed", e);
    }
    throwIfFailedUnexpectedly();
  }

  private long intervalMs() {
    return trigger instanceof Trigger.ProcessingTimeTrigger p ? p.intervalMs() : 0;
  }

  private void awaitClockWait(StreamingQuery q) throws InterruptedException {
    long deadline = System.nanoTime() + test.timeoutMs * 1_000_000L;
    while (q.isActive() && !test.clock.awaitQueryWaiting(50)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the query did not come to wait for the clock ("
                + test.clock
                + ") within "
                + test.timeoutMs
                + " ms; status: "
                + q.status());
      }
    }
  }

  private void advanceClock(long millis) throws InterruptedException {
    ManualClock clock = test.clock;
    if (clock == null) {
      throw new AssertionError("advanceClock needs a manual clock: StreamTest.clock(...)");
    }
    if (query != null && query.isActive() && intervalMs() > 0) awaitClockWait(query);
    clock.advance(millis);
  }

  private void check(CheckAnswer c) {
    StreamTestSink sink = test.sink;
    List<Row> actual =
        switch (c.scope()) {
          case ALL -> sink.allRows();
          case NEW -> sink.rowsSince(lastCheckedBatch);
          case LAST_BATCH -> sink.rowsOfBatch(sink.latestBatchId().orElse(-1));
        };
    lastCheckedBatch = sink.latestBatchId().orElse(-1);
    String diff = QueryTest.compareAnswers(c.expected(), actual, false);
    if (diff != null) throw new AssertionError("the answer differs\n" + diff);
  }

  private void expectFailure(ExpectFailure e) throws InterruptedException {
    Throwable failure = startFailure;
    startFailure = null;
    if (failure == null) {
      StreamingQuery q = requireQuery();
      try {
        boolean ended = q.awaitTermination(test.timeoutMs);
        if (!ended) {
          throw new AssertionError("the query did not fail within " + test.timeoutMs + " ms");
        }
        failure = q.exception().orElse(null);
      } catch (StreamingQueryException ex) {
        failure = ex;
      }
      if (failure == null) throw new AssertionError("the query stopped without an error");
    }
    failureExpected = true;
    if (!matches(failure, e)) {
      throw new AssertionError("the query failed with another error than " + e, failure);
    }
  }

  private static boolean matches(Throwable failure, ExpectFailure e) {
    boolean classFound = e.errorClass() == null && e.type() == null;
    boolean fragmentFound = e.fragment() == null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (e.errorClass() != null
          && t instanceof SluiceException s
          && e.errorClass().equals(s.getErrorClass())) {
        classFound = true;
      }
      if (e.type() != null && e.type().isInstance(t)) classFound = true;
      if (e.fragment() != null && String.valueOf(t.getMessage()).contains(e.fragment())) {
        fragmentFound = true;
      }
    }
    return classFound && fragmentFound;
  }

  private void throwIfFailedUnexpectedly() {
    if (query != null && query.exception().isPresent() && !failureExpected) {
      throw new AssertionError("the query failed", query.exception().get());
    }
  }

  /** Runs {@code body}, interrupting it (and failing) when it takes longer than the timeout. */
  private void withTimeout(String what, Runnable body) {
    Thread caller = Thread.currentThread();
    // 0 armed, 1 disarmed, 2 fired: whoever moves it from 0 decides, so an interrupt is never
    // delivered after the body is done unless this method also waits for it and clears it
    AtomicInteger state = new AtomicInteger();
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(
            () -> {
              if (state.compareAndSet(0, 2)) caller.interrupt();
            },
            test.timeoutMs,
            TimeUnit.MILLISECONDS);
    try {
      body.run();
    } finally {
      if (state.compareAndSet(0, 1)) {
        alarm.cancel(false);
      } else {
        while (!alarm.isDone()) Thread.onSpinWait(); // the interrupt may still be on its way
        Thread.interrupted();
      }
    }
    if (state.get() == 2) {
      throw new AssertionError(what + " did not finish within " + test.timeoutMs + " ms");
    }
  }

  private void stopQuietly() {
    StreamingQuery q = query;
    if (q != null && q.isActive()) q.stop();
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
