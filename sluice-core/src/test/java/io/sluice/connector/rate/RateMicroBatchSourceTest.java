package io.sluice.connector.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.TestClock;
import io.sluice.streaming.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateMicroBatchSourceTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.shuffle.partitions", "2").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static DataFrame source(long rowsPerBatch, long startTimestamp, int advance) {
    return session
        .readStream()
        .format("rate-micro-batch")
        .option("rowsPerBatch", rowsPerBatch)
        .option("numPartitions", 3)
        .option("startTimestamp", startTimestamp)
        .option("advanceMillisPerBatch", advance)
        .load();
  }

  @Test
  void everyBatchHasTheSameRowsWhateverTheClock(@TempDir Path dir) throws Exception {
    DataFrame df = source(5, 1000, 250);
    assertThat(df.schema().toDDL()).isEqualTo("timestamp TIMESTAMP,value BIGINT");
    BlockingQueue<String> batches = new LinkedBlockingQueue<>();
    TestClock clock = new TestClock(0);
    StreamingQuery q =
        df.writeStream()
            .foreachBatch((b, id) -> batches.add(id + ":" + render(b)))
            .option("checkpointLocation", dir.resolve("ck").toString())
            .trigger(Trigger.ProcessingTime(1000))
            .clock(clock)
            .start();
    try {
      // the trigger fires at once, then whenever the clock reaches the next second; the source
      // always has a next batch, whose timestamp moves by 250 ms however much time passed
      assertThat(batches.poll(10, TimeUnit.SECONDS))
          .isEqualTo("0:0@1000,1@1000,2@1000,3@1000,4@1000");
      clock.advance(5000);
      assertThat(batches.poll(10, TimeUnit.SECONDS))
          .isEqualTo("1:5@1250,6@1250,7@1250,8@1250,9@1250");
      clock.advance(1000);
      assertThat(batches.poll(10, TimeUnit.SECONDS)).startsWith("2:10@1500,");
      StreamingQueryProgress p = q.recentProgress()[0];
      assertThat(p.sources()[0].startOffset()).isNull();
      assertThat(p.sources()[0].endOffset()).isEqualTo("{\"offset\":5,\"timestamp\":1250}");
      assertThat(p.sources()[0].description())
          .isEqualTo(
              "RatePerMicroBatchStream[rowsPerBatch=5, numPartitions=3, startTimestamp=1000,"
                  + " advanceMsPerBatch=250]");
    } finally {
      q.stop();
    }
    assertThat(RateSourceTest.lastLine(dir.resolve("ck/offsets/1")))
        .isEqualTo("{\"offset\":10,\"timestamp\":1500}");
  }

  @Test
  void availableNowAndOnceRunOneBatchEachAndRestartsContinue(@TempDir Path dir) {
    Path ck = dir.resolve("ck");
    List<String> batches = new ArrayList<>();
    StreamingQuery q = start(source(2, 0, 1000), ck, batches, Trigger.AvailableNow());
    q.awaitTermination();
    // AvailableNow: one batch, as Spark's source offers one batch per AvailableNow run
    assertThat(batches).containsExactly("0:0@0,1@0");
    q = start(source(2, 0, 1000), ck, batches, Trigger.AvailableNow());
    q.awaitTermination();
    assertThat(batches).containsExactly("0:0@0,1@0", "1:2@1000,3@1000");
    q = start(source(2, 0, 1000), ck, batches, Trigger.Once());
    q.awaitTermination();
    assertThat(batches).last().isEqualTo("2:4@2000,5@2000");
    assertThat(RateSourceTest.lastLine(ck.resolve("offsets/2")))
        .isEqualTo("{\"offset\":6,\"timestamp\":3000}");
  }

  @Test
  void anUncommittedBatchIsReplayedWithItsLoggedOffsets(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    List<String> batches = new ArrayList<>();
    start(source(3, 0, 10), ck, batches, Trigger.AvailableNow()).awaitTermination();
    start(source(3, 0, 10), ck, batches, Trigger.AvailableNow()).awaitTermination();
    // as if the query died after logging batch 1 and before committing it
    Files.delete(ck.resolve("commits/1"));
    batches.clear();
    // a different rowsPerBatch now: the logged batch is still read with its logged offsets
    start(source(100, 0, 10), ck, batches, Trigger.AvailableNow()).awaitTermination();
    assertThat(batches).first().isEqualTo("1:3@10,4@10,5@10");
  }

  @Test
  void badOptionsAreNamed() {
    String f = "rate-micro-batch";
    RateSourceTest.assertOptionError(session, f, Map.of(), "rowsPerBatch", "(none)");
    RateSourceTest.assertOptionError(session, f, Map.of("rowsPerBatch", "0"), "rowsPerBatch", "0");
    RateSourceTest.assertOptionError(session, f, Map.of("rowsPerBatch", "x"), "rowsPerBatch", "x");
    RateSourceTest.assertOptionError(
        session, f, Map.of("rowsPerBatch", "1", "numPartitions", "-1"), "numPartitions", "-1");
    RateSourceTest.assertOptionError(
        session, f, Map.of("rowsPerBatch", "1", "startTimestamp", "-5"), "startTimestamp", "-5");
    RateSourceTest.assertOptionError(
        session,
        f,
        Map.of("rowsPerBatch", "1", "advanceMillisPerBatch", "-1"),
        "advanceMillisPerBatch",
        "-1");
    RateSourceTest.assertOptionError(
        session,
        f,
        Map.of("rowsPerBatch", "1", "advanceMillisPerBatch", "3000000000"),
        "advanceMillisPerBatch",
        "3000000000");
  }

  @Test
  void offsetsReadBackFromTheirJson() {
    RateMicroBatchOffset o = new RateMicroBatchOffset(10, 2000);
    assertThat(RateMicroBatchOffset.parse(o.json())).isEqualTo(o);
    assertThat(RateMicroBatchOffset.parse(" {\"timestamp\": 7, \"offset\": 3} "))
        .isEqualTo(new RateMicroBatchOffset(3, 7));
    assertThatThrownBy(() -> RateMicroBatchOffset.parse("{\"offset\":1}"))
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> RateMicroBatchOffset.parse("12"))
        .hasMessageContaining("rate-micro-batch");
  }

  private static StreamingQuery start(
      DataFrame df, Path ck, List<String> batches, Trigger trigger) {
    return df.writeStream()
        .foreachBatch((b, id) -> batches.add(id + ":" + render(b)))
        .option("checkpointLocation", ck.toString())
        .trigger(trigger)
        .start();
  }

  /** The batch's rows as {@code value@epochMs}, in value order. */
  private static String render(DataFrame batch) {
    List<String> out = new ArrayList<>();
    for (Row r : batch.orderBy("value").collectAsList()) {
      out.add(r.getLong(1) + "@" + r.getTimestamp(0).getTime());
    }
    return String.join(",", out);
  }
}
