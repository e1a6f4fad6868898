package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.testing.ManualClock;
import io.sluice.testing.TestSessions;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of micro-batches of a steady stream through a windowed aggregation with a watermark,
 * driven by a manual clock: windows close and are evicted as fast as they open, so the state's rows
 * and memory stay flat instead of growing with the stream.
 */
class SteadyStateLongRunTest {
  private final Session session = TestSessions.shared();

  @Test
  void stateStaysFlatOverThousandsOfBatches(@TempDir Path dir) throws Exception {
    MemoryStream in = MemoryStream.of(session, "user STRING, ts TIMESTAMP");
    AtomicLong emitted = new AtomicLong();
    ManualClock clock = new ManualClock();
    StreamingQuery q =
        in.toDF()
            .withWatermark("ts", "2 seconds")
            .groupBy(window(col("ts"), "1 second"), col("user"))
            .agg(count(col("ts")).as("n"))
            .writeStream()
            .outputMode("append")
            .trigger(Trigger.ProcessingTime(100))
            .clock(clock)
            .option("checkpointLocation", dir.toString())
            .foreachBatch((b, id) -> emitted.addAndGet(b.count()))
            .start();
    int steps = 1500;
    long base = Timestamp.valueOf("2024-01-01 00:00:00").getTime();
    List<Long> stateRows = new ArrayList<>();
    List<Long> memory = new ArrayList<>();
    try {
      assertThat(clock.awaitQueryWaiting(10_000)).isTrue();
      for (int i = 0; i < steps; i++) {
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
          rows.add(RowFactory.create("u" + u, new Timestamp(base + i * 1000L + u * 100L)));
        }
        in.addData(rows);
        clock.advance(100);
        assertThat(clock.awaitQueryWaiting(10_000)).isTrue();
        StreamingQueryProgress p = q.lastProgress();
        if (p != null && p.stateOperators().length > 0) {
          stateRows.add(p.stateOperators()[0].numRowsTotal());
          memory.add(p.stateOperators()[0].memoryUsedBytes());
        }
      }
    } finally {
      q.stop();
    }
    assertThat(q.exception()).isEmpty();
    // every window of the first steps - 3 seconds was emitted once: 4 users per second
    assertThat(emitted.get()).isBetween(4L * (steps - 4), 4L * steps);
    long maxLate =
        stateRows.subList(stateRows.size() / 2, stateRows.size()).stream()
            .mapToLong(Long::longValue)
            .max()
            .orElseThrow();
    assertThat(maxLate).as("state rows in the second half").isLessThanOrEqualTo(4L * 4);
    long early = memory.subList(100, 200).stream().mapToLong(Long::longValue).max().orElseThrow();
    long late =
        memory.subList(memory.size() - 100, memory.size()).stream()
            .mapToLong(Long::longValue)
            .max()
            .orElseThrow();
    assertThat(late).as("state memory late vs early").isLessThanOrEqualTo(early * 2);
  }
}
