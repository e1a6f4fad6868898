package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.from_json;
import static io.sluice.functions.get_json_object;
import static io.sluice.functions.json_tuple;
import static io.sluice.functions.lit;
import static io.sluice.functions.struct;
import static io.sluice.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code to_json} and {@code get_json_object} through the whole engine. */
class JsonOutputFunctionsTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    session.conf().set("spark.sql.session.timeZone", "UTC");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<Object> firstColumn(DataFrame df) {
    List<Object> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.get(0));
    return out;
  }

  private static Map<String, String> opts(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static DataFrame one(String ddl, Object... values) {
    return session.createDataFrame(List.of(RowFactory.create(values)), StructType.fromDDL(ddl));
  }

  @Test
  void toJsonWritesEveryTypeAsSparkDoes() {
    DataFrame df =
        one(
            "b TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE,"
                + " dec DECIMAL(10, 2), tiny DECIMAL(10, 8), str STRING, bool BOOLEAN, bin BINARY,"
                + " dt DATE, ts TIMESTAMP, n STRING",
            (byte) 1,
            (short) 2,
            3,
            4L,
            1.5f,
            1e20,
            new BigDecimal("-3.05"),
            new BigDecimal("0.00000001"),
            "q\"\\\n\t\u0001é",
            true,
            new byte[] {1, 2, 3},
            Date.valueOf("2015-08-26"),
            Timestamp.from(Instant.parse("2015-08-26T18:00:00.123456Z")),
            null);
    DataFrame json =
        df.select(
            to_json(
                struct(
                    col("b"),
                    col("s"),
                    col("i"),
                    col("l"),
                    col("f"),
                    col("d"),
                    col("dec"),
                    col("tiny"),
                    col("str"),
                    col("bool"),
                    col("bin"),
                    col("dt"),
                    col("ts"),
                    col("n"))));
    assertThat(firstColumn(json))
        .containsExactly(
            "{\"b\":1,\"s\":2,\"i\":3,\"l\":4,\"f\":1.5,"
                + "\"d\":1.0E20,\"dec\":-3.05,\"tiny\":1E-8,\"str\":\"q\\\"\\\\\\n\\t\\u0001é\","
                + "\"bool\":true,\"bin\":\"AQID\",\"dt\":\"2015-08-26\","
                + "\"ts\":\"2015-08-26T18:00:00.123Z\"}");
    assertThat(json.columns())
        .containsExactly("to_json(struct(b, s, i, l, f, d, dec, tiny, str, bool, bin, dt, ts, n))");
  }

  @Test
  void nonFiniteNumbersAreQuoted() {
    DataFrame df = one("x DOUBLE, y FLOAT, z DOUBLE", Double.NaN, Float.NEGATIVE_INFINITY, -0.0);
    assertThat(firstColumn(df.select(to_json(struct(col("x"), col("y"), col("z"))))))
        .containsExactly("{\"x\":\"NaN\",\"y\":\"-Infinity\",\"z\":-0.0}");
  }

  @Test
  void arraysMapsAndNesting() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", null);
    DataFrame df =
        one(
            "arr ARRAY<INT>, m MAP<STRING, INT>, s STRUCT<x: INT, y: ARRAY<STRING>>,"
                + " im MAP<INT, STRING>",
            Arrays.asList(1, null, 3),
            m,
            RowFactory.create(null, List.of("p")),
            Map.of(7, "seven"));
    assertThat(
            firstColumn(
                df.select(
                    to_json(col("arr")), to_json(col("m")), to_json(col("s")), to_json(col("im")))))
        .containsExactly("[1,null,3]");
    assertThat(
            df.select(to_json(col("arr")), to_json(col("m")), to_json(col("s")), to_json(col("im")))
                .collectAsList())
        .containsExactly(
            RowFactory.create(
                "[1,null,3]", "{\"a\":1,\"b\":null}", "{\"y\":[\"p\"]}", "{\"7\":\"seven\"}"));
    DataFrame structs =
        one(
            "a ARRAY<STRUCT<k: INT>>",
            List.of(RowFactory.create(1), RowFactory.create((Object) null)));
    assertThat(firstColumn(structs.select(to_json(col("a"))))).containsExactly("[{\"k\":1},{}]");
  }

  @Test
  void nullsAndIgnoreNullFields() {
    DataFrame df =
        session.createDataFrame(
            List.of(
                RowFactory.create(RowFactory.create(null, 1)), RowFactory.create((Object) null)),
            StructType.fromDDL("s STRUCT<a: STRING, b: INT>"));
    assertThat(firstColumn(df.select(to_json(col("s"))))).containsExactly("{\"b\":1}", null);
    assertThat(firstColumn(df.select(to_json(col("s"), opts("ignoreNullFields", "false")))))
        .containsExactly("{\"a\":null,\"b\":1}", null);
  }

  @Test
  void datetimeOptionsAndZones() {
    DataFrame df =
        one(
            "ts TIMESTAMP, d DATE",
            Timestamp.from(Instant.parse("2015-08-26T18:00:00Z")),
            Date.valueOf("2015-08-26"));
    assertThat(
            firstColumn(
                df.select(
                    to_json(
                        struct(col("ts"), col("d")),
                        opts("timestampFormat", "dd/MM/yyyy HH:mm", "dateFormat", "dd/MM/yyyy")))))
        .containsExactly("{\"ts\":\"26/08/2015 18:00\",\"d\":\"26/08/2015\"}");
    assertThat(
            firstColumn(
                df.select(to_json(struct(col("ts")), opts("timeZone", "America/Los_Angeles")))))
        .containsExactly("{\"ts\":\"2015-08-26T11:00:00.000-07:00\"}");
    Session la = session.newSession();
    la.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    DataFrame old =
        la.createDataFrame(
            List.of(RowFactory.create(Timestamp.from(Instant.parse("1800-01-01T07:52:58Z")))),
            StructType.fromDDL("t TIMESTAMP"));
    assertThat(firstColumn(old.select(to_json(struct(col("t"))))))
        .containsExactly("{\"t\":\"1800-01-01T00:00:00.000-07:52:58\"}");
  }

  @Test
  void intervalsAsTheirSqlText() {
    DataFrame df = one("x INT", 1);
    assertThat(
            firstColumn(
                df.select(to_json(struct(lit(Duration.ofHours(26).plusMinutes(3)).as("key"))))))
        .containsExactly("{\"key\":\"INTERVAL '1 02:03:00' DAY TO SECOND\"}");
  }

  @Test
  void prettyPrinting() {
    DataFrame df =
        one("a ARRAY<STRUCT<b: INT, c: ARRAY<INT>>>", List.of(RowFactory.create(1, List.of(2, 3))));
    assertThat(firstColumn(df.select(to_json(col("a"), opts("pretty", "true")))))
        .containsExactly("[ {\n  \"b\" : 1,\n  \"c\" : [ 2, 3 ]\n} ]");
  }

  @Test
  void roundTrips() {
    DataFrame json = JsonFunctionsTest.strings(session, "{\"a\":1,\"b\":[{\"c\":\"x\"}]}", "[1,2]");
    StructType schema = StructType.fromDDL("a INT, b ARRAY<STRUCT<c: STRING>>");
    assertThat(firstColumn(json.select(to_json(from_json(col("value"), schema)))))
        .containsExactly("{\"a\":1,\"b\":[{\"c\":\"x\"}]}", "{}");
  }

  @Test
  void toJsonNamesAndChecks() {
    DataFrame df = one("a INT, b STRING", 1, "x");
    assertThat(df.select(to_json(struct(col("a"), col("b")), opts("pretty", "false"))).columns())
        .containsExactly("to_json(struct(a, b))");
    assertThat(df.select(to_json(struct(col("a")))).schema().get(0).dataType().sql())
        .isEqualTo("STRING");
    assertThatThrownBy(() -> df.select(to_json(col("a"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.INVALID_JSON_SCHEMA");
              assertThat(e.getMessageParameters())
                  .containsEntry("schema", "\"INT\"")
                  .containsEntry("sqlExpr", "\"to_json(a)\"");
            });
  }

  private static final String BOOK0 =
      "{\"author\":\"Nigel Rees\",\"title\":\"Sayings\","
          + "\"category\":\"reference\",\"price\":8.95}";
  private static final String BASKET0 = "[1,2,{\"b\":\"y\",\"a\":\"x\"}]";
  private static final String BOOKS =
      "["
          + BOOK0
          + ",{\"author\":\"Herman Melville\","
          + "\"category\":\"fiction\",\"price\":8.99},{\"category\":\"fiction\","
          + "\"reader\":[{\"age\":25,\"name\":\"bob\"},{\"age\":26,\"name\":\"jack\"}]}]";
  private static final String STORE =
      "{\"store\":{\"fruit\":[{\"weight\":8,\"type\":\"apple\"},"
          + "{\"weight\":9,\"type\":\"pear\"}],\"basket\":["
          + BASKET0
          + ",[3,4],[5,6]],"
          + "\"book\":"
          + BOOKS
          + ",\"bicycle\":{\"price\":19.95,\"color\":\"red\"}},"
          + "\"owner\":\"amy\",\"zip code\":\"94025\",\"fb:testid\":\"1234\",\"none\":null}";

  private static String path(String json, String path) {
    return (String)
        firstColumn(
                JsonFunctionsTest.strings(session, json)
                    .select(get_json_object(col("value"), path)))
            .get(0);
  }

  @Test
  void getJsonObjectPaths() {
    assertThat(path(STORE, "$.owner")).isEqualTo("amy");
    assertThat(path(STORE, "$.store.bicycle")).isEqualTo("{\"price\":19.95,\"color\":\"red\"}");
    assertThat(path(STORE, "$.store.book")).isEqualTo(BOOKS);
    assertThat(path(STORE, "$.store.book[0]")).isEqualTo(BOOK0);
    assertThat(path(STORE, "$.store.book[*]")).isEqualTo(BOOKS);
    assertThat(path(STORE, "$.store.book[0].category")).isEqualTo("reference");
    assertThat(path(STORE, "$.store.book[*].category"))
        .isEqualTo("[\"reference\",\"fiction\",\"fiction\"]");
    assertThat(path(STORE, "$.store.book[*].reader[0].age")).isEqualTo("25");
    assertThat(path(STORE, "$.store.book[*].reader[*].age")).isEqualTo("[25,26]");
    assertThat(path(STORE, "$.store.basket[0][1]")).isEqualTo("2");
    assertThat(path(STORE, "$.store.basket[*][0]")).isEqualTo("[1,3,5]");
    assertThat(path(STORE, "$.store.basket[0][*]")).isEqualTo(BASKET0);
    assertThat(path(STORE, "$.store.basket[*][*]"))
        .isEqualTo("[1,2,{\"b\":\"y\",\"a\":\"x\"},3,4,5,6]");
    assertThat(path(STORE, "$.store.basket[0][2].b")).isEqualTo("y");
    assertThat(path(STORE, "$.store.basket[0][*].b")).isEqualTo("[\"y\"]");
    assertThat(path(STORE, "$['store']['bicycle']['color']")).isEqualTo("red");
    assertThat(path(STORE, "$.zip code")).isEqualTo("94025");
    assertThat(path(STORE, "$.fb:testid")).isEqualTo("1234");
    assertThat(path(STORE, "$.store.*")).isNull(); // a field wildcard under an object: as Spark
    assertThat(path(STORE, "$.non_exist_key")).isNull();
    assertThat(path(STORE, "$.store.book[10]")).isNull();
    assertThat(path(STORE, "$.store.basket[*].non_exist_key")).isNull();
    assertThat(path(STORE, "$.none")).isNull();
    assertThat(path("{\"a\":\"b\\nc\"}", "$.a")).isEqualTo("b\nc");
  }

  @Test
  void getJsonObjectRootsAndInvalidPaths() {
    assertThat(path("[1,2,3]", "$[0]")).isEqualTo("1");
    assertThat(path("[1,2,3]", "$[3]")).isNull();
    assertThat(path("[1,2,3]", "$.[0]")).isNull();
    assertThat(path("[1,2,3]", "$[*]")).isEqualTo("[1,2,3]");
    assertThat(path("[1,2,3]", "$")).isEqualTo("[1,2,3]");
    assertThat(path("{\"a\":4}", "$")).isEqualTo("{\"a\":4}");
    assertThat(path("[[\"a\",\"b\"]]", "$[0][1]")).isEqualTo("b");
    for (String bad : List.of("[0]", "$0", "0", "$.")) {
      assertThat(path("[1,2,3]", bad)).as(bad).isNull();
    }
    assertThat(path("{'name': 'fang', 'age': 5}", "$.name")).isEqualTo("fang");
    assertThat(path("{\"a\":\"before\",\"b\":\"", "$.a")).isNull(); // malformed
    assertThat(path("{\"a\":\"trailing\",\"b\":6} trailing text", "$.a")).isEqualTo("trailing");
    assertThat(path("[invalid JSON string]", "$.a")).isNull();
    assertThat(path("", "$")).isNull();
  }

  @Test
  void getJsonObjectNullsNamesAndColumnPaths() {
    DataFrame df =
        session.createDataFrame(
            List.of(
                RowFactory.create("{\"a\": {\"b\": 1}}", "$.a.b"),
                RowFactory.create(null, "$.a"),
                RowFactory.create("{\"a\": 2}", null)),
            StructType.fromDDL("j STRING, p STRING"));
    DataFrame byLiteral = df.select(get_json_object(col("j"), "$.a"));
    assertThat(byLiteral.columns()).containsExactly("get_json_object(j, $.a)");
    assertThat(firstColumn(byLiteral)).containsExactly("{\"b\":1}", null, "2");
    assertThat(
            firstColumn(
                df.select(
                    io.sluice.functions.call_function("get_json_object", col("j"), col("p")))))
        .containsExactly("1", null, null);
  }

  private static DataFrame tuples() {
    return session.createDataFrame(
        List.of(
            RowFactory.create(
                "1", "{\"f1\": \"value1\", \"f2\": \"value2\", \"f3\": 3, \"f5\": 5.23}"),
            RowFactory.create(
                "2", "{\"f1\": \"value12\", \"f3\": \"value3\", \"f2\": 2, \"f4\": 4.01}"),
            RowFactory.create(
                "3",
                "{\"f1\": \"value13\", \"f4\": \"value44\", \"f3\": \"value33\","
                    + " \"f2\": 2, \"f5\": 5.01}"),
            RowFactory.create("4", null),
            RowFactory.create("5", "{\"f1\": \"\", \"f5\": null}"),
            RowFactory.create("6", "[invalid JSON string]"),
            RowFactory.create("7", "{\"f1\": {\"x\" : [1, 2]}, \"f1\": null, \"f2\": 1, \"f3\"")),
        StructType.fromDDL("key STRING, jstring STRING"));
  }

  @Test
  void jsonTupleYieldsOneRowOfFieldsPerInputRow() {
    DataFrame df =
        tuples().select(col("key"), json_tuple(col("jstring"), "f1", "f2", "f3", "f4", "f5"));
    assertThat(df.columns()).containsExactly("key", "c0", "c1", "c2", "c3", "c4");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create("1", "value1", "value2", "3", null, "5.23"),
            RowFactory.create("2", "value12", "2", "value3", "4.01", null),
            RowFactory.create("3", "value13", "2", "value33", "value44", "5.01"),
            RowFactory.create("4", null, null, null, null, null),
            RowFactory.create("5", "", null, null, null, null),
            RowFactory.create("6", null, null, null, null, null),
            RowFactory.create("7", null, null, null, null, null));
    assertThat(
            firstColumn(
                JsonFunctionsTest.strings(
                        session, "{\"a\": {\"x\" : [1, 2]}, \"b\": 1, \"a\": null}")
                    .select(json_tuple(col("value"), "a", "a", "b"))))
        .containsExactly("{\"x\":[1,2]}");
  }

  @Test
  void jsonTupleInSqlFiltersAndGroups() {
    tuples().createOrReplaceTempView("json_tuples");
    assertThat(
            session
                .sql(
                    "SELECT key, json_tuple(jstring, 'f1', 'f2') FROM json_tuples"
                        + " WHERE key = '1'")
                .collectAsList())
        .containsExactly(RowFactory.create("1", "value1", "value2"));
    assertThat(
            session
                .sql(
                    "SELECT key, t.x FROM json_tuples LATERAL VIEW"
                        + " json_tuple(jstring, 'f3') t AS x WHERE key IN ('1', '3')")
                .collectAsList())
        .containsExactlyInAnyOrder(RowFactory.create("1", "3"), RowFactory.create("3", "value33"));
    DataFrame grouped =
        tuples()
            .select(json_tuple(col("jstring"), "f1", "f2"))
            .where(col("c0").isNotNull())
            .groupBy(col("c1"))
            .count();
    assertThat(grouped.collectAsList())
        .containsExactlyInAnyOrder(
            RowFactory.create(null, 1L),
            RowFactory.create("2", 2L),
            RowFactory.create("value2", 1L));
  }

  @Test
  void jsonTupleArgumentsMustBeStrings() {
    DataFrame ints = one("a INT", 1);
    assertThatThrownBy(() -> ints.select(json_tuple(col("a"), "1")))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.NON_STRING_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("sqlExpr", "\"json_tuple(a, 1)\"")
                  .containsEntry("funcName", "`json_tuple`");
            });
  }
}
