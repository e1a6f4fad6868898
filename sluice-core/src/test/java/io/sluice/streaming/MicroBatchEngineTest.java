package io.sluice.streaming;

import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroBatchEngineTest {
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

  @Test
  void statelessQueryIntoMemorySinkSeesEachBlockOnce(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT, s STRING");
    DataFrame df =
        input.toDF().filter(col("a").gt(1)).select(col("s"), col("a").multiply(10).as("x"));
    assertThat(df.isStreaming()).isTrue();
    StreamingQuery q =
        df.writeStream()
            .format("memory")
            .queryName("stateless_out")
            .option("checkpointLocation", dir.resolve("ck").toString())
            .start();
    try {
      input.addData(RowFactory.create(1, "a"), RowFactory.create(2, "b"));
      q.processAllAvailable();
      assertThat(rows("stateless_out")).containsExactly("[b,20]");
      input.addData(RowFactory.create(3, "c"));
      q.processAllAvailable();
      assertThat(rows("stateless_out")).containsExactly("[b,20]", "[c,30]");
      assertThat(q.lastProgress().batchId()).isEqualTo(1);
      assertThat(q.lastProgress().numInputRows()).isEqualTo(1);
      assertThat(q.lastProgress().sink().numOutputRows()).isEqualTo(1);
      assertThat(q.lastProgress().json()).contains("\"batchId\":1");
    } finally {
      q.stop();
    }
    assertThat(q.isActive()).isFalse();
    assertThat(Files.exists(dir.resolve("ck/offsets/1"))).isTrue();
    assertThat(Files.exists(dir.resolve("ck/commits/1"))).isTrue();
  }

  @Test
  void collectOnAStreamTellsToUseWriteStream() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(() -> input.toDF().collectAsList())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("writeStream");
  }

  @Test
  void foreachBatchGetsBatchIdsAndDataFrames(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    List<String> seen = new ArrayList<>();
    StreamingQuery q =
        input
            .toDF()
            .writeStream()
            .foreachBatch((batch, id) -> seen.add(id + ":" + batch.count()))
            .option("checkpointLocation", dir.toString())
            .start();
    try {
      input.addData(RowFactory.create(1), RowFactory.create(2));
      q.processAllAvailable();
      input.addData(RowFactory.create(3));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(seen).containsExactly("0:2", "1:1");
  }

  @Test
  void filtersThatDoNotReadTheEventTimeGoBelowTheWatermark() {
    MemoryStream input = MemoryStream.of(session, "kind STRING, ts TIMESTAMP");
    DataFrame df =
        input
            .toDF()
            .withWatermark("ts", "1 minute")
            .filter(col("kind").equalTo("click").and(col("ts").isNotNull()));
    String plan = df.queryExecution().optimizedPlan().treeString();
    assertThat(plan.indexOf("EventTimeWatermark")).isLessThan(plan.indexOf("kind"));
    assertThat(plan.indexOf("isnotnull")).isLessThan(plan.indexOf("EventTimeWatermark"));
  }

  private static List<String> rows(String view) {
    List<String> out = new ArrayList<>();
    for (Row r : session.sql("SELECT * FROM " + view).collectAsList()) out.add(r.toString());
    out.sort(null);
    return out;
  }
}
