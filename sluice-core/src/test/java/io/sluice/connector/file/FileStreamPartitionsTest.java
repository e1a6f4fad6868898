package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.NOW;
import static io.sluice.connector.file.StreamFiles.put;
import static io.sluice.connector.file.StreamFiles.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming file source over nested partition directories, for JSON and CSV. */
class FileStreamPartitionsTest {
  private static Session session;

  @TempDir Path tmp;
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    session = StreamFiles.session();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private StreamingQuery collect(DataFrame df, String ck) {
    return df.writeStream()
        .option("checkpointLocation", tmp.resolve(ck).toString())
        .foreachBatch((batch, id) -> batches.add(sorted(batch)))
        .start();
  }

  private static void run(StreamingQuery q, Runnable... steps) {
    try {
      q.processAllAvailable();
      for (Runnable s : steps) {
        s.run();
        q.processAllAvailable();
      }
    } finally {
      q.stop();
    }
  }

  @Test
  void jsonStreamsReadNestedPartitionsWithInferredTypesNullsAndEscapes() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    put(in, "date=2024-01-01/hour=1/a.json", NOW, "{\"id\":1}");
    session.conf().set("sluice.sql.streaming.schemaInference", "true");
    DataFrame df;
    try {
      df = session.readStream().json(in.toString());
    } finally {
      session.conf().unset("sluice.sql.streaming.schemaInference");
    }
    assertThat(df.schema().toDDL()).isEqualTo("id BIGINT,date DATE,hour INT");
    run(
        collect(df, "ck"),
        () -> put(in, "date=2024-01-01/hour=2/b.json", NOW + 1, "{\"id\":2}"),
        () ->
            put(
                in,
                "date=2024-01-02/hour=__HIVE_DEFAULT_PARTITION__/c.json",
                NOW + 2,
                "{\"id\":3}"));
    assertThat(batches)
        .containsExactly(
            List.of("[1,2024-01-01,1]"),
            List.of("[2,2024-01-01,2]"),
            List.of("[3,2024-01-02,null]"));
  }

  @Test
  void csvStreamsTakePartitionTypesFromTheUserSchema() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    put(in, "region=a%2Fb/day=01/x.csv", NOW, "id,name", "1,x");
    DataFrame df =
        session
            .readStream()
            .schema("id INT, name STRING, day STRING, region STRING")
            .option("header", true)
            .csv(in.toString());
    // as Spark: the data columns, then the partition columns in directory order
    assertThat(df.schema().toDDL()).isEqualTo("id INT,name STRING,region STRING,day STRING");
    run(collect(df, "ck"), () -> put(in, "region=c/day=02/y.csv", NOW + 1, "id,name", "2,y", "3,"));
    assertThat(batches)
        .containsExactly(List.of("[1,x,a/b,01]"), List.of("[2,y,c,02]", "[3,null,c,02]"));
  }

  @Test
  void theTextFormatIsAPartitionedStreamingSinkAndSource() {
    Path out = tmp.resolve("text");
    MemoryStream input = MemoryStream.of(session, "value STRING, k INT");
    StreamingQuery sink =
        input
            .toDF()
            .writeStream()
            .format("text")
            .partitionBy("k")
            .option("checkpointLocation", tmp.resolve("ck1").toString())
            .start(out.toString());
    try {
      input.addData(RowFactory.create("a b", 1), RowFactory.create(null, 2));
      sink.processAllAvailable();
    } finally {
      sink.stop();
    }
    assertThat(StreamFiles.filesUnder(out))
        .anyMatch(f -> f.matches("k=1/part-\\d{5}-.*-c000\\.txt"));
    run(collect(session.readStream().text(out.toString()), "ck2"));
    assertThat(batches).containsExactly(List.of("[,2]", "[a b,1]"));
  }

  @Test
  void aPartitionedSinkOutputStreamsOnIntoAnotherPartitionedSink() {
    Path mid = tmp.resolve("mid");
    Path out = tmp.resolve("out");
    MemoryStream input = MemoryStream.of(session, "id INT, day STRING, hour INT");
    StreamingQuery first =
        input
            .toDF()
            .writeStream()
            .format("csv")
            .option("header", true)
            .partitionBy("day", "hour")
            .option("checkpointLocation", tmp.resolve("ck1").toString())
            .start(mid.toString());
    input.addData(RowFactory.create(1, "2024-01-01", 0), RowFactory.create(2, "2024-01-02", 5));
    first.processAllAvailable();
    DataFrame stream =
        session
            .readStream()
            .schema("id INT, day DATE, hour INT")
            .option("header", true)
            .csv(mid.toString());
    StreamingQuery second =
        stream
            .writeStream()
            .format("json")
            .partitionBy("hour")
            .option("checkpointLocation", tmp.resolve("ck2").toString())
            .start(out.toString());
    try {
      second.processAllAvailable();
      input.addData(RowFactory.create(3, "2024-01-03", 5));
      first.processAllAvailable();
      second.processAllAvailable();
    } finally {
      first.stop();
      second.stop();
    }
    List<String> expected =
        new ArrayList<>(List.of("[1,2024-01-01,0]", "[2,2024-01-02,5]", "[3,2024-01-03,5]"));
    assertThat(sorted(session.read().schema("id INT, day DATE, hour INT").json(out.toString())))
        .containsExactlyElementsOf(expected);
    assertThat(StreamFiles.filesUnder(out)).anyMatch(f -> f.startsWith("hour=5/part-"));
  }
}
