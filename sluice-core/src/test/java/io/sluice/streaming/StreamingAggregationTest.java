package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingAggregationTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder()
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static StreamingQuery collect(
      DataFrame df, String mode, Path ck, List<List<String>> sink) {
    return df.writeStream()
        .outputMode(mode)
        .option("checkpointLocation", ck.toString())
        .foreachBatch(
            (b, id) -> {
              List<String> rows = new ArrayList<>();
              for (Row r : b.collectAsList()) rows.add(r.toString());
              rows.sort(null);
              synchronized (sink) {
                sink.add(rows);
              }
            })
        .start();
  }

  @Test
  void completeAndUpdateModesAcrossBatchesAndRestart(@TempDir Path dir) {
    MemoryStream in = MemoryStream.of(session, "k STRING, v INT");
    DataFrame agg = in.toDF().groupBy("k").agg(count(col("v")).as("n"), sum(col("v")).as("s"));
    List<List<String>> complete = new ArrayList<>();
    StreamingQuery q = collect(agg, "complete", dir.resolve("c"), complete);
    in.addData(RowFactory.create("a", 1), RowFactory.create("b", 2), RowFactory.create("a", 3));
    q.processAllAvailable();
    in.addData(RowFactory.create("b", 5));
    q.processAllAvailable();
    q.stop();
    assertThat(complete)
        .containsExactly(List.of("[a,2,4]", "[b,1,2]"), List.of("[a,2,4]", "[b,2,7]"));
    // restart from the checkpoint: state is restored from the state store
    in.addData(RowFactory.create("c", 1));
    q = collect(agg, "complete", dir.resolve("c"), complete);
    q.processAllAvailable();
    q.stop();
    assertThat(complete.get(2)).containsExactly("[a,2,4]", "[b,2,7]", "[c,1,1]");
    StreamingQueryProgress last = null;
    for (StreamingQueryProgress p : q.recentProgress()) {
      if (p.stateOperators().length > 0) last = p;
    }
    assertThat(last.stateOperators()[0].numRowsTotal()).isEqualTo(3);

    List<List<String>> update = new ArrayList<>();
    MemoryStream in2 = MemoryStream.of(session, "k STRING, v INT");
    DataFrame agg2 = in2.toDF().groupBy("k").agg(count(col("v")).as("n"));
    StreamingQuery u = collect(agg2, "update", dir.resolve("u"), update);
    in2.addData(RowFactory.create("a", 1), RowFactory.create("b", 2));
    u.processAllAvailable();
    in2.addData(RowFactory.create("a", 3));
    u.processAllAvailable();
    u.stop();
    assertThat(update).containsExactly(List.of("[a,1]", "[b,1]"), List.of("[a,2]"));
  }

  @Test
  void appendModeEmitsGroupsOnceTheWatermarkPassesAndDropsLateOnes(@TempDir Path dir) {
    MemoryStream in = MemoryStream.of(session, "ts TIMESTAMP, v INT");
    DataFrame agg =
        in.toDF().withWatermark("ts", "10 seconds").groupBy("ts").agg(count(col("v")).as("n"));
    List<List<String>> out = new ArrayList<>();
    StreamingQuery q = collect(agg, "append", dir.resolve("a"), out);
    in.addData(RowFactory.create(ts("10:00:00"), 1), RowFactory.create(ts("10:00:00"), 2));
    q.processAllAvailable();
    in.addData(RowFactory.create(ts("10:00:15"), 1)); // watermark -> 10:00:05
    q.processAllAvailable();
    in.addData(RowFactory.create(ts("10:00:01"), 1)); // late: dropped
    q.processAllAvailable();
    q.stop();
    List<String> all = new ArrayList<>();
    for (List<String> b : out) all.addAll(b);
    assertThat(all).containsExactly("[2024-01-01 10:00:00.0,2]");
    long dropped = 0;
    for (StreamingQueryProgress p : q.recentProgress()) {
      if (p.stateOperators().length > 0)
        dropped += p.stateOperators()[0].numRowsDroppedByWatermark();
    }
    assertThat(dropped).isEqualTo(1);
  }

  private static Timestamp ts(String time) {
    return Timestamp.valueOf("2024-01-01 " + time);
  }
}
