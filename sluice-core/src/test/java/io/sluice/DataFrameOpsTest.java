package io.sluice;

import static io.sluice.Answers.check;
import static io.sluice.Answers.checkOrdered;
import static io.sluice.Answers.row;
import static io.sluice.functions.coalesce;
import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.functions.struct;
import static io.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End-to-end transformations and actions over the real engine. */
class DataFrameOpsTest {
  private static Session session;
  private static final StructType PEOPLE =
      StructType.fromDDL("id INT, name STRING, age INT, info STRUCT<city: STRING, zip: INT>");

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.shuffle.partitions", "3").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  static DataFrame people() {
    return session.createDataFrame(
        List.of(
            row(1, "ann", 31, row("Oslo", 150)),
            row(2, "bob", null, row("Rome", 100)),
            row(3, "cid", 17, null),
            row(4, "dee", 45, row("Oslo", 151))),
        PEOPLE);
  }

  @Test
  void rangeProducesBigintIds() {
    DataFrame r = session.range(5);
    assertThat(r.columns()).containsExactly("id");
    assertThat(r.schema().get(0).dataType()).isEqualTo(DataTypes.LongType);
    assertThat(r.schema().get(0).nullable()).isFalse();
    check(r, row(0L), row(1L), row(2L), row(3L), row(4L));
    check(session.range(0, 10, 3), row(0L), row(3L), row(6L), row(9L));
    check(session.range(5, 0, -2), row(5L), row(3L), row(1L));
    check(session.range(3, 3));
    assertThat(session.range(0, 1000, 1, 4).count()).isEqualTo(1000);
  }

  @Test
  void selectExpressionsAreNamedByTheirSql() {
    DataFrame df = people().select(col("id").plus(1), col("name"), lit(7).as("seven"));
    assertThat(df.columns()).containsExactly("(id + 1)", "name", "seven");
    check(df, row(2, "ann", 7), row(3, "bob", 7), row(4, "cid", 7), row(5, "dee", 7));
    check(
        people().select("name", "info.city"),
        row("ann", "Oslo"),
        row("bob", "Rome"),
        row("cid", null),
        row("dee", "Oslo"));
    assertThat(people().select("info.*").columns()).containsExactly("city", "zip");
    assertThat(people().select("*").columns()).containsExactly("id", "name", "age", "info");
  }

  @Test
  void unknownColumnFailsWhenTheDataFrameIsDefined() {
    assertThatThrownBy(() -> people().select(col("nmae")))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION");
              assertThat(e.getMessageParameters()).containsEntry("objectName", "`nmae`");
            });
    assertThatThrownBy(() -> people().col("nope")).isInstanceOf(AnalysisException.class);
  }

  @Test
  void filterKeepsOnlyTrueRows() {
    check(people().filter(col("age").gt(20)).select("name"), row("ann"), row("dee"));
    check(people().where(col("age").isNull()).select("id"), row(2));
    check(people().filter(col("name").isin("bob", "cid")).select("id"), row(2), row(3));
    check(people().filter(col("age").between(17, 31)).select("id"), row(1), row(3));
    check(people().filter(functions.not(col("age").gt(20))).select("id"), row(3));
    check(people().filter(col("info.city").equalTo("Oslo")).select("id"), row(1), row(4));
  }

  @Test
  void withColumnAddsOrReplacesInPlace() {
    DataFrame added = people().withColumn("age2", col("age").multiply(2));
    assertThat(added.columns()).containsExactly("id", "name", "age", "info", "age2");
    check(added.select("id", "age2"), row(1, 62), row(2, null), row(3, 34), row(4, 90));
    DataFrame replaced = people().withColumn("age", coalesce(col("age"), lit(0)));
    assertThat(replaced.columns()).containsExactly("id", "name", "age", "info");
    check(replaced.select("age"), row(31), row(0), row(17), row(45));
    DataFrame several = people().withColumns(Map.of("one", lit(1)));
    assertThat(several.columns()).endsWith("one");
    check(
        people()
            .withColumnRenamed("name", "n")
            .select("n")
            .limit(1)
            .filter(col("n").equalTo("zzz")));
  }

  @Test
  void whenCastAndStructExpressions() {
    DataFrame df =
        people()
            .select(
                col("id"),
                when(col("age").geq(18), "adult")
                    .when(col("age").lt(18), "minor")
                    .otherwise("?")
                    .as("kind"),
                col("id").cast("string").as("s"),
                struct(col("id"), col("name")).as("st"));
    assertThat(df.schema().get(2).dataType()).isEqualTo(DataTypes.StringType);
    check(
        df.select("id", "kind", "s", "st.name"),
        row(1, "adult", "1", "ann"),
        row(2, "?", "2", "bob"),
        row(3, "minor", "3", "cid"),
        row(4, "adult", "4", "dee"));
  }

  @Test
  void arithmeticFollowsTheSessionsAnsiMode() {
    DataFrame div = people().select(col("id").divide(0).as("x"));
    assertThatThrownBy(div::collectAsList)
        .isInstanceOfSatisfying(
            io.sluice.error.SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("DIVIDE_BY_ZERO"));
    Session legacy = session.newSession();
    legacy.conf().set("spark.sql.ansi.enabled", "false");
    DataFrame df = legacy.createDataFrame(List.of(row(1)), StructType.fromDDL("i INT"));
    check(df.select(col("i").divide(0)), row((Object) null));
  }

  @Test
  void distinctAndDropDuplicates() {
    DataFrame df =
        session.createDataFrame(
            List.of(row(1, "a"), row(1, "a"), row(1, "b"), row(2, "b")),
            StructType.fromDDL("k INT, v STRING"));
    check(df.distinct(), row(1, "a"), row(1, "b"), row(2, "b"));
    assertThat(df.dropDuplicates("k").count()).isEqualTo(2);
    assertThat(df.dropDuplicates(new String[] {"v"}).collectAsList()).hasSize(2);
    assertThat(df.dropDuplicates(List.of("k", "v")).count()).isEqualTo(3);
  }

  @Test
  void orderByLimitAndFriends() {
    checkOrdered(people().orderBy(col("age")).select("id"), row(2), row(3), row(1), row(4));
    checkOrdered(people().orderBy(col("age").desc()).select("id"), row(4), row(1), row(3), row(2));
    checkOrdered(
        people().sort(col("age").desc_nulls_first()).select("id"), row(2), row(4), row(1), row(3));
    checkOrdered(people().orderBy("name").select("name").limit(2), row("ann"), row("bob"));
    assertThat(people().orderBy("id").head().getInt(0)).isEqualTo(1);
    assertThat(people().orderBy("id").first().getString(1)).isEqualTo("ann");
    assertThat(people().orderBy("id").take(2)).hasSize(2);
    assertThat(people().orderBy("id").head(3))
        .extracting(r -> r.getInt(0))
        .containsExactly(1, 2, 3);
    assertThat(people().limit(0).collectAsList()).isEmpty();
    assertThat(people().isEmpty()).isFalse();
    assertThat(people().filter(col("id").gt(10)).isEmpty()).isTrue();
    assertThatThrownBy(() -> people().filter(col("id").gt(10)).first())
        .isInstanceOf(NoSuchElementException.class);
    assertThat(people().count()).isEqualTo(4);
    assertThat(people().filter(col("age").isNotNull()).count()).isEqualTo(3);
  }

  @Test
  void unions() {
    DataFrame a =
        session.createDataFrame(List.of(row(1, "x")), StructType.fromDDL("k INT, v STRING"));
    DataFrame b =
        session.createDataFrame(List.of(row("y", 2)), StructType.fromDDL("v STRING, k INT"));
    DataFrame c = session.createDataFrame(List.of(row(3)), StructType.fromDDL("k INT"));
    check(a.union(a).unionAll(a), row(1, "x"), row(1, "x"), row(1, "x"));
    check(a.unionByName(b), row(1, "x"), row(2, "y"));
    check(a.unionByName(c, true), row(1, "x"), row(3, null));
    assertThat(a.union(a).columns()).containsExactly("k", "v");
  }

  @Test
  void repartitionAndCoalesceKeepEveryRow() {
    DataFrame r = session.range(100);
    assertThat(r.repartition(4).count()).isEqualTo(100);
    assertThat(r.repartition(3, col("id")).count()).isEqualTo(100);
    assertThat(r.repartition(col("id")).count()).isEqualTo(100);
    assertThat(r.coalesce(1).count()).isEqualTo(100);
  }

  @Test
  void collectReturnsExternalTypesWithSchema() {
    Row r = people().orderBy("id").collect()[0];
    assertThat(r.<Integer>getAs("id")).isEqualTo(1);
    assertThat(r.getStruct(3).<String>getAs("city")).isEqualTo("Oslo");
    assertThat(r.schema()).isEqualTo(PEOPLE);
  }

  @Test
  void tempViewsAndTheCatalog() {
    people().createOrReplaceTempView("people_view");
    try {
      check(session.table("people_view").filter(col("id").equalTo(1)).select("name"), row("ann"));
      check(
          session.catalog().listTables().filter(col("name").equalTo("people_view")),
          row("people_view", null, List.of(), null, "TEMPORARY", true));
      assertThatThrownBy(() -> session.table("no_such_view"))
          .isInstanceOfSatisfying(
              AnalysisException.class,
              e -> assertThat(e.getErrorClass()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND"));
      DataFrame v = session.table("people_view");
      check(
          v.join(session.table("PEOPLE_VIEW"), "id").select("id").filter(col("id").lt(3)),
          row(1),
          row(2));
      people().createOrReplaceGlobalTempView("people_global");
      check(
          session
              .newSession()
              .table("global_temp.people_global")
              .select("name")
              .filter(col("id").equalTo(4)),
          row("dee"));
      check(
          session.catalog().listTables("global_temp").select("name", "namespace"),
          row("people_global", List.of("global_temp")),
          row("people_view", List.of()));
      assertThat(session.emptyDataFrame().showString()).isEqualTo("++\n||\n++\n++\n");
    } finally {
      session.catalog().dropTempView("people_view");
      session.catalog().dropGlobalTempView("people_global");
    }
  }

  @Test
  void nestedValuesByFieldIndexAndKey() {
    StructType schema =
        StructType.fromDDL("arr ARRAY<INT>, m MAP<STRING,INT>, st STRUCT<x: INT>, d DOUBLE");
    DataFrame df =
        session.createDataFrame(
            List.of(
                row(List.of(10, 20), Map.of("k", 1), row(5), Double.NaN),
                row(List.of(30), Map.of("j", 2), null, 1.0)),
            schema);
    check(
        df.select(col("arr").getItem(0), col("m").getItem("k"), col("st").getField("x")),
        row(10, 1, 5),
        row(30, null, null));
    assertThatThrownBy(() -> df.select(col("arr").getItem(1)).collectAsList())
        .isInstanceOfSatisfying(
            io.sluice.error.SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_ARRAY_INDEX"));
    DataFrame nested = df.select(df.col("st.x"));
    assertThat(nested.columns()).containsExactly("x");
    check(nested, row(5), row((Object) null));
    check(df.filter(col("arr").apply(0).gt(15)).select("d"), row(1.0));
  }
}
