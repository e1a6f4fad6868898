package io.sluice.parquet;

import static io.sluice.parquet.ParquetReadTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.connector.file.FileSinkLog;
import io.sluice.connector.file.SourceFile;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files Sluice's file sink writes, read back by DuckDB and by Sluice. */
class ParquetWriteTest {
  private static Session session;
  private static Duck duck;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    session = ParquetReadTest.sessionForTests();
    duck = new Duck();
  }

  @AfterAll
  static void stop() {
    session.stop();
    duck.close();
  }

  static final String[] EVERY_TYPE = {
    "id",
    "id % 2 = 0 AS bo",
    "CAST(id AS TINYINT) AS ti",
    "CAST(id AS SMALLINT) AS sm",
    "CAST(id AS BIGINT) * 10000000000 AS bi",
    "CAST(id AS FLOAT) / 4 AS fl",
    "CAST(id AS DOUBLE) / 8 AS db",
    "concat('sé', id) AS s",
    "CAST(concat('b', id) AS BINARY) AS bl",
    "date_add(DATE'2024-02-28', id) AS d",
    "timestamp_seconds(1700000000.123456 + id) AS ts",
    "CAST(id / 4 AS DECIMAL(5,2)) AS d1",
    "CAST(id * 1000000000.125 AS DECIMAL(15,3)) AS d2",
    "CAST(concat('-1234567890123456789', id, '.1234') AS DECIMAL(30,4)) AS d3",
    "named_struct('a', id, 'b', concat('x', id)) AS st",
    "array(id, NULL, id + 1) AS l",
    "map('k', id, 'z', NULL) AS m",
    "array(named_struct('p', id, 'q', array('u', NULL)), NULL) AS ls",
    "CASE WHEN id = 1 THEN CAST(array() AS ARRAY<INT>) END AS e"
  };

  /** Writes the rows of {@code ids} through a stream of {@code select}; the files committed. */
  private List<Path> writeStream(Path out, String compression, Integer... ids) {
    MemoryStream input = MemoryStream.of(session, "id INT");
    DataFrame df = input.toDF().selectExpr(EVERY_TYPE);
    var w =
        df.writeStream()
            .format("parquet")
            .option("checkpointLocation", tmp.resolve("ck-" + out.getFileName()).toString());
    if (compression != null) w = w.option("compression", compression);
    StreamingQuery q = w.start(out.toString());
    try {
      for (Integer id : ids) {
        input.addData(RowFactory.create(id));
        q.processAllAvailable();
      }
    } finally {
      q.stop();
    }
    return FileSinkLog.files(out).stream().map(SourceFile::path).toList();
  }

  static String list(List<Path> files) {
    return files.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  @Test
  void everyTypeWrittenIsReadBackIdenticallyByDuckDbAndBySluice() {
    Path out = tmp.resolve("types");
    List<Path> files = writeStream(out, null, 1, 2, null);
    assertThat(files).hasSize(3).allMatch(p -> p.toString().endsWith(".snappy.parquet"));
    List<String> got =
        duck.rows(
            "SELECT id, bo, ti, sm, bi, fl, db, s, decode(bl), d, strftime(ts, '%Y-%m-%d"
                + " %H:%M:%S.%f'), d1, d2, d3, st, l, m, ls, e FROM read_parquet("
                + list(files)
                + ") ORDER BY id NULLS LAST");
    assertThat(got)
        .containsExactly(
            "1|false|1|1|10000000000|0.25|0.125|sé1|b1|2024-02-29|2023-11-14 22:13:21.123456|0.25"
                + "|1000000000.125|-12345678901234567891.1234|{'a': 1, 'b': x1}|[1, NULL, 2]"
                + "|{k=1, z=NULL}|[{'p': 1, 'q': [u, NULL]}, NULL]|[]",
            "2|true|2|2|20000000000|0.5|0.25|sé2|b2|2024-03-01|2023-11-14 22:13:22.123456|0.50"
                + "|2000000000.250|-12345678901234567892.1234|{'a': 2, 'b': x2}|[2, NULL, 3]"
                + "|{k=2, z=NULL}|[{'p': 2, 'q': [u, NULL]}, NULL]|null",
            "null|null|null|null|null|null|null|null|null|null|null|null|null|null"
                + "|{'a': NULL, 'b': NULL}|[NULL, NULL, NULL]|{k=NULL, z=NULL}"
                + "|[{'p': NULL, 'q': [u, NULL]}, NULL]|null");
    assertThat(
            duck.rows(
                "SELECT DISTINCT name, type, logical_type FROM parquet_schema("
                    + list(files)
                    + ") WHERE name IN ('ts', 'd', 'd1', 'd2', 'd3', 's') ORDER BY name"))
        .containsExactly(
            "d|INT32|DateType()",
            "d1|INT32|DecimalType(scale=2, precision=5)",
            "d2|INT64|DecimalType(scale=3, precision=15)",
            "d3|FIXED_LEN_BYTE_ARRAY|DecimalType(scale=4, precision=30)",
            "s|BYTE_ARRAY|StringType()",
            "ts|INT64|TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>,"
                + " MICROS=MicroSeconds(), NANOS=<null>))");
    // Sluice reads its own files as the query computed the rows
    DataFrame back = session.read().parquet(out.toString());
    DataFrame expected =
        session.sql("SELECT * FROM VALUES (1), (2), (NULL) AS t(id)").selectExpr(EVERY_TYPE);
    assertThat(back.schema()).isEqualTo(expected.schema().asNullable());
    assertThat(rows(textOfBinary(back).orderBy("id")))
        .containsExactlyElementsOf(rows(textOfBinary(expected).orderBy("id")));
  }

  private static DataFrame textOfBinary(DataFrame df) {
    return df.selectExpr("*", "CAST(bl AS STRING) AS bl_text").drop("bl");
  }

  @Test
  void eachCodecWritesFilesDuckDbReads() {
    String[][] codecs = {
      {"snappy", "SNAPPY", ".snappy.parquet"},
      {"zstd", "ZSTD", ".zstd.parquet"},
      {"gzip", "GZIP", ".gz.parquet"},
      {"lz4", "LZ4", ".lz4hadoop.parquet"},
      {"lz4_raw", "LZ4_RAW", ".lz4raw.parquet"},
      {"none", "UNCOMPRESSED", "-c000.parquet"},
      {"uncompressed", "UNCOMPRESSED", "-c000.parquet"}
    };
    for (String[] c : codecs) {
      Path out = tmp.resolve("codec-" + c[0]);
      List<Path> files = writeStream(out, c[0], 1, 2);
      assertThat(files).as(c[0]).allMatch(p -> p.toString().endsWith(c[2]));
      assertThat(
              duck.rows("SELECT DISTINCT compression FROM parquet_metadata(" + list(files) + ")"))
          .as(c[0])
          .containsExactly(c[1]);
      assertThat(duck.rows("SELECT sum(id), max(d3) FROM read_parquet(" + list(files) + ")"))
          .as(c[0])
          .containsExactly("3|-12345678901234567891.1234");
    }
    assertThatThrownBy(() -> writeStream(tmp.resolve("bad"), "brotli", 1))
        .hasMessageContaining("compression")
        .hasMessageContaining("brotli");
  }

  @Test
  void footersCarryStatistics() {
    Path out = tmp.resolve("stats");
    List<Path> files = writeStream(out, "zstd", 5, 9);
    assertThat(
            duck.rows(
                "SELECT path_in_schema, stats_min, stats_max, stats_null_count FROM"
                    + " parquet_metadata("
                    + list(files)
                    + ") WHERE path_in_schema IN ('id', 's') ORDER BY 2"))
        .containsExactly("id|5|5|0", "id|9|9|0", "s|sé5|sé5|0", "s|sé9|sé9|0");
  }

  @Test
  void batchWritesWithPartitionsModesAndCodecsReadByDuckDb() throws java.io.IOException {
    Path out = tmp.resolve("batch");
    DataFrame df =
        session
            .range(1000)
            .selectExpr(
                "id",
                "CAST(id % 3 AS STRING) AS p",
                "date_add(DATE'2024-01-01', CAST(id % 2 AS INT)) AS d",
                "named_struct('x', id, 'y', array(id)) AS st");
    df.write().partitionBy("d", "p").option("compression", "zstd").parquet(out.toString());
    List<Path> files;
    try (var walk = java.nio.file.Files.walk(out)) {
      files = walk.filter(f -> f.toString().endsWith(".zstd.parquet")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(6);
    assertThat(
            duck.rows(
                "SELECT d, p, count(*), sum(st.x), sum(st.y[1]) FROM read_parquet("
                    + list(files)
                    + ", hive_partitioning = true) GROUP BY ALL ORDER BY d, p"))
        .containsExactlyElementsOf(
            duck.rows(
                "SELECT DATE '2024-01-01' + (i % 2)::INT AS d, i % 3 AS p, count(*), sum(i),"
                    + " sum(i) FROM range(1000) t(i) GROUP BY ALL ORDER BY d, p"));
    // append adds, overwrite replaces; Sluice reads what it wrote
    df.limit(10).write().mode("append").partitionBy("d", "p").parquet(out.toString());
    assertThat(rows(session.read().parquet(out.toString()).selectExpr("count(*)")))
        .containsExactly("[1010]");
    df.where("id < 5")
        .write()
        .mode("overwrite")
        .option("maxRecordsPerFile", 1)
        .parquet(out.toString());
    assertThat(duck.rows("SELECT count(*) FROM read_parquet('" + out + "/*.parquet')"))
        .containsExactly("5");
    assertThat(rows(session.read().parquet(out.toString()).orderBy("id")))
        .containsExactly(
            "[0,0,2024-01-01,[0,[0]]]",
            "[1,1,2024-01-02,[1,[1]]]",
            "[2,2,2024-01-01,[2,[2]]]",
            "[3,0,2024-01-02,[3,[3]]]",
            "[4,1,2024-01-01,[4,[4]]]");
  }

  @Test
  void theSessionCodecAndRowGroupOptionsApply() {
    Path out = tmp.resolve("conf-codec");
    session.conf().set("spark.sql.parquet.compression.codec", "gzip");
    try {
      session
          .range(10000)
          .coalesce(1)
          .write()
          .option("parquet.block.row.count.limit", 1000)
          .parquet(out.toString());
    } finally {
      session.conf().unset("spark.sql.parquet.compression.codec");
    }
    String files = "'" + out + "/*.parquet'";
    assertThat(duck.rows("SELECT DISTINCT compression FROM parquet_metadata(" + files + ")"))
        .containsExactly("GZIP");
    assertThat(
            duck.rows("SELECT count(DISTINCT row_group_id) FROM parquet_metadata(" + files + ")"))
        .containsExactly("10");
    // Sluice splits the row groups of the one file across tasks and reads each once
    DataFrame back = session.read().option("maxPartitionBytes", "8000").parquet(out.toString());
    assertThat(ParquetReadTest.scanOf(back).numPartitions()).isGreaterThan(1);
    assertThat(rows(back.selectExpr("count(*)", "sum(id)"))).containsExactly("[10000,49995000]");
    assertThatThrownBy(
            () ->
                session
                    .range(1)
                    .write()
                    .option("parquet.block.size", "-1")
                    .parquet(tmp.resolve("bad-size").toString()))
        .hasMessageContaining("parquet.block.size");
  }
}
