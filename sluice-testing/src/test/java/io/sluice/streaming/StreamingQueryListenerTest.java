package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Session;
import io.sluice.streaming.StreamingQueryListener.QueryIdleEvent;
import io.sluice.streaming.StreamingQueryListener.QueryProgressEvent;
import io.sluice.streaming.StreamingQueryListener.QueryStartedEvent;
import io.sluice.streaming.StreamingQueryListener.QueryTerminatedEvent;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events of {@link StreamingQueryListener}s: when each comes and what it carries. */
class StreamingQueryListenerTest {
  private static Session session;
  private Recorder events;

  /** Keeps every event in order, with the thread it came on. */
  static final class Recorder extends StreamingQueryListener {
    final List<Object> all = new CopyOnWriteArrayList<>();
    final List<Thread> startedOn = new CopyOnWriteArrayList<>();

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
      all.add(event);
      startedOn.add(Thread.currentThread());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      all.add(event);
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
      all.add(event);
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
      all.add(event);
    }

    <T> List<T> of(Class<T> type) {
      return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  @BeforeAll
  static void startSession() {
    session =
        Session.builder()
            .master("local[2]")
            .config("sluice.sql.shuffle.partitions", "2")
            .config("sluice.sql.session.timeZone", "UTC")
            .create();
  }

  @AfterAll
  static void stopSession() {
    session.stop();
  }

  @BeforeEach
  void addListener() throws InterruptedException {
    drain(); // events of earlier tests' queries reach only the listeners of their time
    events = new Recorder();
    session.streams().addListener(events);
  }

  @AfterEach
  void removeListener() {
    session.streams().removeListener(events);
  }

  private void drain() throws InterruptedException {
    assertThat(session.streams().awaitListenerEvents(10_000)).isTrue();
  }

  @Test
  void startedIsDeliveredBeforeStartReturns() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q = input.toDF().writeStream().format("noop").queryName("lst_started").start();
    try {
      List<QueryStartedEvent> started = events.of(QueryStartedEvent.class); // no waiting
      assertThat(started).hasSize(1);
      QueryStartedEvent e = started.get(0);
      assertThat(e.id()).isEqualTo(q.id());
      assertThat(e.runId()).isEqualTo(q.runId());
      assertThat(e.name()).isEqualTo("lst_started");
      assertThat(e.timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    } finally {
      q.stop();
    }
  }

  @Test
  void progressComesOncePerBatchAndTerminatedWithoutErrorOnStop() throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .addData(input, row(1))
        .processAllAvailable()
        .addData(input, row(2), row(3))
        .processAllAvailable()
        .processAllAvailable() // idle triggers: no progress events
        .stopStream()
        .run();
    drain();
    List<QueryProgressEvent> progress = events.of(QueryProgressEvent.class);
    assertThat(progress).extracting(e -> e.progress().batchId()).containsExactly(0L, 1L);
    assertThat(progress).extracting(e -> e.progress().numInputRows()).containsExactly(1L, 2L);
    assertThat(events.all.get(0)).isInstanceOf(QueryStartedEvent.class);
    Object last = events.all.get(events.all.size() - 1);
    assertThat(last).isInstanceOf(QueryTerminatedEvent.class);
    QueryTerminatedEvent t = (QueryTerminatedEvent) last;
    assertThat(t.id()).isEqualTo(progress.get(0).progress().id());
    assertThat(t.exception()).isNull();
    assertThat(t.errorClassOnException()).isNull();
  }

  @Test
  void idleEventsComeForTriggersWithoutDataAfterTheFirstIdleProgress() throws Exception {
    ManualClock clock = new ManualClock();
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .trigger(Trigger.ProcessingTime(1000))
        .clock(clock)
        .conf("sluice.sql.streaming.noDataProgressEventInterval", "1500")
        .processAllAvailable() // t=0: idle, the first idle progress, no event
        .advanceClock(1000)
        .processAllAvailable() // t=1000: within 1500 ms of the last progress: nothing
        .advanceClock(1000)
        .processAllAvailable() // t=2000: idle event
        .addData(input, row(1))
        .advanceClock(1000)
        .processAllAvailable() // t=3000: a batch (progress), which restarts the interval
        .advanceClock(1000)
        .processAllAvailable() // t=4000: nothing
        .advanceClock(1000)
        .processAllAvailable() // t=5000: idle event
        .assertQuery(
            q -> {
              StreamingQueryProgress[] recent = q.recentProgress();
              assertThat(recent)
                  .extracting(StreamingQueryProgress::batchId)
                  .containsExactly(-1L, -1L, 0L, 0L);
              assertThat(recent[3].numInputRows()).isZero();
              assertThat(recent[3].timestamp()).isEqualTo("1970-01-01T00:00:05.000Z");
            })
        .run();
    drain();
    assertThat(events.of(QueryIdleEvent.class))
        .extracting(QueryIdleEvent::timestamp)
        .containsExactly("1970-01-01T00:00:02.000Z", "1970-01-01T00:00:05.000Z");
    assertThat(events.of(QueryProgressEvent.class)).hasSize(1);
  }

  @Test
  void terminatedCarriesTheErrorOfAFailedQuery() throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF().select(lit(1).divide(col("a"))), OutputMode.Append())
        .addData(input, row(0))
        .expectFailure("DIVIDE_BY_ZERO")
        .run();
    drain();
    List<QueryTerminatedEvent> ended = events.of(QueryTerminatedEvent.class);
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0).exception()).contains("DIVIDE_BY_ZERO");
    assertThat(ended.get(0).errorClassOnException()).isEqualTo("DIVIDE_BY_ZERO");
  }

  @Test
  void aRemovedListenerHearsNothingMore() throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q = input.toDF().writeStream().format("noop").start();
    try {
      session.streams().removeListener(events);
      input.addData(row(1));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    drain();
    // events of queries of earlier tests may still arrive: look at this query's only
    assertThat(events.all.stream().filter(e -> q.id().equals(queryId(e))).toList())
        .hasSize(1)
        .allMatch(e -> e instanceof QueryStartedEvent);
  }

  private static java.util.UUID queryId(Object e) {
    if (e instanceof QueryStartedEvent s) return s.id();
    if (e instanceof QueryTerminatedEvent t) return t.id();
    if (e instanceof StreamingQueryListener.QueryIdleEvent i) return i.id();
    if (e instanceof StreamingQueryListener.QueryProgressEvent p) return p.progress().id();
    return null;
  }

  @Test
  void aFailingListenerDoesNotStopTheQueryOrOtherListeners() throws Exception {
    StreamingQueryListener failing =
        new StreamingQueryListener() {
          @Override
          public void onQueryStarted(QueryStartedEvent event) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onQueryProgress(QueryProgressEvent event) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onQueryTerminated(QueryTerminatedEvent event) {
            throw new IllegalStateException("listener bug");
          }
        };
    session.streams().addListener(failing);
    try {
      MemoryStream input = MemoryStream.of(session, "a INT");
      StreamTest.of(input.toDF(), OutputMode.Append())
          .addData(input, row(1))
          .checkAnswer(row(1))
          .run();
    } finally {
      session.streams().removeListener(failing);
    }
    drain();
    assertThat(events.of(QueryProgressEvent.class)).hasSize(1);
    assertThat(events.of(QueryTerminatedEvent.class)).hasSize(1);
  }
}
