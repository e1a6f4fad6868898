package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.streaming.runtime.StreamExecution;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream-stream join bounded by {@code r.ts BETWEEN l.ts AND l.ts + INTERVAL 1 HOUR}: the time
 * range that lets state be evicted is found in the condition as the analyzer writes {@code ts +
 * interval}.
 */
class StreamJoinTimeRangeTest {
  @Test
  void aTimestampPlusAnIntervalBoundsTheJoin(@TempDir Path dir) {
    Session session =
        Session.builder().master("local[2]").config("spark.sql.shuffle.partitions", "1").create();
    try {
      MemoryStream left = MemoryStream.of(session, "k INT, lts TIMESTAMP");
      MemoryStream right = MemoryStream.of(session, "rk INT, rts TIMESTAMP");
      DataFrame l = left.toDF().withWatermark("lts", "10 minutes");
      DataFrame r = right.toDF().withWatermark("rts", "10 minutes");
      DataFrame joined =
          l.join(
              r,
              col("k").equalTo(col("rk")).and(expr("rts BETWEEN lts AND lts + INTERVAL 1 HOUR")));
      StreamingQuery q =
          joined
              .writeStream()
              .format("memory")
              .queryName("joined_out")
              .option("checkpointLocation", dir.resolve("ck").toString())
              .start();
      try {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        left.addData(RowFactory.create(1, t));
        right.addData(RowFactory.create(1, t.plusSeconds(1800)));
        q.processAllAvailable();
        String plan = ((StreamExecution) q).explainString(false);
        assertThat(plan).contains("StreamingSymmetricHashJoin").contains("TimeRange[");
        assertThat(plan).contains("lowerMicros=-3600000000").contains("upperMicros=0");
        assertThat(session.sql("SELECT * FROM joined_out").collectAsList()).hasSize(1);
      } finally {
        q.stop();
      }
    } finally {
      session.stop();
    }
  }
}
