package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.session_window;
import static io.sluice.functions.window;
import static io.sluice.testing.QueryTest.row;
import static io.sluice.testing.QueryTest.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.testing.QueryTest;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event-time windows on streams: emission per output mode, late rows, state eviction, restart. */
class WindowedAggregationStreamTest {
  private final Session session = TestSessions.shared();

  private MemoryStream events() {
    return MemoryStream.of(session, "user STRING, ts TIMESTAMP");
  }

  @Test
  void tumblingWindowsInAppendModeComeOutOnceTheWatermarkPassesTheirEnd(@TempDir Path dir) {
    MemoryStream in = events();
    DataFrame counts =
        in.toDF()
            .withWatermark("ts", "10 seconds")
            .groupBy(window(col("ts"), "5 seconds"), col("user"))
            .agg(count(col("ts")).as("n"));
    StreamTest.of(counts, OutputMode.Append())
        .checkpoint(dir)
        .addData(in, row("a", ts("2024-01-01 00:00:01")), row("a", ts("2024-01-01 00:00:03")))
        .checkNewAnswer() // the window is still open
        .addData(in, row("b", ts("2024-01-01 00:00:20"))) // watermark -> 00:00:10
        .checkNewAnswer(
            row(QueryTest.window("2024-01-01 00:00:00", "2024-01-01 00:00:05"), "a", 2L))
        .stopStream()
        .addData(in, row("a", ts("2024-01-01 00:00:02"))) // too late
        .startStream()
        .checkNewAnswer()
        .assertQuery(
            q -> {
              long dropped = 0;
              for (StreamingQueryProgress p : q.recentProgress()) {
                for (StateOperatorProgress s : p.stateOperators()) {
                  dropped += s.numRowsDroppedByWatermark();
                }
              }
              assertThat(dropped).isEqualTo(1);
            })
        .run();
  }

  @Test
  void slidingWindowsInUpdateModeEmitEveryWindowARowTouched() {
    MemoryStream in = events();
    DataFrame counts =
        in.toDF()
            .groupBy(window(col("ts"), "10 seconds", "5 seconds"))
            .agg(count(col("ts")).as("n"));
    StreamTest.of(counts, OutputMode.Update())
        .addData(in, row("a", ts("2024-01-01 00:00:07")))
        .checkNewAnswer(
            row(QueryTest.window("2024-01-01 00:00:00", "2024-01-01 00:00:10"), 1L),
            row(QueryTest.window("2024-01-01 00:00:05", "2024-01-01 00:00:15"), 1L))
        .addData(in, row("b", ts("2024-01-01 00:00:12")))
        .checkNewAnswer(
            row(QueryTest.window("2024-01-01 00:00:05", "2024-01-01 00:00:15"), 2L),
            row(QueryTest.window("2024-01-01 00:00:10", "2024-01-01 00:00:20"), 1L))
        .run();
  }

  @Test
  void aLateButAllowedRowBridgesTwoSessions() {
    MemoryStream in = events();
    DataFrame sessions =
        in.toDF()
            .withWatermark("ts", "1 minute")
            .groupBy(session_window(col("ts"), "10 seconds"), col("user"))
            .agg(count(col("ts")).as("n"));
    StreamTest.of(sessions, OutputMode.Append())
        .addData(in, row("u", ts("2024-01-01 00:00:00")), row("u", ts("2024-01-01 00:00:15")))
        .checkNewAnswer() // two sessions, both open
        .addData(in, row("u", ts("2024-01-01 00:00:08"))) // joins [0, 10) and reaches 15
        .checkNewAnswer()
        .addData(in, row("x", ts("2024-01-01 00:02:00"))) // watermark -> 00:01:00
        .checkNewAnswer(
            row(QueryTest.window("2024-01-01 00:00:00", "2024-01-01 00:00:25"), "u", 3L))
        .run();
  }
}
