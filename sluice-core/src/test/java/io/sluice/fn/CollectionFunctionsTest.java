package io.sluice.fn;

import static io.sluice.functions.array;
import static io.sluice.functions.array_contains;
import static io.sluice.functions.array_distinct;
import static io.sluice.functions.array_join;
import static io.sluice.functions.array_sort;
import static io.sluice.functions.call_function;
import static io.sluice.functions.cardinality;
import static io.sluice.functions.col;
import static io.sluice.functions.element_at;
import static io.sluice.functions.flatten;
import static io.sluice.functions.lit;
import static io.sluice.functions.map;
import static io.sluice.functions.map_from_arrays;
import static io.sluice.functions.map_keys;
import static io.sluice.functions.map_values;
import static io.sluice.functions.size;
import static io.sluice.functions.slice;
import static io.sluice.functions.sort_array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The array and map functions through the whole engine: registry, coercion, kernels, names. */
class CollectionFunctionsTest {
  private static Session session;
  private static Session legacy;
  private static DataFrame df;
  private static DataFrame legacyDf;

  private static final StructType SCHEMA =
      StructType.fromDDL("id INT, a ARRAY<INT>, s ARRAY<STRING>, m MAP<STRING, INT>, d DOUBLE");

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    legacy = Session.builder().master("local[2]").create();
    legacy.conf().set("spark.sql.ansi.enabled", "false");
    List<Row> rows =
        List.of(
            RowFactory.create(
                1, List.of(1, 2, 3), Arrays.asList("x", "y", null), mapOf("k1", 1, "k2", 2), 1.5),
            RowFactory.create(2, List.of(), List.of(), mapOf(), 2.0),
            RowFactory.create(3, null, null, null, null),
            RowFactory.create(
                4, Arrays.asList(3, null, 1, 3), List.of("b", "a"), mapOf("k", null), Double.NaN));
    df = session.createDataFrame(rows, SCHEMA);
    legacyDf = legacy.createDataFrame(rows, SCHEMA);
  }

  @AfterAll
  static void stop() {
    session.stop();
    legacy.stop();
  }

  private static Map<Object, Object> mapOf(Object... kv) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static List<Object> values(DataFrame frame) {
    List<Object> out = new ArrayList<>();
    for (Row r : frame.collectAsList()) out.add(r.get(0));
    return out;
  }

  private static SluiceException error(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(SluiceException.class);
    return (SluiceException) t;
  }

  @Test
  void arrayBuildsFromColumnsWithTheCommonTypeAndSparksName() {
    DataFrame out = df.select(array(col("id"), lit(2L), col("d")));
    assertThat(out.columns()).containsExactly("array(id, 2, d)");
    assertThat(out.schema().fields()[0].dataType().simpleString()).isEqualTo("array<double>");
    assertThat(values(out))
        .containsExactly(
            List.of(1.0, 2.0, 1.5),
            List.of(2.0, 2.0, 2.0),
            Arrays.asList(3.0, 2.0, null),
            List.of(4.0, 2.0, Double.NaN));
    DataFrame empty = df.select(array());
    assertThat(empty.schema().fields()[0].dataType().simpleString()).isEqualTo("array<void>");
    assertThat(values(empty)).allMatch(v -> ((List<?>) v).isEmpty());
    SluiceException e = error(() -> df.select(array(col("id"), col("a"))));
    assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.DATA_DIFF_TYPES");
    assertThat(e.getMessageParameters())
        .containsEntry("functionName", "`array`")
        .containsEntry("dataType", "[\"INT\", \"ARRAY<INT>\"]");
  }

  @Test
  void mapBuildsFromKeyValuePairsAndRejectsNullAndDuplicateKeys() {
    DataFrame out =
        df.filter(col("id").equalTo(1)).select(map(lit("a"), col("id"), lit("b"), col("d")));
    assertThat(out.columns()).containsExactly("map(a, id, b, d)");
    assertThat(out.schema().fields()[0].dataType().simpleString()).isEqualTo("map<string,double>");
    assertThat(values(out)).containsExactly(mapOf("a", 1.0, "b", 1.5));
    SluiceException dup =
        error(() -> df.select(map(lit("a"), col("id"), lit("a"), col("id"))).collectAsList());
    assertThat(dup.getErrorClass()).isEqualTo("DUPLICATED_MAP_KEY");
    assertThat(dup.getMessageParameters())
        .containsEntry("key", "a")
        .containsEntry("mapKeyDedupPolicy", "\"spark.sql.mapKeyDedupPolicy\"");
    SluiceException nullKey = error(() -> df.select(map(col("d"), col("id"))).collectAsList());
    assertThat(nullKey.getErrorClass()).isEqualTo("NULL_MAP_KEY");
    SluiceException odd = error(() -> df.select(map(lit("a"))));
    assertThat(odd.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.WRONG_NUM_ARGS");
  }

  @Test
  void sizeIsNullForNullUnderAnsiAndMinusOneInLegacyMode() {
    DataFrame out = df.select(size(col("a")), size(col("m")), cardinality(col("s")));
    assertThat(out.columns()).containsExactly("size(a)", "size(m)", "cardinality(s)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(3, 2, 3),
            RowFactory.create(0, 0, 0),
            RowFactory.create(null, null, null),
            RowFactory.create(4, 1, 2));
    assertThat(out.schema().fields()[0].nullable()).isTrue();
    DataFrame old = legacyDf.select(size(col("a")));
    assertThat(values(old)).containsExactly(3, 0, -1, 4);
    assertThat(old.schema().fields()[0].nullable()).isFalse();
    legacy.conf().set("spark.sql.legacy.sizeOfNull", "false");
    try {
      assertThat(values(legacyDf.select(size(col("a"))))).containsExactly(3, 0, null, 4);
    } finally {
      legacy.conf().unset("spark.sql.legacy.sizeOfNull");
    }
  }

  @Test
  void elementAtIsOneBasedCountsFromTheEndAndLooksUpMapKeys() {
    DataFrame out =
        df.filter(col("id").notEqual(2))
            .select(element_at(col("a"), 1), element_at(col("a"), -1), element_at(col("m"), "k2"));
    assertThat(out.columns())
        .containsExactly("element_at(a, 1)", "element_at(a, -1)", "element_at(m, k2)");
    assertThat(out.schema().fields()[0].dataType().simpleString()).isEqualTo("int");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(1, 3, 2),
            RowFactory.create(null, null, null),
            RowFactory.create(3, 3, null));
    assertThat(values(df.select(element_at(col("m"), "k1")))).containsExactly(1, null, null, null);
  }

  @Test
  void elementAtOutOfRangeFailsUnderAnsiAndIsNullOtherwise() {
    SluiceException e = error(() -> df.select(element_at(col("a"), 5)).collectAsList());
    assertThat(e.getErrorClass()).isEqualTo("INVALID_ARRAY_INDEX_IN_ELEMENT_AT");
    assertThat(e.getMessageParameters())
        .containsEntry("indexValue", "5")
        .containsEntry("arraySize", "3")
        .containsEntry("ansiConfig", "\"spark.sql.ansi.enabled\"");
    assertThat(values(legacyDf.select(element_at(col("a"), 5))))
        .containsExactly(null, null, null, null);
    assertThat(values(legacyDf.select(element_at(col("a"), -4))))
        .containsExactly(null, null, null, 3);
    SluiceException zero = error(() -> legacyDf.select(element_at(col("a"), 0)).collectAsList());
    assertThat(zero.getErrorClass()).isEqualTo("INVALID_INDEX_OF_ZERO");
    SluiceException type = error(() -> df.select(element_at(col("d"), 1)));
    assertThat(type.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(type.getMessageParameters()).containsEntry("requiredType", "(\"ARRAY\" or \"MAP\")");
  }

  @Test
  void arrayContainsIsThreeValued() {
    DataFrame out = df.select(array_contains(col("a"), 3), array_contains(col("a"), 2));
    assertThat(out.columns()).containsExactly("array_contains(a, 3)", "array_contains(a, 2)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(true, true),
            RowFactory.create(false, false),
            RowFactory.create(null, null),
            RowFactory.create(true, null));
    assertThat(values(df.select(array_contains(col("a"), 2.5))))
        .containsExactly(false, false, null, null);
    SluiceException nullType = error(() -> df.select(array_contains(col("a"), lit(null))));
    assertThat(nullType.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.NULL_TYPE");
    SluiceException diff = error(() -> df.select(array_contains(col("a"), col("m"))));
    assertThat(diff.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES");
    assertThat(diff.getMessageParameters())
        .containsEntry("leftType", "\"ARRAY<INT>\"")
        .containsEntry("rightType", "\"MAP<STRING, INT>\"");
  }

  @Test
  void arrayDistinctKeepsFirstOccurrencesAndOneNull() {
    DataFrame out = df.select(array_distinct(col("a")));
    assertThat(out.columns()).containsExactly("array_distinct(a)");
    assertThat(values(out))
        .containsExactly(List.of(1, 2, 3), List.of(), null, Arrays.asList(3, null, 1));
    DataFrame doubles =
        session.createDataFrame(
            List.of(
                RowFactory.create(Arrays.asList(Double.NaN, 0.0, -0.0, Double.NaN, null, null))),
            StructType.fromDDL("x ARRAY<DOUBLE>"));
    assertThat(values(doubles.select(array_distinct(col("x")))))
        .containsExactly(Arrays.asList(Double.NaN, 0.0, null));
  }

  @Test
  void arrayJoinSkipsOrReplacesNulls() {
    DataFrame out = df.select(array_join(col("s"), ","), array_join(col("s"), "-", "?"));
    assertThat(out.columns()).containsExactly("array_join(s, ,)", "array_join(s, -, ?)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create("x,y", "x-y-?"),
            RowFactory.create("", ""),
            RowFactory.create(null, null),
            RowFactory.create("b,a", "b-a"));
    assertThat(values(df.select(array_join(col("a"), "+"))))
        .containsExactly("1+2+3", "", null, "3+1+3");
  }

  @Test
  void sortArrayAndArraySortPlaceNullsAsSpark() {
    DataFrame out =
        df.select(sort_array(col("a")), sort_array(col("a"), false), array_sort(col("a")));
    assertThat(out.columns()[0]).isEqualTo("sort_array(a, true)");
    assertThat(out.columns()[1]).isEqualTo("sort_array(a, false)");
    assertThat(out.columns()[2])
        .isEqualTo(
            "array_sort(a, lambdafunction((IF(("
                + "(namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS"
                + " NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() <"
                + " namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1,"
                + " 0)))))))))), namedlambdavariable(), namedlambdavariable()))");
    List<Row> rows = out.collectAsList();
    assertThat(rows.get(3))
        .isEqualTo(
            RowFactory.create(
                Arrays.asList(null, 1, 3, 3),
                Arrays.asList(3, 3, 1, null),
                Arrays.asList(1, 3, 3, null)));
    assertThat(rows.get(2)).isEqualTo(RowFactory.create(null, null, null));
    assertThat(rows.get(1)).isEqualTo(RowFactory.create(List.of(), List.of(), List.of()));
    DataFrame doubles =
        session.createDataFrame(
            List.of(RowFactory.create(Arrays.asList(2.0, Double.NaN, -1.0, null))),
            StructType.fromDDL("x ARRAY<DOUBLE>"));
    assertThat(values(doubles.select(array_sort(col("x")))))
        .containsExactly(Arrays.asList(-1.0, 2.0, Double.NaN, null));
    SluiceException order = error(() -> df.select(sort_array(array(col("m")))));
    assertThat(order.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE");
    SluiceException notLiteral =
        error(() -> df.select(call_function("sort_array", col("a"), col("id").gt(1))));
    assertThat(notLiteral.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
  }

  @Test
  void sortsLongArraysStably() {
    List<Integer> big = new ArrayList<>();
    for (int i = 0; i < 200; i++) big.add((i * 37) % 101);
    DataFrame frame =
        session.createDataFrame(
            List.of(RowFactory.create(big)), StructType.fromDDL("x ARRAY<INT>"));
    List<Integer> expected = new ArrayList<>(big);
    expected.sort(null);
    assertThat(values(frame.select(sort_array(col("x"))))).containsExactly(expected);
  }

  @Test
  void sliceTakesFromAOneBasedStart() {
    DataFrame out = df.select(slice(col("a"), 2, 2), slice(col("a"), -2, 5), slice(col("a"), 9, 1));
    assertThat(out.columns())
        .containsExactly("slice(a, 2, 2)", "slice(a, -2, 5)", "slice(a, 9, 1)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(List.of(2, 3), List.of(2, 3), List.of()),
            RowFactory.create(List.of(), List.of(), List.of()),
            RowFactory.create(null, null, null),
            RowFactory.create(Arrays.asList(null, 1), List.of(1, 3), List.of()));
    SluiceException start = error(() -> df.select(slice(col("a"), 0, 1)).collectAsList());
    assertThat(start.getErrorClass()).isEqualTo("INVALID_PARAMETER_VALUE.START");
    assertThat(start.getMessageParameters())
        .containsEntry("parameter", "`start`")
        .containsEntry("functionName", "`slice`");
    SluiceException length = error(() -> legacyDf.select(slice(col("a"), 1, -1)).collectAsList());
    assertThat(length.getErrorClass()).isEqualTo("INVALID_PARAMETER_VALUE.LENGTH");
    assertThat(length.getMessageParameters()).containsEntry("length", "-1");
  }

  @Test
  void flattenIsNullWhenAnInnerArrayIsNull() {
    DataFrame nested =
        session.createDataFrame(
            List.of(
                RowFactory.create(List.of(List.of(1, 2), List.of(), List.of(3))),
                RowFactory.create(Arrays.asList(List.of(1), null)),
                RowFactory.create((Object) null),
                RowFactory.create(List.of())),
            StructType.fromDDL("x ARRAY<ARRAY<INT>>"));
    DataFrame out = nested.select(flatten(col("x")));
    assertThat(out.columns()).containsExactly("flatten(x)");
    assertThat(values(out)).containsExactly(List.of(1, 2, 3), null, null, List.of());
    SluiceException e = error(() -> df.select(flatten(col("a"))));
    assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(e.getMessageParameters()).containsEntry("requiredType", "\"ARRAY\" of \"ARRAY\"");
  }

  @Test
  void mapKeysValuesAndMapFromArrays() {
    DataFrame out = df.select(map_keys(col("m")), map_values(col("m")));
    assertThat(out.columns()).containsExactly("map_keys(m)", "map_values(m)");
    assertThat(out.schema().fields()[0].dataType().simpleString()).isEqualTo("array<string>");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(List.of("k1", "k2"), List.of(1, 2)),
            RowFactory.create(List.of(), List.of()),
            RowFactory.create(null, null),
            RowFactory.create(List.of("k"), Arrays.asList((Object) null)));
    DataFrame built = df.select(map_from_arrays(col("s"), col("a")));
    assertThat(built.columns()).containsExactly("map_from_arrays(s, a)");
    SluiceException nullKey =
        error(
            () ->
                df.filter(col("id").equalTo(1))
                    .select(map_from_arrays(col("s"), col("a")))
                    .collectAsList());
    assertThat(nullKey.getErrorClass()).isEqualTo("NULL_MAP_KEY");
    SluiceException sizes =
        error(
            () ->
                df.filter(col("id").equalTo(4))
                    .select(map_from_arrays(col("s"), col("a")))
                    .collectAsList());
    assertThat(sizes.getErrorClass()).isEqualTo("_LEGACY_ERROR_TEMP_2128");
    DataFrame ok = df.filter(col("id").isin(2, 3)).select(map_from_arrays(col("a"), col("s")));
    assertThat(values(ok)).containsExactly(mapOf(), null);
    SluiceException dup =
        error(
            () ->
                df.filter(col("id").equalTo(4))
                    .select(map_from_arrays(col("a"), col("a")))
                    .collectAsList());
    assertThat(dup.getErrorClass()).isIn("DUPLICATED_MAP_KEY", "NULL_MAP_KEY");
    DataFrame distinctKeys =
        df.filter(col("id").equalTo(1)).select(map_from_arrays(col("a"), col("s")));
    assertThat(values(distinctKeys)).containsExactly(mapOf(1, "x", 2, "y", 3, null));
  }

  @Test
  void functionsAreCallableByNameAsSqlWill() {
    DataFrame out =
        df.select(call_function("element_at", col("a"), lit(2)), call_function("size", col("s")));
    assertThat(out.columns()).containsExactly("element_at(a, 2)", "size(s)");
    assertThatThrownBy(() -> df.select(call_function("size", col("a"), col("s"))))
        .isInstanceOf(AnalysisException.class);
  }
}
