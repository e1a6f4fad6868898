package io.sluice.sql.parser;

import static io.sluice.functions.col;
import static io.sluice.functions.grouping;
import static io.sluice.functions.grouping_id;
import static io.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GROUP BY GROUPING SETS, ROLLUP and CUBE, grouping() and grouping_id(), in SQL and the API. */
class GroupingAnalyticsTest {
  private static Session spark;
  private static DataFrame sales;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("grouping").create();
    sales =
        spark.createDataFrame(
            List.of(
                row("fr", "book", 10),
                row("fr", "pen", 1),
                row("fr", "book", 5),
                row("de", "book", 7),
                row(null, "pen", 2)),
            new StructType()
                .add("country", DataTypes.StringType)
                .add("item", DataTypes.StringType)
                .add("amount", DataTypes.IntegerType));
    sales.createOrReplaceTempView("sales");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static List<String> sorted(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.toString());
    out.sort(null);
    return out;
  }

  private static List<String> rows(String sql) {
    return sorted(spark.sql(sql));
  }

  @Test
  void rollupGivesEveryPrefixAndTheGrandTotal() {
    DataFrame df =
        spark.sql("SELECT country, item, sum(amount) FROM sales GROUP BY ROLLUP(country, item)");
    assertThat(df.columns()).containsExactly("country", "item", "sum(amount)");
    assertThat(df.schema().fields()[0].nullable()).isTrue();
    List<String> expected =
        List.of(
            "[de,book,7]",
            "[de,null,7]",
            "[fr,book,15]",
            "[fr,null,16]",
            "[fr,pen,1]",
            "[null,null,2]", // the null country's own row ...
            "[null,null,25]", // ... and the grand total
            "[null,pen,2]");
    assertThat(sorted(df)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            rows("SELECT country, item, sum(amount) FROM sales GROUP BY country, item WITH ROLLUP"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(sorted(sales.rollup("country", "item").agg(sum("amount"))))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void cubeAndGroupingSets() {
    assertThat(rows("SELECT item, country, count(*) FROM sales GROUP BY CUBE(item, country)"))
        .containsExactlyInAnyOrder(
            "[book,de,1]",
            "[book,fr,2]",
            "[book,null,3]",
            "[null,de,1]",
            "[null,fr,3]",
            "[null,null,1]",
            "[null,null,5]",
            "[pen,fr,1]",
            "[pen,null,1]",
            "[pen,null,2]");
    assertThat(
            rows(
                "SELECT country, item, sum(amount) AS s FROM sales"
                    + " GROUP BY GROUPING SETS ((country), (item), ())"))
        .containsExactlyInAnyOrder(
            "[de,null,7]",
            "[fr,null,16]",
            "[null,book,22]",
            "[null,null,25]",
            "[null,null,2]",
            "[null,pen,3]");
    // a plain key with a rollup: the product of their sets
    assertThat(rows("SELECT country, item, sum(amount) FROM sales GROUP BY country, ROLLUP(item)"))
        .containsExactlyInAnyOrder(
            "[de,book,7]",
            "[de,null,7]",
            "[fr,book,15]",
            "[fr,null,16]",
            "[fr,pen,1]",
            "[null,null,2]",
            "[null,pen,2]");
    assertThat(sorted(sales.cube(col("item")).count()))
        .containsExactlyInAnyOrder("[book,3]", "[null,5]", "[pen,2]");
  }

  @Test
  void groupingAndGroupingIdTellTotalsFromNullKeys() {
    DataFrame df =
        spark.sql(
            "SELECT country, grouping(country), grouping_id(), sum(amount) FROM sales"
                + " GROUP BY ROLLUP(country) ORDER BY grouping(country), country");
    assertThat(df.columns())
        .containsExactly("country", "grouping(country)", "grouping_id()", "sum(amount)");
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(DataTypes.ByteType);
    assertThat(df.schema().fields()[2].dataType()).isEqualTo(DataTypes.LongType);
    assertThat(df.collectAsList().toString())
        .isEqualTo("[[null,0,0,2], [de,0,0,7], [fr,0,0,16], [null,1,1,25]]");
    assertThat(
            rows(
                "SELECT country, item, grouping_id(country, item), grouping_id(item, country)"
                    + " FROM sales GROUP BY CUBE(country, item) HAVING country = 'de'"))
        .containsExactly("[de,book,0,0]", "[de,null,1,2]");
    assertThat(
            sorted(
                sales
                    .cube("country", "item")
                    .agg(grouping_id().as("g"), grouping("item").as("gi"))
                    .filter("g = 3")))
        .containsExactly("[null,null,3,1]");
  }

  @Test
  void groupingOutsideGroupingSetsFails() {
    assertThatThrownBy(() -> spark.sql("SELECT grouping(country) FROM sales GROUP BY country"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[UNSUPPORTED_GROUPING_EXPRESSION] grouping()/grouping_id() can only be used with"
                + " GroupingSets/Cube/Rollup. SQLSTATE: 42K0E");
    assertThatThrownBy(
            () -> spark.sql("SELECT grouping(amount) FROM sales GROUP BY ROLLUP(country)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith(
            "[GROUPING_COLUMN_MISMATCH] Column of grouping (\"amount\") can't be found in"
                + " grouping columns \"country\".");
  }
}
