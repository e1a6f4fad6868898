package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Session;
import io.sluice.error.SluiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session.streams()}: the active queries, waiting for any to end, and start conflicts. */
class StreamingQueryManagerTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("sluice.sql.shuffle.partitions", "2").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @AfterEach
  void stopAll() {
    for (StreamingQuery q : session.streams().active()) q.stop();
    session.streams().resetTerminated();
  }

  private StreamingQuery startNoop(MemoryStream input, String name) {
    DataStreamWriter w = input.toDF().writeStream().format("noop");
    if (name != null) w.queryName(name);
    return w.start();
  }

  @Test
  void activeAndGetListTheRunningQueries() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery a = startNoop(input, "mgr_a");
    StreamingQuery b = startNoop(input, null);
    assertThat(session.streams().active()).containsExactlyInAnyOrder(a, b);
    assertThat(session.streams().get(a.id())).isSameAs(a);
    assertThat(session.streams().get(b.id().toString())).isSameAs(b);
    a.stop();
    assertThat(session.streams().active()).containsExactly(b);
    assertThat(session.streams().get(a.id())).isNull();
  }

  @Test
  void awaitAnyTerminationWaitsForAnEndUntilReset() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q = startNoop(input, null);
    assertThat(session.streams().awaitAnyTermination(20)).isFalse();
    q.stop();
    assertThat(session.streams().awaitAnyTermination(20)).isTrue();
    session.streams().awaitAnyTermination(); // an ended query is remembered until reset
    session.streams().resetTerminated();
    assertThat(session.streams().awaitAnyTermination(20)).isFalse();
  }

  @Test
  void awaitAnyTerminationRethrowsTheFailureOfTheQueryThatEnded() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q =
        input.toDF().select(lit(1).divide(col("a"))).writeStream().format("noop").start();
    input.addData(row(0));
    assertThatThrownBy(() -> session.streams().awaitAnyTermination(30_000))
        .isInstanceOf(StreamingQueryException.class)
        .hasMessageContaining("DIVIDE_BY_ZERO");
    assertThat(q.isActive()).isFalse();
    session.streams().resetTerminated();
    assertThat(session.streams().awaitAnyTermination(1)).isFalse();
  }

  @Test
  void aSecondActiveQueryWithTheSameNameIsRejected() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery first = startNoop(input, "mgr_dup");
    assertThatThrownBy(() -> startNoop(input, "mgr_dup"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("STREAMING_QUERY_NAME_IN_USE"))
        .hasMessageContaining("mgr_dup");
    assertThat(session.streams().active()).containsExactly(first);
    first.stop();
    startNoop(input, "mgr_dup").stop(); // free again once the first stopped
  }

  @Test
  void twoQueriesOnOneCheckpointAreRejected(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    DataStreamWriter w =
        input.toDF().writeStream().format("noop").option("checkpointLocation", dir.toString());
    StreamingQuery first = w.start();
    assertThatThrownBy(w::start)
        .isInstanceOfSatisfying(
            SluiceException.class, e -> assertThat(e.getErrorClass()).isEqualTo("CONCURRENT_QUERY"))
        .hasMessageContaining(first.id().toString());
    assertThat(session.streams().active()).containsExactly(first);
    assertThat(first.isActive()).isTrue();
    first.stop();
    w.start().stop(); // the checkpoint is free again
  }

  @Test
  void stoppingTheSessionStopsItsQueries() {
    Session other = Session.builder().master("local[1]").create();
    MemoryStream input = MemoryStream.of(other, "a INT");
    StreamingQuery q = input.toDF().writeStream().format("noop").start();
    other.stop();
    assertThat(q.isActive()).isFalse();
  }
}
