package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.filesUnder;
import static io.sluice.connector.file.StreamFiles.sorted;
import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.types.StructField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partition directories: Spark's escaping on write, discovery and type inference, pruning. */
class PartitionLayoutTest {
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

  private static List<String> dirs(Path out) {
    return filesUnder(out).stream()
        .filter(f -> !f.startsWith("_"))
        .map(f -> f.substring(0, f.lastIndexOf('/')))
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void valuesAreEscapedAsSparkEscapesThemAndNeverLeaveTheTable() throws IOException {
    Path out = tmp.resolve("t").resolve("out");
    DataFrame df =
        session.sql(
            "SELECT * FROM VALUES (1, '../x'), (2, 'a/b'), (3, 'a=b'), (4, '%'), (5, 'sp ace'),"
                + " (6, 'ünï'), (7, ''), (8, NULL), (9, '..'), (10, 'q?*:#{[]^\\\\\"'),"
                + " (11, '\\u0001') AS t(id, k)");
    df.write().partitionBy("k").json(out.toString());
    assertThat(dirs(out))
        .containsExactlyInAnyOrder(
            "k=..%2Fx",
            "k=a%2Fb",
            "k=a%3Db",
            "k=%25",
            "k=sp ace",
            "k=ünï",
            "k=__HIVE_DEFAULT_PARTITION__",
            "k=..",
            "k=q%3F%2A%3A%23%7B%5B%5D%5E%5C%22",
            "k=%01");
    // nothing outside the output directory
    assertThat(filesUnder(tmp.resolve("t"))).allMatch(f -> f.startsWith("out/"));
    assertThat(sorted(session.read().json(out.toString()).select("id", "k")))
        .containsExactlyInAnyOrder(
            "[1,../x]",
            "[2,a/b]",
            "[3,a=b]",
            "[4,%]",
            "[5,sp ace]",
            "[6,ünï]",
            "[7,null]", // an empty string is null, as in Spark
            "[8,null]",
            "[9,..]",
            "[10,q?*:#{[]^\\\"]",
            "[11,\u0001]");
  }

  @Test
  void partitionColumnNamesAreEscapedToo() {
    Path out = tmp.resolve("out");
    session.sql("SELECT 1 AS id, 'v' AS `a/b=c`").write().partitionBy("a/b=c").csv(out.toString());
    assertThat(dirs(out)).containsExactly("a%2Fb%3Dc=v");
    DataFrame back = session.read().csv(out.toString());
    assertThat(back.schema().fieldNames()).containsExactly("_c0", "a/b=c");
  }

  @Test
  void discoveryInfersSparksTypesUnlessTurnedOff() throws IOException {
    Path out = tmp.resolve("out");
    String[][] layout = {
      {
        "i=1",
        "l=3000000000",
        "dec=12345678901234567890",
        "dbl=1.5",
        "d=2024-01-02",
        "ts=2024-01-02 03:04:05",
        "s=abc"
      },
      {"i=2", "l=4", "dec=7", "dbl=2", "d=2024-02-03", "ts=2024-01-02 03:04:05.5", "s=1"}
    };
    for (String[] dirs : layout) {
      StreamFiles.put(out.resolve(String.join("/", dirs)), "a.json", 1L, "{\"x\":1}");
    }
    DataFrame df = session.read().json(out.toString());
    assertThat(df.schema().fields())
        .extracting(f -> f.name() + ":" + f.dataType().sql())
        .containsExactly(
            "x:BIGINT",
            "i:INT",
            "l:BIGINT",
            "dec:DECIMAL(20,0)",
            "dbl:DOUBLE",
            "d:DATE",
            "ts:TIMESTAMP",
            "s:STRING");
    Session plain = session.newSession();
    plain.conf().set("sluice.sql.sources.partitionColumnTypeInference.enabled", "false");
    DataFrame strings = plain.read().json(out.toString());
    assertThat(strings.schema().fields())
        .extracting(StructField::dataType)
        .extracting(t -> t.sql())
        .containsExactly(
            "BIGINT", "STRING", "STRING", "STRING", "STRING", "STRING", "STRING", "STRING");
    assertThat(sorted(strings.select("i", "ts")))
        .containsExactly("[1,2024-01-02 03:04:05]", "[2,2024-01-02 03:04:05.5]");
  }

  /** Partitions k=0..3 of JSON files, where k=3 holds a file no reader can parse. */
  private Path withUnreadablePartition() throws IOException {
    Path out = tmp.resolve("out");
    session
        .range(0, 8)
        .selectExpr("id", "CAST(id % 3 AS INT) AS k")
        .write()
        .partitionBy("k")
        .json(out.toString());
    Path bad = Files.createDirectories(out.resolve("k=3"));
    Files.writeString(bad.resolve("part-corrupt.json"), "{this is not json\n");
    return out;
  }

  private static DataFrame read(Path out) {
    return session
        .read()
        .schema("id BIGINT, k INT")
        .option("mode", "FAILFAST")
        .json(out.toString());
  }

  @Test
  void filtersOnPartitionColumnsPruneDirectoriesBeforeAnyFileIsOpened() throws IOException {
    Path out = withUnreadablePartition();
    assertThatThrownBy(() -> read(out).collectAsList()).hasMessageContaining("FAILFAST");
    System.out.println(
        read(out).filter(col("k").equalTo(lit(1))).queryExecution().explainString("extended"));
    assertThat(sorted(read(out).filter(col("k").equalTo(lit(1)))))
        .containsExactly("[1,1]", "[4,1]", "[7,1]");
    assertThat(sorted(read(out).filter("k < 2 AND id > 3")))
        .containsExactly("[4,1]", "[6,0]", "[7,1]");
    assertThat(sorted(read(out).filter("k IN (0, 2) OR k IS NULL")))
        .containsExactly("[0,0]", "[2,2]", "[3,0]", "[5,2]", "[6,0]");
    assertThat(sorted(read(out).where("k + 1 = 3"))).containsExactly("[2,2]", "[5,2]");
    assertThat(read(out).filter("k = 1").count()).isEqualTo(3);
    // SQL over a view prunes too
    read(out).createOrReplaceTempView("parts");
    assertThat(sorted(session.sql("SELECT id FROM parts WHERE k = 2")))
        .containsExactly("[2]", "[5]");
    // a filter on data columns only cannot prune: the bad file is read
    assertThatThrownBy(() -> read(out).filter("id = 1").collectAsList())
        .hasMessageContaining("FAILFAST");
  }

  @Test
  void pruningKeepsSparkSemanticsForNullPartitions() throws IOException {
    Path out = tmp.resolve("out");
    session
        .sql("SELECT * FROM VALUES (1, 'a'), (2, NULL) AS t(id, k)")
        .write()
        .partitionBy("k")
        .csv(out.toString());
    DataFrame df = session.read().schema("id INT, k STRING").csv(out.toString());
    assertThat(sorted(df.filter("k IS NULL"))).containsExactly("[2,null]");
    assertThat(sorted(df.filter("k <> 'a'"))).isEmpty();
    assertThat(sorted(df.filter("k = 'a'"))).containsExactly("[1,a]");
  }
}
