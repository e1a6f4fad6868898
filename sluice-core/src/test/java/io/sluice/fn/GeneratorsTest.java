package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.explode;
import static io.sluice.functions.explode_outer;
import static io.sluice.functions.inline;
import static io.sluice.functions.inline_outer;
import static io.sluice.functions.posexplode;
import static io.sluice.functions.posexplode_outer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** explode, posexplode, inline and their outer forms: rows, names, types, errors, plans. */
class GeneratorsTest {
  private static Session session;
  private static DataFrame df;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("k1", 1);
    m.put("k2", null);
    df =
        session.createDataFrame(
            List.of(
                RowFactory.create(
                    1, Arrays.asList(10, null), m, Arrays.asList(RowFactory.create(1, "a"), null)),
                RowFactory.create(2, List.of(), Map.of(), List.of()),
                RowFactory.create(3, null, null, null),
                RowFactory.create(
                    4, List.of(40, 41, 42), Map.of("k", 4), List.of(RowFactory.create(2, "b")))),
            StructType.fromDDL(
                "id INT, a ARRAY<INT>, m MAP<STRING, INT>,"
                    + " s ARRAY<STRUCT<x: INT, y: STRING>>"));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static String schemaOf(DataFrame frame) {
    List<String> parts = new ArrayList<>();
    for (StructField f : frame.schema().fields()) {
      parts.add(f.name() + ":" + f.dataType().simpleString() + (f.nullable() ? "" : " not null"));
    }
    return String.join(", ", parts);
  }

  private static SluiceException error(Runnable r) {
    return catchThrowableOfType(r::run, SluiceException.class);
  }

  @Test
  void explodeYieldsColumnColAndDropsNullAndEmptyArrays() {
    DataFrame out = df.select(col("id"), explode(col("a")));
    assertThat(schemaOf(out)).isEqualTo("id:int, col:int");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(1, 10),
            RowFactory.create(1, null),
            RowFactory.create(4, 40),
            RowFactory.create(4, 41),
            RowFactory.create(4, 42));
  }

  @Test
  void explodeOuterKeepsNullAndEmptyArraysAsNullRows() {
    DataFrame out = df.select(col("id"), explode_outer(col("a")));
    assertThat(schemaOf(out)).isEqualTo("id:int, col:int");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(1, 10),
            RowFactory.create(1, null),
            RowFactory.create(2, null),
            RowFactory.create(3, null),
            RowFactory.create(4, 40),
            RowFactory.create(4, 41),
            RowFactory.create(4, 42));
  }

  @Test
  void posexplodeAddsThePosition() {
    DataFrame out = df.select(posexplode(col("a")));
    assertThat(schemaOf(out)).isEqualTo("pos:int not null, col:int");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(0, 10),
            RowFactory.create(1, null),
            RowFactory.create(0, 40),
            RowFactory.create(1, 41),
            RowFactory.create(2, 42));
    DataFrame outer = df.select(col("id"), posexplode_outer(col("a")));
    assertThat(schemaOf(outer)).isEqualTo("id:int, pos:int, col:int");
    assertThat(outer.collectAsList())
        .contains(
            RowFactory.create(2, null, null),
            RowFactory.create(3, null, null),
            RowFactory.create(4, 2, 42));
  }

  @Test
  void explodingAMapYieldsKeyAndValue() {
    DataFrame out = df.select(col("id"), explode(col("m")));
    assertThat(schemaOf(out)).isEqualTo("id:int, key:string not null, value:int");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(1, "k1", 1),
            RowFactory.create(1, "k2", null),
            RowFactory.create(4, "k", 4));
    DataFrame pos = df.select(posexplode_outer(col("m")));
    assertThat(schemaOf(pos)).isEqualTo("pos:int, key:string, value:int");
    assertThat(pos.collectAsList())
        .hasSize(5)
        .contains(RowFactory.create(1, "k2", null), RowFactory.create(null, null, null));
  }

  @Test
  void inlineYieldsTheStructFieldsAndNullsForANullStruct() {
    DataFrame out = df.select(col("id"), inline(col("s")));
    assertThat(schemaOf(out)).isEqualTo("id:int, x:int, y:string");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(1, 1, "a"),
            RowFactory.create(1, null, null),
            RowFactory.create(4, 2, "b"));
    DataFrame outer = df.select(col("id"), inline_outer(col("s")));
    assertThat(outer.collectAsList())
        .containsExactly(
            RowFactory.create(1, 1, "a"),
            RowFactory.create(1, null, null),
            RowFactory.create(2, null, null),
            RowFactory.create(3, null, null),
            RowFactory.create(4, 2, "b"));
    SluiceException e = error(() -> df.select(inline(col("a"))));
    assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(e.getMessageParameters()).containsEntry("requiredType", "\"ARRAY<STRUCT<>>\"");
  }

  @Test
  void aliasesNameTheGeneratedColumns() {
    assertThat(df.select(explode(col("a")).as("v")).columns()).containsExactly("v");
    assertThat(df.select(explode(col("a")).alias("v")).columns()).containsExactly("v");
    DataFrame multi = df.select(posexplode(col("a")).as("p", "v"));
    assertThat(multi.columns()).containsExactly("p", "v");
    assertThat(multi.filter(col("p").equalTo(2)).collectAsList())
        .containsExactly(RowFactory.create(2, 42));
    SluiceException e = error(() -> df.select(posexplode(col("a")).as("only")));
    assertThat(e.getErrorClass()).isEqualTo("UDTF_ALIAS_NUMBER_MISMATCH");
    assertThat(e.getMessageParameters())
        .containsEntry("aliasesSize", "2")
        .containsEntry("aliasesNames", "only");
    SluiceException notGenerator = error(() -> df.select(col("id").as("x", "y")));
    assertThat(notGenerator.getErrorClass()).isEqualTo("MULTI_ALIAS_WITHOUT_GENERATOR");
  }

  @Test
  void withColumnAndStarKeepTheOtherColumns() {
    DataFrame out = df.withColumn("e", explode(col("a"))).select(col("id"), col("e"));
    assertThat(out.collectAsList()).hasSize(5).contains(RowFactory.create(4, 42));
    DataFrame star = df.select(col("*"), explode(col("a")));
    assertThat(star.columns()).containsExactly("id", "a", "m", "s", "col");
  }

  @Test
  void onlyOneGeneratorPerSelectAndOnlyAsAWholeItem() {
    SluiceException multi = error(() -> df.select(explode(col("a")), explode(col("m"))));
    assertThat(multi.getErrorClass()).isEqualTo("UNSUPPORTED_GENERATOR.MULTI_GENERATOR");
    assertThat(multi.getMessageParameters())
        .containsEntry("num", "2")
        .containsEntry("generators", "\"explode(a)\", \"explode(m)\"");
    SluiceException nested = error(() -> df.select(explode(col("a")).plus(1)));
    assertThat(nested.getErrorClass()).isEqualTo("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS");
    assertThat(nested.getMessageParameters()).containsEntry("expression", "\"(explode(a) + 1)\"");
    SluiceException outside = error(() -> df.filter(explode(col("a")).isNotNull()));
    assertThat(outside.getErrorClass()).isEqualTo("UNSUPPORTED_GENERATOR.OUTSIDE_SELECT");
    SluiceException type = error(() -> df.select(explode(col("id"))));
    assertThat(type.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(type.getMessageParameters()).containsEntry("requiredType", "(\"ARRAY\" or \"MAP\")");
  }

  @Test
  void aGeneratorOverAggregatesInTheSelectListOfAnAggregation() {
    df.createOrReplaceTempView("gen_agg");
    DataFrame perGroup =
        session.sql(
            "SELECT id % 2 AS odd, explode(array(min(id), max(id))) AS e, count(*) AS n"
                + " FROM gen_agg GROUP BY id % 2");
    assertThat(perGroup.columns()).containsExactly("odd", "e", "n");
    List<String> rows = new ArrayList<>();
    for (Row r : perGroup.collectAsList()) rows.add(r.toString());
    assertThat(rows).containsExactlyInAnyOrder("[0,2,2]", "[0,4,2]", "[1,1,2]", "[1,3,2]");
    DataFrame global = session.sql("SELECT posexplode(array(count(*), max(id))) FROM gen_agg");
    assertThat(global.columns()).containsExactly("pos", "col");
    assertThat(global.collectAsList())
        .containsExactly(RowFactory.create(0, 4L), RowFactory.create(1, 4L));
    // a generator over a column neither grouped nor aggregated is still an error
    SluiceException e =
        error(() -> session.sql("SELECT explode(a) FROM gen_agg GROUP BY id").collectAsList());
    assertThat(e.getErrorClass()).isEqualTo("MISSING_AGGREGATION");
  }

  @Test
  void aGeneratorInsideAnAggregateFunctionIsMisplacedNotMistyped() {
    // Spark extracts generators before checking types: sum(explode(a)) is not a type mismatch
    for (java.util.function.Supplier<DataFrame> q :
        List.<java.util.function.Supplier<DataFrame>>of(
            () -> df.agg(io.sluice.functions.sum(explode(col("a")))),
            () -> df.groupBy(col("id")).agg(io.sluice.functions.sum(explode(col("a")))),
            () -> df.groupBy(col("id")).agg(io.sluice.functions.count(explode(col("a")))))) {
      SluiceException e = error(q::get);
      assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS");
      assertThat(e.getMessageParameters().get("expression"))
          .matches("\"(sum|count)\\(explode\\(a\\)\\)\"");
    }
  }

  @Test
  void filtersOnInputColumnsArePushedBelowTheGenerateAndUnusedInputsPruned() {
    DataFrame out =
        df.select(col("id"), explode(col("a"))).filter(col("id").gt(1).and(col("col").gt(40)));
    assertThat(out.collectAsList())
        .containsExactly(RowFactory.create(4, 41), RowFactory.create(4, 42));
    String plan = out.queryExecution().optimizedPlan().treeString();
    int generate = plan.indexOf("Generate");
    int idFilter = plan.indexOf("Filter (id > 1)");
    assertThat(generate).isGreaterThanOrEqualTo(0);
    assertThat(idFilter).as(plan).isGreaterThan(generate);
    String pruned = df.select(explode(col("a"))).queryExecution().optimizedPlan().treeString();
    assertThat(pruned).as(pruned).contains("Generate explode(a#").contains(", [0], false, [col#");
    assertThat(df.select(explode(col("a"))).queryExecution().explainString("simple"))
        .contains("Generate explode(a#");
  }

  @Test
  void largeExplosionsAreCutIntoBatchesInOrder() {
    Session small = Session.builder().master("local[1]").create();
    try {
      small.conf().set("spark.sql.execution.batchSize", "3");
      List<Row> rows = new ArrayList<>();
      List<Row> expected = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        List<Integer> arr = new ArrayList<>();
        for (int j = 0; j < i % 7; j++) {
          arr.add(i * 100 + j);
          expected.add(RowFactory.create(i, i * 100 + j));
        }
        rows.add(RowFactory.create(i, arr));
      }
      DataFrame frame = small.createDataFrame(rows, StructType.fromDDL("i INT, a ARRAY<INT>"));
      assertThat(frame.select(col("i"), explode(col("a"))).collectAsList())
          .containsExactlyElementsOf(expected);
      assertThat(frame.select(explode_outer(col("a"))).count()).isEqualTo(expected.size() + 3);
    } finally {
      small.stop();
    }
  }

  @Test
  void sqlTextAndUnknownColumns() {
    DataFrame out = df.selectExpr("id", "explode(a) AS x").filter("x IS NOT NULL");
    assertThat(out.columns()).containsExactly("id", "x");
    assertThat(out.count()).isEqualTo(4);
    SluiceException e = error(() -> df.select(explode(col("nope"))));
    assertThat(e.getErrorClass()).startsWith("UNRESOLVED_COLUMN");
    SluiceException mapAlias = error(() -> df.selectExpr("explode(m) AS x"));
    assertThat(mapAlias.getErrorClass()).isEqualTo("UDTF_ALIAS_NUMBER_MISMATCH");
  }

  @Test
  void anExplodedFrameCanBeJoinedWithItself() {
    DataFrame exploded = df.select(col("id"), explode(col("a")).as("v"));
    DataFrame joined = exploded.join(exploded, "id");
    assertThat(joined.count()).isEqualTo(2 * 2 + 3 * 3);
  }
}
