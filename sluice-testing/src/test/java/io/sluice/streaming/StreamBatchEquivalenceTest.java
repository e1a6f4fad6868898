package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.current_timestamp;
import static io.sluice.functions.explode;
import static io.sluice.functions.from_json;
import static io.sluice.functions.lit;
import static io.sluice.functions.split;
import static io.sluice.functions.upper;
import static io.sluice.functions.when;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import io.sluice.types.StructType;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Stateless operations give on a stream, batch by batch, exactly the rows they give on a batch
 * DataFrame of the same data; and {@code current_timestamp()} is fixed per micro-batch.
 */
class StreamBatchEquivalenceTest {
  private static final StructType SCHEMA =
      StructType.fromDDL("id INT, name STRING, tags STRING, doc STRING");
  private static final List<Row> FIRST =
      List.of(
          row(1, "ann", "a,b", "{\"x\":1,\"y\":\"p\"}"),
          row(2, null, "c", "{\"x\":2}"),
          row(3, "cy", "", "not json"));
  private static final List<Row> SECOND =
      List.of(
          row(4, "dee", "d,e,f", "{\"y\":\"q\",\"x\":null}"),
          row(5, "ed", null, null),
          row(-6, "fay", "g", "{\"x\":6,\"y\":\"r\"}"));

  private final Session session = TestSessions.shared();

  private void assertSameAsBatch(UnaryOperator<DataFrame> query) {
    MemoryStream input = MemoryStream.of(session, SCHEMA);
    List<Row> all = new java.util.ArrayList<>(FIRST);
    all.addAll(SECOND);
    List<Row> expectedFirst = query.apply(session.createDataFrame(FIRST, SCHEMA)).collectAsList();
    List<Row> expectedAll = query.apply(session.createDataFrame(all, SCHEMA)).collectAsList();
    DataFrame streaming = query.apply(input.toDF());
    assertThat(streaming.schema())
        .isEqualTo(query.apply(session.createDataFrame(all, SCHEMA)).schema());
    StreamTest.of(streaming, OutputMode.Append())
        .addData(input, FIRST)
        .checkAnswer(expectedFirst)
        .addData(input, SECOND)
        .checkAnswer(expectedAll)
        .run();
  }

  @Test
  void select() {
    assertSameAsBatch(
        df ->
            df.select(
                col("id").multiply(2).as("twice"),
                upper(col("name")).as("upper"),
                when(col("id").gt(2), "big").otherwise("small").as("size")));
  }

  @Test
  void filter() {
    assertSameAsBatch(df -> df.filter(col("id").gt(1).and(col("name").isNotNull())));
  }

  @Test
  void withColumn() {
    assertSameAsBatch(
        df -> df.withColumn("next", col("id").plus(1)).withColumn("name", lit("x")).drop("doc"));
  }

  @Test
  void explodeOfASplit() {
    assertSameAsBatch(df -> df.select(col("id"), explode(split(col("tags"), ",")).as("tag")));
  }

  @Test
  void fromJson() {
    StructType doc = StructType.fromDDL("x INT, y STRING");
    assertSameAsBatch(
        df ->
            df.select(col("id"), from_json(col("doc"), doc).as("d"))
                .select(col("id"), col("d.x").as("x"), col("d.y").as("y"), col("d")));
  }

  @Test
  void unionOfTwoStreams() {
    MemoryStream left = MemoryStream.of(session, SCHEMA);
    MemoryStream right = MemoryStream.of(session, SCHEMA);
    UnaryOperator<DataFrame> shape = df -> df.select(col("id"), col("name"));
    List<Row> expected =
        shape
            .apply(session.createDataFrame(FIRST, SCHEMA))
            .union(shape.apply(session.createDataFrame(SECOND, SCHEMA)))
            .filter(col("id").gt(0))
            .collectAsList();
    StreamTest.of(
            shape.apply(left.toDF()).union(shape.apply(right.toDF())).filter(col("id").gt(0)),
            OutputMode.Append())
        .addData(left, FIRST.subList(0, 2))
        .addData(right, SECOND)
        .processAllAvailable()
        .addData(left, FIRST.subList(2, 3))
        .checkAnswer(expected)
        .run();
  }

  @Test
  void currentTimestampIsFixedPerMicroBatch() {
    ManualClock clock = new ManualClock(1_000);
    MemoryStream input = MemoryStream.of(session, "a INT");
    Timestamp at1 = new Timestamp(1_000);
    Timestamp at2 = new Timestamp(61_000);
    StreamTest.of(input.toDF().withColumn("now", current_timestamp()), OutputMode.Append())
        .clock(clock)
        .addData(input, row(1), row(2))
        .addData(input, row(3))
        .processAllAvailable()
        .execute(q -> clock.setTime(61_000))
        .addData(input, row(4))
        .checkAnswer(row(1, at1), row(2, at1), row(3, at1), row(4, at2))
        .run();
  }
}
