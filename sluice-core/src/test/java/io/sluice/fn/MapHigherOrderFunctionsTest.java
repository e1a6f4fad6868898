package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.functions.map_filter;
import static io.sluice.functions.map_zip_with;
import static io.sluice.functions.reduce;
import static io.sluice.functions.transform_keys;
import static io.sluice.functions.transform_values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code reduce}, the higher-order functions over maps ({@code map_filter}, {@code
 * transform_values}, {@code transform_keys}, {@code map_zip_with}) and {@code
 * spark.sql.mapKeyDedupPolicy}, through SQL and the DataFrame API. Maps are shown through {@code
 * to_json}, which keeps their entry order.
 */
class MapHigherOrderFunctionsTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    session
        .sql(
            "SELECT * FROM VALUES"
                + " (1, map('a', 1, 'b', 2, 'c', 3), map('b', 20, 'd', 40), array(1, 2, 3)),"
                + " (2, map(), map('x', 1), array()),"
                + " (3, NULL, map('y', 2), NULL),"
                + " (4, map('z', CAST(NULL AS INT)), NULL, array(4, NULL))"
                + " AS t(id, m, m2, a)")
        .createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The first column of each row, ordered by {@code id}. */
  private static List<Object> column(String expr) {
    List<Object> out = new ArrayList<>();
    for (Row r : session.sql("SELECT " + expr + " FROM t ORDER BY id").collectAsList()) {
      out.add(r.get(0));
    }
    return out;
  }

  private static SluiceException error(Runnable r) {
    return catchThrowableOfType(r::run, SluiceException.class);
  }

  @Test
  void mapFilterKeepsTheEntriesForWhichTheLambdaIsTrue() {
    DataFrame df = session.sql("SELECT map_filter(m, (k, v) -> v > 1 OR k = 'z') FROM t");
    assertThat(df.columns())
        .containsExactly(
            "map_filter(m, lambdafunction(((namedlambdavariable() > 1) OR (namedlambdavariable() = z)),"
                + " namedlambdavariable(), namedlambdavariable()))");
    assertThat(df.schema().fields()[0].dataType())
        .isEqualTo(new MapType(DataTypes.StringType, DataTypes.IntegerType, true));
    assertThat(column("to_json(map_filter(m, (k, v) -> v > 1 OR k = 'z'))"))
        .containsExactly("{\"b\":2,\"c\":3}", "{}", null, "{\"z\":null}");
    // a null result drops the entry
    assertThat(column("to_json(map_filter(m, (k, v) -> v > NULL))"))
        .containsExactly("{}", "{}", null, "{}");
  }

  @Test
  void transformValuesAndKeys() {
    assertThat(column("to_json(transform_values(m, (k, v) -> concat(k, CAST(v * id AS STRING))))"))
        .containsExactly("{\"a\":\"a1\",\"b\":\"b2\",\"c\":\"c3\"}", "{}", null, "{\"z\":null}");
    DataFrame keys = session.sql("SELECT transform_keys(m, (k, v) -> upper(k)) FROM t");
    assertThat(keys.columns())
        .containsExactly(
            "transform_keys(m, lambdafunction(upper(namedlambdavariable()), namedlambdavariable(),"
                + " namedlambdavariable()))");
    assertThat(column("to_json(transform_keys(m, (k, v) -> upper(k)))"))
        .containsExactly("{\"A\":1,\"B\":2,\"C\":3}", "{}", null, "{\"Z\":null}");
    DataFrame values = session.sql("SELECT transform_values(m, (k, v) -> v IS NULL) FROM t");
    assertThat(values.schema().fields()[0].dataType())
        .isEqualTo(new MapType(DataTypes.StringType, DataTypes.BooleanType, false));
  }

  @Test
  void transformKeysRejectsNullKeysAndFollowsTheDedupPolicy() {
    SluiceException nullKey =
        error(() -> column("transform_keys(m, (k, v) -> CASE WHEN k = 'b' THEN NULL ELSE k END)"));
    assertThat(nullKey.getErrorClass()).isEqualTo("NULL_MAP_KEY");
    SluiceException dup = error(() -> column("transform_keys(m, (k, v) -> 'same')"));
    assertThat(dup.getErrorClass()).isEqualTo("DUPLICATED_MAP_KEY");
    Session lastWin = Session.builder().master("local[1]").create();
    try {
      lastWin.conf().set("spark.sql.mapKeyDedupPolicy", "last_win");
      Row r =
          lastWin
              .sql(
                  "SELECT to_json(transform_keys(map('a', 1, 'b', 2, 'c', 3),"
                      + " (k, v) -> CASE WHEN k = 'c' THEN 'a' ELSE k END)),"
                      + " to_json(map(1, 'x', 2, 'y', 1, 'z')),"
                      + " to_json(map_from_arrays(array('k', 'j', 'k'), array(1, 2, 3)))")
              .collectAsList()
              .get(0);
      // the key stays where it first appeared, with the value given last
      assertThat(r.get(0)).isEqualTo("{\"a\":3,\"b\":2}");
      assertThat(r.get(1)).isEqualTo("{\"1\":\"z\",\"2\":\"y\"}");
      assertThat(r.get(2)).isEqualTo("{\"k\":3,\"j\":2}");
      assertThat(lastWin.sql("SELECT map(1, 'x', 1, 'y')").columns())
          .containsExactly("map(1, x, 1, y)");
      SluiceException bad =
          error(() -> lastWin.conf().set("spark.sql.mapKeyDedupPolicy", "first_win"));
      assertThat(bad.getErrorClass()).startsWith("INVALID_CONF_VALUE");
    } finally {
      lastWin.stop();
    }
    // EXCEPTION is the default for map and map_from_arrays too
    SluiceException fromArrays =
        error(
            () -> session.sql("SELECT map_from_arrays(array(1, 1), array(2, 3))").collectAsList());
    assertThat(fromArrays.getErrorClass()).isEqualTo("DUPLICATED_MAP_KEY");
    assertThat(fromArrays.getMessageParameters()).containsEntry("key", "1");
  }

  @Test
  void mapZipWithMergesTheKeysOfBothMaps() {
    DataFrame df =
        session.sql(
            "SELECT map_zip_with(m, m2, (k, v1, v2) -> coalesce(v1, 0) + coalesce(v2, 0))"
                + " FROM t");
    assertThat(df.columns())
        .containsExactly(
            "map_zip_with(m, m2, lambdafunction((coalesce(namedlambdavariable(), 0)"
                + " + coalesce(namedlambdavariable(), 0)), namedlambdavariable(),"
                + " namedlambdavariable(), namedlambdavariable()))");
    assertThat(
            column(
                "to_json(map_zip_with(m, m2, (k, v1, v2) -> coalesce(v1, 0) + coalesce(v2, 0)))"))
        .containsExactly("{\"a\":1,\"b\":22,\"c\":3,\"d\":40}", "{\"x\":1}", null, null);
    // the missing side is null
    assertThat(column("to_json(map_zip_with(m, m2, (k, v1, v2) -> v2))"))
        .containsExactly("{\"a\":null,\"b\":20,\"c\":null,\"d\":40}", "{\"x\":1}", null, null);
    SluiceException types =
        error(() -> session.sql("SELECT map_zip_with(m, map(array(1), 2), (k, a, b) -> a) FROM t"));
    assertThat(types.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES");
    // keys of different but compatible types are widened first
    DataFrame wide =
        session.sql(
            "SELECT map_zip_with(map(1, 'a'), map(CAST(1 AS BIGINT), 'b', 2L, 'c'),"
                + " (k, x, y) -> concat(coalesce(x, '-'), y, CAST(k AS STRING)))");
    assertThat(wide.schema().fields()[0].dataType())
        .isEqualTo(new MapType(DataTypes.LongType, DataTypes.StringType, true));
    assertThat(
            wide.selectExpr("to_json(" + "`" + wide.columns()[0] + "`" + ")")
                .collectAsList()
                .get(0)
                .get(0))
        .isEqualTo("{\"1\":\"ab1\",\"2\":\"-c2\"}");
  }

  @Test
  void reduceIsAggregateUnderItsOwnName() {
    DataFrame df = session.sql("SELECT reduce(a, 0, (acc, x) -> acc + x) FROM t");
    assertThat(df.columns())
        .containsExactly(
            "reduce(a, 0, lambdafunction((namedlambdavariable() + namedlambdavariable()),"
                + " namedlambdavariable(), namedlambdavariable()),"
                + " lambdafunction(namedlambdavariable(), namedlambdavariable()))");
    assertThat(column("reduce(a, 0, (acc, x) -> acc + x)")).containsExactly(6, 0, null, null);
    assertThat(column("reduce(a, 0, (acc, x) -> acc + coalesce(x, 0), acc -> acc * 10)"))
        .containsExactly(60, 0, null, 40);
  }

  @Test
  void theDataFrameApi() {
    DataFrame t = session.table("t").orderBy(col("id"));
    List<Row> rows =
        t.select(
                io.sluice.functions.to_json(map_filter(col("m"), (k, v) -> v.gt(1))),
                io.sluice.functions.to_json(transform_values(col("m"), (k, v) -> v.plus(1))),
                io.sluice.functions.to_json(
                    transform_keys(col("m"), (k, v) -> io.sluice.functions.upper(k))),
                io.sluice.functions.to_json(
                    map_zip_with(
                        col("m"), col("m2"), (k, v1, v2) -> io.sluice.functions.coalesce(v1, v2))),
                reduce(col("a"), lit(0), (acc, x) -> acc.plus(x)),
                reduce(col("a"), lit(0), (acc, x) -> acc.plus(x), acc -> acc.multiply(2)))
            .collectAsList();
    assertThat(Arrays.asList(rows.get(0).get(0), rows.get(0).get(1), rows.get(0).get(2)))
        .containsExactly(
            "{\"b\":2,\"c\":3}", "{\"a\":2,\"b\":3,\"c\":4}", "{\"A\":1,\"B\":2,\"C\":3}");
    assertThat(rows.get(0).get(3)).isEqualTo("{\"a\":1,\"b\":2,\"c\":3,\"d\":40}");
    assertThat(Arrays.asList(rows.get(0).get(4), rows.get(0).get(5))).containsExactly(6, 12);
    assertThat(rows.get(2).get(0)).isNull();
  }
}
