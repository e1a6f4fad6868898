package io.sluice.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeachSinkTest {
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

  /** Records the calls it gets, per {@code epoch/partition}, in order. */
  static class RecordingWriter extends ForeachWriter {
    final Map<String, List<String>> calls = new TreeMap<>();
    final List<Throwable> closedWith = new ArrayList<>();
    private List<String> current;
    boolean accept = true;
    RuntimeException failOn;

    @Override
    public boolean open(long partitionId, long epochId) {
      current = calls.computeIfAbsent(epochId + "/" + partitionId, k -> new ArrayList<>());
      current.add("open");
      return accept;
    }

    @Override
    public void process(Row value) {
      current.add(value.toString());
      if (failOn != null && value.getInt(0) == 2) throw failOn;
    }

    @Override
    public void close(Throwable errorOrNull) {
      current.add("close " + (errorOrNull == null ? "null" : errorOrNull.getMessage()));
      closedWith.add(errorOrNull);
    }
  }

  private static StreamingQuery start(MemoryStream input, ForeachWriter writer, Path ck) {
    return input
        .toDF()
        .writeStream()
        .foreach(writer)
        .option("checkpointLocation", ck.toString())
        .start();
  }

  @Test
  void everyPartitionOfEveryBatchIsOpenedProcessedAndClosed(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT, s STRING");
    RecordingWriter writer = new RecordingWriter();
    StreamingQuery q = start(input, writer, dir);
    try {
      input.addData(RowFactory.create(1, "x"), RowFactory.create(2, "y"));
      q.processAllAvailable();
      input.addData(RowFactory.create(3, "z"));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    // a micro-batch has as many partitions as worker threads; empty ones are opened and closed
    assertThat(writer.calls)
        .containsExactly(
            Map.entry("0/0", List.of("open", "[1,x]", "[2,y]", "close null")),
            Map.entry("0/1", List.of("open", "close null")),
            Map.entry("1/0", List.of("open", "[3,z]", "close null")),
            Map.entry("1/1", List.of("open", "close null")));
  }

  @Test
  void aPartitionOpenRefusesIsClosedWithoutRows(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    RecordingWriter writer = new RecordingWriter();
    writer.accept = false;
    StreamingQuery q = start(input, writer, dir);
    try {
      input.addData(RowFactory.create(1));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(writer.calls.get("0/0")).containsExactly("open", "close null");
    assertThat(q.exception()).isEmpty();
  }

  @Test
  void anErrorInProcessClosesWithItAndFailsTheQuery(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    RecordingWriter writer = new RecordingWriter();
    IllegalStateException boom = new IllegalStateException("row 2 is cursed");
    writer.failOn = boom;
    StreamingQuery q = start(input, writer, dir);
    input.addData(RowFactory.create(1), RowFactory.create(2), RowFactory.create(3));
    assertThatThrownBy(q::awaitTermination)
        .isInstanceOf(StreamingQueryException.class)
        .hasMessageContaining("STREAM_FAILED")
        .hasMessageContaining("FOREACH_USER_FUNCTION_ERROR")
        .hasMessageContaining("row 2 is cursed")
        .cause()
        .isSameAs(boom);
    assertThat(writer.calls.get("0/0"))
        .containsExactly("open", "[1]", "[2]", "close row 2 is cursed");
    assertThat(writer.closedWith).contains(boom);
    assertThat(q.isActive()).isFalse();
    assertThat(q.exception()).get().extracting(Throwable::getCause).isSameAs(boom);
  }

  @Test
  void foreachBatchSeesEachBatchIdOnceAndContinuesAfterARestart(@TempDir Path dir)
      throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    List<String> seen = new ArrayList<>();
    ForeachBatchFunction record =
        (df, id) -> {
          List<Integer> values = new ArrayList<>();
          for (Row r : df.orderBy("a").collectAsList()) values.add(r.getInt(0));
          seen.add(id + ":" + values);
        };
    StreamingQuery q = foreachBatch(input, record, dir);
    try {
      input.addData(RowFactory.create(1), RowFactory.create(2));
      q.processAllAvailable();
      input.addData(RowFactory.create(3));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    // batch 1 is logged but its commit is lost: the restart runs it again with the same id and
    // rows, then goes on with batch 2
    java.nio.file.Files.delete(dir.resolve("commits/1"));
    input.addData(RowFactory.create(4));
    StreamingQuery again = foreachBatch(input, record, dir);
    try {
      again.processAllAvailable();
    } finally {
      again.stop();
    }
    assertThat(seen).containsExactly("0:[1, 2]", "1:[3]", "1:[3]", "2:[4]");
  }

  @Test
  void theBatchDataFrameCanBeUsedTwice(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    List<String> seen = new ArrayList<>();
    StreamingQuery q =
        foreachBatch(
            input,
            (df, id) -> {
              long count = df.count();
              long evens = df.filter("a % 2 = 0").count();
              long doubled = df.union(df).count();
              seen.add(count + "/" + evens + "/" + doubled + "/" + df.isStreaming());
            },
            dir);
    try {
      input.addData(RowFactory.create(1), RowFactory.create(2), RowFactory.create(4));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(seen).containsExactly("3/2/6/false");
  }

  @Test
  void aFailingFunctionFailsTheQueryWithItsExceptionAsTheCause(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    java.io.IOException diskFull = new java.io.IOException("disk full");
    StreamingQuery q =
        foreachBatch(
            input,
            (df, id) -> {
              if (id == 1) throw diskFull;
            },
            dir);
    input.addData(RowFactory.create(1));
    q.processAllAvailable();
    input.addData(RowFactory.create(2));
    assertThatThrownBy(q::awaitTermination)
        .isInstanceOf(StreamingQueryException.class)
        .hasMessageContaining("FOREACH_BATCH_USER_FUNCTION_ERROR")
        .hasMessageContaining("disk full")
        .cause()
        .isSameAs(diskFull);
    assertThat(q.lastProgress().batchId()).isEqualTo(0); // batch 1 never completed
  }

  @Test
  void anEngineErrorInsideTheFunctionKeepsItsClass(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q = foreachBatch(input, (df, id) -> df.select("missing").count(), dir);
    input.addData(RowFactory.create(1));
    assertThatThrownBy(q::awaitTermination)
        .isInstanceOf(StreamingQueryException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("FOREACH_BATCH"))
        .cause()
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("UNRESOLVED_COLUMN");
  }

  private static StreamingQuery foreachBatch(MemoryStream input, ForeachBatchFunction f, Path ck) {
    return input
        .toDF()
        .writeStream()
        .foreachBatch(f)
        .option("checkpointLocation", ck.toString())
        .start();
  }
}
