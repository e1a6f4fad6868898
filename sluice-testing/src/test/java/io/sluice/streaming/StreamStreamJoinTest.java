package io.sluice.streaming;

import static io.sluice.testing.QueryTest.row;
import static io.sluice.testing.QueryTest.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream-stream joins through the real runtime: when each join type emits, that state is evicted
 * once the watermark passes the time range, and that a restart in the middle keeps every pair once.
 */
class StreamStreamJoinTest {
  private final Session session = TestSessions.shared();

  private record Streams(MemoryStream impressions, MemoryStream clicks) {}

  private Streams streams() {
    MemoryStream imps = MemoryStream.of(session, "imp_id STRING, ad STRING, its TIMESTAMP");
    MemoryStream clicks = MemoryStream.of(session, "click_id STRING, cad STRING, cts TIMESTAMP");
    return new Streams(imps, clicks);
  }

  private DataFrame join(Streams s, String type, boolean watermarks) {
    DataFrame i = s.impressions().toDF();
    DataFrame c = s.clicks().toDF();
    if (watermarks) {
      i = i.withWatermark("its", "10 minutes");
      c = c.withWatermark("cts", "10 minutes");
    }
    i.createOrReplaceTempView("imps");
    c.createOrReplaceTempView("clicks");
    String select =
        type.equals("LEFT SEMI")
            ? "SELECT imp_id FROM imps "
            : "SELECT imp_id, click_id FROM imps ";
    return session.sql(
        select
            + type
            + " JOIN clicks ON ad = cad AND cts BETWEEN its AND its + INTERVAL 5 MINUTES");
  }

  @Test
  void innerJoinMatchesRowsOfEitherSideArrivingInAnyOrderOnce() {
    Streams s = streams();
    StreamTest.of(join(s, "INNER", false), OutputMode.Append())
        .addData(s.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .checkNewAnswer()
        .addData(s.clicks(), row("c1", "a", ts("2024-01-01 10:03:00")))
        .checkNewAnswer(row("i1", "c1"))
        .addData(s.clicks(), row("c2", "a", ts("2024-01-01 10:05:00")))
        .checkNewAnswer(row("i1", "c2")) // the BETWEEN bound is inclusive
        .addData(s.impressions(), row("i2", "a", ts("2024-01-01 10:02:00")))
        .checkNewAnswer(row("i2", "c1"), row("i2", "c2"))
        .addData(s.clicks(), row("c3", "a", ts("2024-01-01 10:20:00")))
        .checkNewAnswer()
        .run();
  }

  @Test
  void leftOuterRowsComeOutOnceTheWatermarkPassesTheirTimeBoundAndStateEmpties() {
    Streams s = streams();
    StreamTest.of(join(s, "LEFT OUTER", true), OutputMode.Append())
        .addData(s.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .addData(s.impressions(), row("i2", "b", ts("2024-01-01 10:01:00")))
        .addData(s.clicks(), row("c1", "a", ts("2024-01-01 10:03:00")))
        .checkAnswer(row("i1", "c1"))
        // both watermarks move to 10:20: i2 can no longer match and comes out null-padded
        .addData(s.impressions(), row("i3", "c", ts("2024-01-01 10:30:00")))
        .addData(s.clicks(), row("c9", "z", ts("2024-01-01 10:30:00")))
        .checkNewAnswer(row("i2", null))
        .assertLastProgress(
            p -> assertThat(p.stateOperators()[0].numRowsTotal()).isLessThanOrEqualTo(2))
        .run();
  }

  @Test
  void rightAndFullOuterRowsComeOutWhenTheirSideIsEvicted() {
    Streams s = streams();
    StreamTest.of(join(s, "RIGHT OUTER", true), OutputMode.Append())
        .addData(s.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .addData(s.clicks(), row("c1", "a", ts("2024-01-01 10:03:00")))
        .addData(s.clicks(), row("c2", "b", ts("2024-01-01 10:04:00")))
        .checkAnswer(row("i1", "c1"))
        .addData(s.impressions(), row("i9", "z", ts("2024-01-01 10:40:00")))
        .addData(s.clicks(), row("c9", "y", ts("2024-01-01 10:40:00")))
        .checkNewAnswer(row(null, "c2"))
        .run();
    Streams f = streams();
    StreamTest.of(join(f, "FULL OUTER", true), OutputMode.Append())
        .addData(f.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .addData(f.impressions(), row("i2", "b", ts("2024-01-01 10:00:00")))
        .addData(f.clicks(), row("c1", "a", ts("2024-01-01 10:03:00")))
        .addData(f.clicks(), row("c3", "c", ts("2024-01-01 10:04:00")))
        .checkAnswer(row("i1", "c1"))
        .addData(f.impressions(), row("i9", "z", ts("2024-01-01 10:40:00")))
        .addData(f.clicks(), row("c9", "y", ts("2024-01-01 10:40:00")))
        .checkNewAnswer(row("i2", null), row(null, "c3"))
        .run();
  }

  @Test
  void leftSemiEmitsAnImpressionOnceAtItsFirstMatch() {
    Streams s = streams();
    StreamTest.of(join(s, "LEFT SEMI", true), OutputMode.Append())
        .addData(s.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .addData(s.clicks(), row("c1", "a", ts("2024-01-01 10:01:00")))
        .checkAnswer(row("i1"))
        .addData(s.clicks(), row("c2", "a", ts("2024-01-01 10:02:00")))
        .checkAnswer(row("i1"))
        .run();
  }

  @Test
  void aRestartInTheMiddleOfAJoinKeepsBothSidesState(@TempDir Path dir) {
    Streams s = streams();
    StreamTest.of(join(s, "INNER", true), OutputMode.Append())
        .checkpoint(dir)
        .addData(s.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .checkNewAnswer()
        .stopStream()
        .addData(s.clicks(), row("c1", "a", ts("2024-01-01 10:04:00")))
        .startStream()
        .checkNewAnswer(row("i1", "c1"))
        .stopStream()
        .startStream()
        .addData(s.impressions(), row("i2", "a", ts("2024-01-01 10:01:00")))
        .checkNewAnswer(row("i2", "c1"))
        .run();
  }

  @Test
  void watermarkedRowsEvictedAndLateRowsDroppedAndCounted() {
    ManualClock clock = new ManualClock();
    Streams s = streams();
    StreamTest.of(join(s, "INNER", true), OutputMode.Append())
        .trigger(Trigger.ProcessingTime(1000))
        .clock(clock)
        .addData(s.impressions(), row("i1", "a", ts("2024-01-01 10:00:00")))
        .addData(s.clicks(), row("c1", "a", ts("2024-01-01 10:01:00")))
        .advanceClock(1000)
        .checkNewAnswer(row("i1", "c1"))
        .addData(s.impressions(), row("i9", "z", ts("2024-01-01 11:00:00")))
        .addData(s.clicks(), row("c9", "y", ts("2024-01-01 11:00:00")))
        .advanceClock(1000) // watermark -> 10:50
        .advanceClock(1000) // the no-data batch evicts what 10:50 closes
        .assertLastProgress(p -> assertThat(p.stateOperators()[0].numRowsTotal()).isEqualTo(2))
        .addData(s.clicks(), row("c2", "a", ts("2024-01-01 10:02:00"))) // late
        .advanceClock(1000)
        .checkNewAnswer()
        .assertLastProgress(
            p -> assertThat(p.stateOperators()[0].numRowsDroppedByWatermark()).isEqualTo(1))
        .run();
  }
}
