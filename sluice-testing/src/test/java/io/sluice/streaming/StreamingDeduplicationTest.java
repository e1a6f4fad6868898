package io.sluice.streaming;

import static io.sluice.testing.QueryTest.row;
import static io.sluice.testing.QueryTest.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Session;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dropDuplicates and dropDuplicatesWithinWatermark on streams, with and without a watermark. */
class StreamingDeduplicationTest {
  private final Session session = TestSessions.shared();

  @Test
  void withoutWatermarkEveryKeyIsRememberedAcrossBatchesAndRestarts(@TempDir Path dir) {
    MemoryStream in = MemoryStream.of(session, "id STRING, v INT");
    StreamTest.of(in.toDF().dropDuplicates("id"), OutputMode.Append())
        .checkpoint(dir)
        .addData(in, row("a", 1), row("a", 2), row("b", 3))
        .checkNewAnswer(row("a", 1), row("b", 3))
        .stopStream()
        .startStream()
        .addData(in, row("a", 4), row("c", 5))
        .checkNewAnswer(row("c", 5))
        .run();
  }

  @Test
  void withTheEventTimeAmongTheKeysStateIsEvictedAndLateRowsDropped() {
    MemoryStream in = MemoryStream.of(session, "id STRING, ts TIMESTAMP");
    StreamTest.of(
            in.toDF().withWatermark("ts", "1 minute").dropDuplicates("id", "ts"),
            OutputMode.Append())
        .addData(in, row("a", ts("2024-01-01 10:00:00")), row("a", ts("2024-01-01 10:00:00")))
        .checkNewAnswer(row("a", ts("2024-01-01 10:00:00")))
        .addData(in, row("b", ts("2024-01-01 10:10:00"))) // watermark -> 10:09
        .checkNewAnswer(row("b", ts("2024-01-01 10:10:00")))
        .addData(in, row("a", ts("2024-01-01 10:00:00"))) // late: dropped, not a new row
        .checkNewAnswer()
        .assertQuery(
            q -> {
              long dropped = 0;
              long total = -1;
              for (StreamingQueryProgress p : q.recentProgress()) {
                if (p.stateOperators().length == 0) continue;
                dropped += p.stateOperators()[0].numRowsDroppedByWatermark();
                total = p.stateOperators()[0].numRowsTotal();
              }
              assertThat(dropped).isEqualTo(1);
              assertThat(total).isEqualTo(1); // only b is kept
            })
        .run();
  }

  @Test
  void withinWatermarkTreatsTheSameIdAtAnotherTimeAsADuplicateUntilExpiry() {
    MemoryStream in = MemoryStream.of(session, "id STRING, ts TIMESTAMP");
    StreamTest.of(
            in.toDF().withWatermark("ts", "1 minute").dropDuplicatesWithinWatermark("id"),
            OutputMode.Append())
        .addData(in, row("a", ts("2024-01-01 10:00:00")))
        .checkNewAnswer(row("a", ts("2024-01-01 10:00:00")))
        .addData(in, row("a", ts("2024-01-01 10:00:30")))
        .checkNewAnswer()
        .addData(in, row("z", ts("2024-01-01 10:05:00"))) // watermark -> 10:04: a expires
        .checkNewAnswer(row("z", ts("2024-01-01 10:05:00")))
        .addData(in, row("a", ts("2024-01-01 10:04:30")))
        .checkNewAnswer(row("a", ts("2024-01-01 10:04:30")))
        .run();
  }
}
