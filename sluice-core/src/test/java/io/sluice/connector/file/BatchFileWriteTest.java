package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.filesUnder;
import static io.sluice.connector.file.StreamFiles.sorted;
import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch writes of the file formats: save modes, file names, _SUCCESS, partitionBy, failures. */
class BatchFileWriteTest {
  static final String PART = "part-\\d{5}-[0-9a-f-]{36}-c\\d{3}\\.";
  private static Session session;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    session = StreamFiles.session();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private DataFrame ids(int from, int to) {
    return session.range(from, to).selectExpr("CAST(id AS INT) AS id", "CAST(id AS STRING) AS s");
  }

  private static List<String> dataFiles(Path dir) {
    return filesUnder(dir).stream().filter(f -> !f.startsWith("_")).toList();
  }

  @Test
  void aWriteLeavesSparkNamedFilesAndASuccessMarkerAndReadsBack() {
    Path out = tmp.resolve("out");
    ids(0, 5).write().json(out.toString());
    List<String> files = filesUnder(out);
    assertThat(files).contains("_SUCCESS");
    assertThat(dataFiles(out)).isNotEmpty().allMatch(f -> f.matches(PART + "json"));
    assertThat(files).noneMatch(f -> f.startsWith("_temporary") || f.startsWith("."));
    assertThat(sorted(session.read().schema("id INT, s STRING").json(out.toString())))
        .containsExactly("[0,0]", "[1,1]", "[2,2]", "[3,3]", "[4,4]");
    // one job uuid for every file of a write
    assertThat(dataFiles(out).stream().map(f -> f.substring(11, 47)).distinct()).hasSize(1);
  }

  @Test
  void errorIfExistsIsTheDefaultAndNamesThePath() {
    Path out = tmp.resolve("out");
    ids(0, 2).write().csv(out.toString());
    for (String mode : new String[] {"error", "errorifexists", "default"}) {
      assertThatThrownBy(() -> ids(0, 2).write().mode(mode).csv(out.toString()))
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> {
                assertThat(e.getErrorClass()).isEqualTo("PATH_ALREADY_EXISTS");
                assertThat(e.getSqlState()).isEqualTo("42K04");
                assertThat(e.getMessageParameters()).containsEntry("outputPath", "file:" + out);
                assertThat(e.getMessage()).contains("overwrite");
              });
    }
    assertThatThrownBy(() -> ids(0, 2).write().csv(out.toString()))
        .hasMessageContaining("PATH_ALREADY_EXISTS");
    // an empty directory exists too, as Spark checks the path
    Path empty = tmp.resolve("empty");
    empty.toFile().mkdirs();
    assertThatThrownBy(() -> ids(0, 2).write().csv(empty.toString()))
        .hasMessageContaining("PATH_ALREADY_EXISTS");
  }

  @Test
  void appendAddsFilesOverwriteReplacesThemIgnoreWritesNothing() {
    Path out = tmp.resolve("out");
    String p = out.toString();
    ids(0, 2).write().mode("append").json(p); // creates the directory
    ids(2, 4).write().mode("append").json(p);
    assertThat(sorted(session.read().schema("id INT").json(p)))
        .containsExactly("[0]", "[1]", "[2]", "[3]");
    ids(10, 11).write().mode("ignore").json(p);
    assertThat(sorted(session.read().schema("id INT").json(p))).hasSize(4);
    ids(7, 9).write().mode("overwrite").json(p);
    assertThat(sorted(session.read().schema("id INT").json(p))).containsExactly("[7]", "[8]");
    assertThat(filesUnder(out)).contains("_SUCCESS");
    Path fresh = tmp.resolve("fresh");
    ids(1, 2).write().mode("ignore").json(fresh.toString());
    assertThat(sorted(session.read().schema("id INT").json(fresh.toString())))
        .containsExactly("[1]");
  }

  @Test
  void overwriteRemovesPartitionDirectoriesAndStrayFiles() throws IOException {
    Path out = tmp.resolve("out");
    ids(0, 4).withColumn("k", col("id").mod(lit(2))).write().partitionBy("k").json(out.toString());
    assertThat(dataFiles(out))
        .anyMatch(f -> f.startsWith("k=0/"))
        .anyMatch(f -> f.startsWith("k=1/"));
    Files.writeString(out.resolve("stray.json"), "{\"id\":99}\n");
    ids(5, 6).write().mode("overwrite").json(out.toString());
    assertThat(dataFiles(out)).allMatch(f -> f.matches(PART + "json"));
    assertThat(sorted(session.read().json(out.toString()))).containsExactly("[5,5]");
  }

  @Test
  void dynamicPartitionOverwriteReplacesOnlyThePartitionsWritten() {
    Path out = tmp.resolve("out");
    String p = out.toString();
    ids(0, 6).withColumn("k", col("id").mod(lit(3))).write().partitionBy("k").json(p);
    ids(10, 11)
        .withColumn("k", lit(1L))
        .write()
        .mode("overwrite")
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy("k")
        .json(p);
    assertThat(sorted(session.read().json(p).select("id", "k")))
        .containsExactly("[0,0]", "[10,1]", "[2,2]", "[3,0]", "[5,2]");
    Session s = session.newSession();
    s.conf().set("sluice.sql.sources.partitionOverwriteMode", "DYNAMIC");
    s.range(20, 21)
        .selectExpr("CAST(id AS INT) AS id", "'x' AS s", "2L AS k")
        .write()
        .mode("overwrite")
        .partitionBy("k")
        .json(p);
    assertThat(sorted(session.read().json(p).select("id", "k")))
        .containsExactly("[0,0]", "[10,1]", "[20,2]", "[3,0]");
    // static (the default) replaces everything
    ids(30, 31).withColumn("k", lit(0L)).write().mode("overwrite").partitionBy("k").json(p);
    assertThat(sorted(session.read().json(p).select("id", "k"))).containsExactly("[30,0]");
    assertThatThrownBy(
            () ->
                ids(0, 1)
                    .write()
                    .mode("overwrite")
                    .option("partitionOverwriteMode", "some")
                    .json(p))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getMessageParameters())
                    .containsEntry("option", "partitionOverwriteMode"));
  }

  @Test
  void overwriteMayReadTheDirectoryItReplaces() {
    Path out = tmp.resolve("out");
    ids(0, 3).write().json(out.toString());
    DataFrame old = session.read().schema("id INT, s STRING").json(out.toString());
    old.withColumn("id", col("id").plus(lit(10))).write().mode("overwrite").json(out.toString());
    assertThat(sorted(session.read().schema("id INT").json(out.toString())))
        .containsExactly("[10]", "[11]", "[12]");
  }

  @Test
  void partitionByWritesHiveDirectoriesAndDiscoveryReadsThemBack() {
    Path out = tmp.resolve("out");
    DataFrame df =
        ids(0, 6)
            .withColumn("d", when(col("id").lt(lit(3)), lit("2024-01-01")).otherwise(lit("x/y")))
            .withColumn(
                "h", when(col("id").equalTo(lit(5)), lit(null)).otherwise(col("id").mod(lit(2))));
    df.write().partitionBy("d", "h").csv(out.toString());
    assertThat(dataFiles(out))
        .allMatch(f -> f.matches("d=[^/]+/h=[^/]+/" + PART + "csv"))
        .anyMatch(f -> f.startsWith("d=2024-01-01/h=0/"))
        .anyMatch(f -> f.startsWith("d=x%2Fy/h=__HIVE_DEFAULT_PARTITION__/"));
    DataFrame back = session.read().csv(out.toString());
    assertThat(back.schema().fieldNames()).containsExactly("_c0", "_c1", "d", "h");
    assertThat(back.schema().get(3).dataType().sql()).isEqualTo("INT");
    assertThat(sorted(back.selectExpr("_c0", "d", "h")))
        .containsExactly(
            "[0,2024-01-01,0]",
            "[1,2024-01-01,1]",
            "[2,2024-01-01,0]",
            "[3,x/y,1]",
            "[4,x/y,0]",
            "[5,x/y,null]");
  }

  /**
   * Rows of many partitions in no order (each row's values differ from the previous row's): every
   * directory gets one file per task holding exactly its rows, nulls and null-like values apart.
   */
  @Test
  void interleavedRowsOfManyPartitionsLandInOneFilePerDirectory() {
    Path out = tmp.resolve("out");
    session
        .range(0, 3000)
        .coalesce(1)
        .selectExpr(
            "id",
            "CAST(id % 97 AS INT) AS a",
            "CASE WHEN id % 5 = 0 THEN NULL ELSE CAST(id % 3 AS STRING) END AS b")
        .write()
        .partitionBy("a", "b")
        .json(out.toString());
    assertThat(dataFiles(out)).hasSize(97 * 4);
    assertThat(
            sorted(
                session
                    .read()
                    .json(out.toString())
                    .groupBy("a", "b")
                    .agg(
                        io.sluice.functions.expr("count(*) AS n"),
                        io.sluice.functions.expr("sum(id % 97 - a) AS wrongA"))
                    .where("wrongA != 0 OR n < 6 OR n > 12")))
        .isEmpty();
    assertThat(sorted(session.read().json(out.toString()).selectExpr("count(*)", "sum(id)")))
        .containsExactly("[3000,4498500]");
  }

  @Test
  void anEmptyWriteLeavesOneEmptyFile() throws IOException {
    Path out = tmp.resolve("out");
    ids(0, 0).write().option("header", true).csv(out.toString());
    List<String> data = dataFiles(out);
    assertThat(data).hasSize(1).allMatch(f -> f.matches(PART + "csv"));
    assertThat(Files.readString(out.resolve(data.get(0)))).isEqualTo("id,s\n");
    Path parted = tmp.resolve("parted");
    ids(0, 0).write().partitionBy("s").json(parted.toString());
    assertThat(filesUnder(parted)).containsExactly("_SUCCESS");
  }

  @Test
  void aFailedWriteLeavesNoVisibleFile() {
    Path out = tmp.resolve("out");
    ids(0, 2).write().json(out.toString());
    List<String> before = filesUnder(out);
    // ANSI: the cast fails in a task after other rows were written
    DataFrame failing =
        session
            .range(0, 20000)
            .selectExpr("id", "CAST(CASE WHEN id = 19999 THEN 'x' ELSE '1' END AS INT) AS bad")
            .repartition(2);
    assertThatThrownBy(() -> failing.write().mode("append").json(out.toString()))
        .hasMessageContaining("CAST_INVALID_INPUT");
    assertThat(filesUnder(out)).isEqualTo(before);
    assertThatThrownBy(() -> failing.write().mode("overwrite").json(out.toString()))
        .hasMessageContaining("CAST_INVALID_INPUT");
    assertThat(filesUnder(out)).isEqualTo(before); // the old data stays
  }

  @Test
  void theTextFormatWritesOneStringColumn() throws IOException {
    Path out = tmp.resolve("out");
    session
        .sql("SELECT * FROM VALUES ('a'), (NULL), ('c d') AS t(value)")
        .coalesce(1)
        .write()
        .text(out.toString());
    List<String> data = dataFiles(out);
    assertThat(data).hasSize(1).allMatch(f -> f.matches(PART + "txt"));
    assertThat(Files.readString(out.resolve(data.get(0)))).isEqualTo("a\n\nc d\n");
    assertThat(sorted(session.read().text(out.toString()))).containsExactly("[]", "[a]", "[c d]");
    assertThatThrownBy(() -> ids(0, 1).write().text(tmp.resolve("two").toString()))
        .hasMessageContaining("supports only a single column, and you have 2 columns");
    assertThatThrownBy(() -> ids(0, 1).select("id").write().text(tmp.resolve("int").toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE"));
    Path parted = tmp.resolve("parted");
    ids(0, 2).write().partitionBy("id").option("compression", "gzip").text(parted.toString());
    assertThat(dataFiles(parted)).allMatch(f -> f.matches("id=\\d/" + PART + "txt\\.gz"));
    assertThat(sorted(session.read().text(parted.toString()))).containsExactly("[0,0]", "[1,1]");
  }

  @Test
  void badWriteSettingsNameWhatIsWrong() {
    String p = tmp.resolve("out").toString();
    assertThatThrownBy(() -> ids(0, 1).write().partitionBy("nope").json(p))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "partitionBy"));
    assertThatThrownBy(() -> ids(0, 1).write().partitionBy("id", "s").json(p))
        .hasMessageContaining("ALL_PARTITION_COLUMNS_NOT_ALLOWED");
    assertThatThrownBy(() -> ids(0, 1).write().option("compression", "zip").json(p))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "compression"));
    assertThatThrownBy(() -> ids(0, 1).write().format("json").save())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "path"));
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
