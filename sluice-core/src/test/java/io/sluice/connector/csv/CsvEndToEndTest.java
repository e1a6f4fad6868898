package io.sluice.connector.csv;

import static io.sluice.functions.col;
import static io.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session.read().csv(...)}, {@code text(...)} and {@code textFile(...)} end to end. */
class CsvEndToEndTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.session.timeZone", "UTC").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<String> rows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.toString());
    out.sort(Comparator.naturalOrder());
    return out;
  }

  @Test
  void readsWithHeaderAndInferredSchema(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("sales.csv");
    Files.writeString(f, "region,amount,day\neu,10,2024-01-01\nus,2.5,2024-01-02\neu,1,\n");
    DataFrame df =
        session.read().option("header", true).option("inferSchema", true).csv(f.toString());
    assertThat(df.columns()).containsExactly("region", "amount", "day");
    assertThat(df.schema().apply("amount").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(df.schema().apply("day").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(rows(df.groupBy(col("region")).agg(sum("amount"))))
        .containsExactly("[eu,11.0]", "[us,2.5]");
  }

  @Test
  void readsWithAGivenSchemaAndFormatOptions(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.tsv");
    Files.writeString(f, "1\tNA\n2\tb\n");
    DataFrame df =
        session
            .read()
            .format("csv")
            .schema("id INT, s STRING")
            .option("sep", "\t")
            .option("nullValue", "NA")
            .load(f.toString());
    assertThat(rows(df)).containsExactly("[1,null]", "[2,b]");
    assertThat(rows(df.filter(col("s").isNotNull()).select("id"))).containsExactly("[2]");
  }

  @Test
  void countAndModesThroughTheApi(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.csv");
    Files.writeString(f, "1,a\nx,b\n3\n");
    DataFrame dropped =
        session.read().schema("id INT, s STRING").option("mode", "DROPMALFORMED").csv(f.toString());
    assertThat(rows(dropped)).containsExactly("[1,a]");
    DataFrame permissive =
        session.read().schema("id INT, s STRING, _corrupt_record STRING").csv(f.toString());
    assertThat(rows(permissive)).containsExactly("[1,a,null]", "[3,null,3]", "[null,b,x,b]");
    assertThatThrownBy(
            () ->
                session
                    .read()
                    .schema("id INT, s STRING")
                    .option("mode", "FAILFAST")
                    .csv(f.toString())
                    .collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass())
                  .isEqualTo("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
              assertThat(e.getMessageParameters()).containsEntry("badRecord", "x,b");
            });
  }

  @Test
  void textAndTextFile(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("k=1"));
    Files.writeString(dir.resolve("k=1/a.txt"), "hello\nworld\n");
    DataFrame text = session.read().text(dir.toString());
    assertThat(text.columns()).containsExactly("value", "k");
    assertThat(rows(text)).containsExactly("[hello,1]", "[world,1]");
    DataFrame lines = session.read().textFile(dir.toString());
    assertThat(lines.columns()).containsExactly("value");
    assertThat(rows(lines)).containsExactly("[hello]", "[world]");
    assertThat(rows(session.read().option("wholetext", true).text(dir.toString())))
        .containsExactly("[hello\nworld\n,1]");
    assertThatThrownBy(() -> session.read().schema("v STRING").textFile(dir.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("_LEGACY_ERROR_TEMP_1189"));
  }

  /**
   * {@code count()} reads no column: with column pruning (the default for single-line files) Spark
   * does not parse records then, so DROPMALFORMED drops nothing (SPARK-24645, SPARK-29101); without
   * pruning, or with {@code multiLine} (where Spark 4 never prunes), malformed records are dropped
   * whatever the query reads.
   */
  @Test
  void countWithDropMalformedFollowsColumnPruning(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("fruit.csv");
    Files.writeString(
        f,
        "fruit,color,price,quantity\napple,red,1,3\nbanana,yellow,2,4\norange,orange,3,5\nxxx\n");
    String ddl = "fruit STRING, color STRING, price INT, quantity INT";
    DataFrame pruned =
        session
            .read()
            .option("header", true)
            .option("mode", "DROPMALFORMED")
            .schema(ddl)
            .csv(f.toString());
    assertThat(pruned.count()).isEqualTo(4);
    assertThat(pruned.select("fruit").count()).isEqualTo(4);
    assertThat(pruned.collectAsList()).hasSize(3);
    DataFrame notPruned =
        session
            .read()
            .option("header", true)
            .option("mode", "DROPMALFORMED")
            .option("columnPruning", false)
            .schema(ddl)
            .csv(f.toString());
    assertThat(notPruned.count()).isEqualTo(3);
    assertThat(notPruned.select("fruit").count()).isEqualTo(3);
    DataFrame multiLine =
        session
            .read()
            .option("header", true)
            .option("mode", "DROPMALFORMED")
            .option("multiLine", true)
            .schema(ddl)
            .csv(f.toString());
    assertThat(multiLine.count()).isEqualTo(3);
    assertThat(multiLine.select("fruit").collectAsList()).hasSize(3);
    session.conf().set("spark.sql.csv.parser.columnPruning.enabled", "false");
    try {
      assertThat(
              session
                  .read()
                  .option("header", true)
                  .option("mode", "DROPMALFORMED")
                  .schema(ddl)
                  .csv(f.toString())
                  .count())
          .isEqualTo(3);
    } finally {
      session.conf().set("spark.sql.csv.parser.columnPruning.enabled", "true");
    }
  }
}
