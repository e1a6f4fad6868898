package io.sluice.fn;

import static io.sluice.functions.call_function;
import static io.sluice.functions.col;
import static io.sluice.functions.ilike;
import static io.sluice.functions.like;
import static io.sluice.functions.lit;
import static io.sluice.functions.regexp_extract;
import static io.sluice.functions.regexp_extract_all;
import static io.sluice.functions.regexp_like;
import static io.sluice.functions.regexp_replace;
import static io.sluice.functions.rlike;
import static io.sluice.functions.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** like/ilike/rlike and the regex functions (split, regexp_extract, regexp_replace). */
class StringPatternFunctionsTest {
  private static Session session;
  private static DataFrame texts;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    texts =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("Spark", "_park"),
                RowFactory.create("spark\nsql", "%sql"),
                RowFactory.create("50% off", "50\\%%"),
                RowFactory.create("héllo", "h_llo"),
                RowFactory.create(null, "%"),
                RowFactory.create("x", null)),
            StructType.fromDDL("s STRING, p STRING"));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<Object> column(DataFrame df, int i) {
    return df.collectAsList().stream().map(r -> r.get(i)).toList();
  }

  private static List<Object> values(DataFrame df) {
    Row r = df.collectAsList().get(0);
    Object[] out = new Object[r.length()];
    for (int i = 0; i < out.length; i++) out[i] = r.get(i);
    return Arrays.asList(out);
  }

  @Test
  void likeMatchesWholeStringsWithWildcardsAndEscapes() {
    DataFrame df =
        texts.select(
            col("s").like("%ar%"),
            col("s").like("S%"),
            col("s").like("%k"),
            col("s").like("_park"),
            col("s").like("Spark"),
            like(col("s"), col("p")),
            col("s").like("%"));
    assertThat(df.columns())
        .containsExactly(
            "s LIKE %ar%",
            "s LIKE S%", "s LIKE %k", "s LIKE _park", "s LIKE Spark", "s LIKE p", "s LIKE %");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.BooleanType);
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create(true, true, true, true, true, true, true),
            // % and _ match line breaks too
            RowFactory.create(true, false, false, false, false, true, true),
            RowFactory.create(false, false, false, false, false, true, true),
            RowFactory.create(false, false, false, false, false, true, true),
            RowFactory.create(null, null, null, null, null, null, null),
            RowFactory.create(false, false, false, false, false, null, true));
  }

  @Test
  void likeWithACustomEscapeCharacter() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create("%SystemDrive%/Users/John", "a_b")),
            StructType.fromDDL("s STRING, t STRING"));
    DataFrame out =
        df.select(
            like(col("s"), lit("/%SystemDrive/%//Users%"), lit("/")),
            like(col("t"), lit("a!_b"), lit("!")),
            like(col("t"), lit("a!_c"), lit("!")),
            call_function("like", col("t"), lit("a\\_b")));
    assertThat(out.columns())
        .containsExactly(
            "s LIKE /%SystemDrive/%//Users% ESCAPE '/'",
            "t LIKE a!_b ESCAPE '!'", "t LIKE a!_c ESCAPE '!'", "t LIKE a\\_b");
    assertThat(values(out)).containsExactly(true, true, false, true);
  }

  @Test
  void likeRejectsMisplacedEscapes() {
    assertThatThrownBy(() -> texts.select(col("s").like("a\\b")).collectAsList())
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_FORMAT.ESC_IN_THE_MIDDLE");
              assertThat(e.getMessageParameters())
                  .containsEntry("format", "'a\\\\b'")
                  .containsEntry("char", "'b'");
            });
    assertThatThrownBy(() -> texts.select(col("s").like("ab\\")).collectAsList())
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_FORMAT.ESC_AT_THE_END");
              assertThat(e.getMessageParameters()).containsEntry("format", "'ab\\\\'");
            });
    assertThatThrownBy(() -> texts.select(like(col("s"), lit("a"), lit("ab"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_ESCAPE_CHAR");
              assertThat(e.getMessageParameters()).containsEntry("sqlExpr", "\"ab\"");
            });
  }

  @Test
  void ilikeIgnoresCase() {
    DataFrame df = texts.select(col("s").ilike("%PARK"), ilike(col("s"), lit("H_LLO")));
    assertThat(df.columns()).containsExactly("ilike(s, %PARK)", "ilike(s, H_LLO)");
    assertThat(column(df, 0)).containsExactly(true, false, false, false, null, false);
    assertThat(column(df, 1)).containsExactly(false, false, false, true, null, false);
  }

  @Test
  void rlikeFindsTheRegexAnywhere() {
    DataFrame df =
        texts.select(
            col("s").rlike("ar"),
            rlike(col("s"), lit("^S")),
            regexp_like(col("s"), lit("l+o$")),
            call_function("regexp", col("s"), lit("q")));
    assertThat(df.columns())
        .containsExactly("RLIKE(s, ar)", "RLIKE(s, ^S)", "REGEXP_LIKE(s, l+o$)", "REGEXP(s, q)");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create(true, true, false, false),
                RowFactory.create(true, false, false, true),
            RowFactory.create(false, false, false, false),
                RowFactory.create(false, false, true, false),
            RowFactory.create(null, null, null, null),
                RowFactory.create(false, false, false, false));
  }

  @Test
  void anInvalidRegexNamesThePatternAndTheFunction() {
    assertThatThrownBy(() -> texts.select(col("s").rlike("[")).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_PARAMETER_VALUE.PATTERN");
              assertThat(e.getMessageParameters())
                  .containsEntry("parameter", "`regexp`")
                  .containsEntry("functionName", "`rlike`")
                  .containsEntry("value", "'['");
            });
    assertThatThrownBy(() -> texts.select(regexp_extract(col("s"), "(a", 1)).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getMessageParameters())
                    .containsEntry("functionName", "`regexp_extract`"));
  }

  @Test
  void splitHasJavaSemanticsWithSparksLimitAndEmptyRegex() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("oneAtwoBthreeC", "a,b,,c,,"), RowFactory.create("", "")),
            StructType.fromDDL("s STRING, c STRING"));
    DataFrame out =
        df.select(
            split(col("s"), "[ABC]"),
            split(col("s"), "[ABC]", 2),
            split(col("s"), "[ABC]", 0),
            split(col("c"), ","),
            split(col("c"), ",", 3),
            split(col("s"), ""),
            split(col("s"), "", 3),
            split(col("c"), "\\|"));
    assertThat(out.columns())
        .containsExactly(
            "split(s, [ABC], -1)",
            "split(s, [ABC], 2)",
            "split(s, [ABC], 0)",
            "split(c, ,, -1)",
            "split(c, ,, 3)",
            "split(s, , -1)",
            "split(s, , 3)",
            "split(c, \\|, -1)");
    assertThat(out.schema().fields()[0].dataType())
        .isEqualTo(new ArrayType(DataTypes.StringType, false));
    List<Row> rows = out.collectAsList();
    Row r = rows.get(0);
    assertThat(r.getList(0)).containsExactly("one", "two", "three", "");
    assertThat(r.getList(1)).containsExactly("one", "twoBthreeC");
    assertThat(r.getList(2)).containsExactly("one", "two", "three", "");
    assertThat(r.getList(3)).containsExactly("a", "b", "", "c", "", "");
    assertThat(r.getList(4)).containsExactly("a", "b", ",c,,");
    assertThat(r.getList(5)).hasSize(14).startsWith("o", "n", "e").endsWith("C");
    assertThat(r.getList(6)).containsExactly("o", "n", "eAtwoBthreeC");
    assertThat(r.getList(7)).containsExactly("a,b,,c,,");
    Row empty = rows.get(1);
    assertThat(empty.getList(0)).containsExactly("");
    assertThat(empty.getList(3)).containsExactly("");
    assertThat(empty.getList(5)).containsExactly("");
  }

  @Test
  void splitOfUnicodeAndPerRowPatterns() {
    DataFrame df =
        session
            .createDataFrame(
                Arrays.asList(
                    RowFactory.create("é-à-ü", "-"),
                    RowFactory.create("a1b22c", "\\d+"),
                    RowFactory.create(null, "-")),
                StructType.fromDDL("s STRING, p STRING"))
            .select(split(col("s"), col("p")));
    List<Row> rows = df.collectAsList();
    assertThat(rows.get(0).getList(0)).containsExactly("é", "à", "ü");
    assertThat(rows.get(1).getList(0)).containsExactly("a", "b", "c");
    assertThat(rows.get(2).get(0)).isNull();
  }

  @Test
  void regexpExtractTakesAGroupOfTheFirstMatch() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("100-200"),
                RowFactory.create("x"),
                RowFactory.create("é-42"),
                RowFactory.create((Object) null)),
            StructType.fromDDL("s STRING"));
    DataFrame out =
        df.select(
            regexp_extract(col("s"), "(\\d+)-(\\d+)", 1),
            regexp_extract(col("s"), "(\\d+)-(\\d+)", 0),
            call_function("regexp_extract", col("s"), lit("(\\d+)")),
            regexp_extract(col("s"), "(a)?(\\d+)", 1),
            regexp_extract(col("s"), "(.)-", 1));
    assertThat(out.columns())
        .containsExactly(
            "regexp_extract(s, (\\d+)-(\\d+), 1)",
            "regexp_extract(s, (\\d+)-(\\d+), 0)",
            "regexp_extract(s, (\\d+), 1)",
            "regexp_extract(s, (a)?(\\d+), 1)",
            "regexp_extract(s, (.)-, 1)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create("100", "100-200", "100", "", "0"),
            RowFactory.create("", "", "", "", ""),
            RowFactory.create("", "", "42", "", "é"),
            RowFactory.create(null, null, null, null, null));
  }

  @Test
  void regexpExtractAllTakesAGroupOfEveryMatch() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("100-200, 300-400"),
                RowFactory.create("é1é22"),
                RowFactory.create("none"),
                RowFactory.create((Object) null)),
            StructType.fromDDL("s STRING"));
    DataFrame out =
        df.select(
            regexp_extract_all(col("s"), lit("(\\d+)-(\\d+)")),
            regexp_extract_all(col("s"), lit("(\\d+)-(\\d+)"), lit(2)),
            regexp_extract_all(col("s"), lit("\\d+"), lit(0)));
    assertThat(out.columns())
        .containsExactly(
            "regexp_extract_all(s, (\\d+)-(\\d+), 1)",
            "regexp_extract_all(s, (\\d+)-(\\d+), 2)",
            "regexp_extract_all(s, \\d+, 0)");
    assertThat(out.schema().fields()[0].dataType())
        .isEqualTo(new ArrayType(DataTypes.StringType, true));
    List<Row> rows = out.collectAsList();
    assertThat(rows.get(0).getList(0)).containsExactly("100", "300");
    assertThat(rows.get(0).getList(1)).containsExactly("200", "400");
    assertThat(rows.get(1).getList(2)).containsExactly("1", "22");
    assertThat(rows.get(2).getList(2)).isEmpty();
    assertThat(rows.get(3).get(0)).isNull();
    assertThatThrownBy(() -> df.select(regexp_extract_all(col("s"), lit("\\d+"))).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getErrorClass())
                    .isEqualTo("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX"));
  }

  @Test
  void regexpExtractRejectsAGroupIndexOutOfRange() {
    assertThatThrownBy(() -> texts.select(regexp_extract(col("s"), "(a)r", 2)).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX");
              assertThat(e.getMessageParameters())
                  .containsEntry("parameter", "`idx`")
                  .containsEntry("functionName", "`regexp_extract`")
                  .containsEntry("groupCount", "1")
                  .containsEntry("groupIndex", "2");
            });
    // no match, no check (as in Spark)
    assertThat(column(texts.select(regexp_extract(col("s"), "(zz)", 5)), 0))
        .containsExactly("", "", "", "", null, "");
  }

  @Test
  void regexpReplaceReplacesEveryMatchFromAPosition() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("100-200"),
                RowFactory.create("éé-1"),
                RowFactory.create((Object) null)),
            StructType.fromDDL("s STRING"));
    DataFrame out =
        df.select(
            regexp_replace(col("s"), "(\\d+)", "num"),
            regexp_replace(col("s"), "(\\d)(\\d*)", "$2$1"),
            call_function("regexp_replace", col("s"), lit("\\d"), lit("x"), lit(3)),
            call_function("regexp_replace", col("s"), lit("\\d"), lit("x"), lit(30)),
            call_function("regexp_replace", col("s"), lit("^."), lit("x"), lit(2)));
    assertThat(out.columns())
        .containsExactly(
            "regexp_replace(s, (\\d+), num, 1)",
            "regexp_replace(s, (\\d)(\\d*), $2$1, 1)",
            "regexp_replace(s, \\d, x, 3)",
            "regexp_replace(s, \\d, x, 30)",
            "regexp_replace(s, ^., x, 2)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create("num-num", "001-002", "10x-xxx", "100-200", "1x0-200"),
            RowFactory.create("éé-num", "éé-1", "éé-x", "éé-1", "éx-1"),
            RowFactory.create(null, null, null, null, null));
  }

  @Test
  void regexpReplacePositionMustBeAPositiveConstant() {
    assertThatThrownBy(
            () ->
                texts.select(call_function("regexp_replace", col("s"), lit("a"), lit("b"), lit(0))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE");
              assertThat(e.getMessageParameters())
                  .containsEntry("sqlExpr", "\"regexp_replace(s, a, b, 0)\"")
                  .containsEntry("exprName", "position")
                  .containsEntry("valueRange", "(0, 2147483647]")
                  .containsEntry("currentValue", "0");
            });
    DataFrame n =
        session.createDataFrame(
            List.of(RowFactory.create("a", 1)), StructType.fromDDL("s STRING, n INT"));
    assertThatThrownBy(
            () -> n.select(call_function("regexp_replace", col("s"), lit("a"), lit("b"), col("n"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT");
              assertThat(e.getMessageParameters())
                  .containsEntry("inputName", "`position`")
                  .containsEntry("inputType", "\"INT\"")
                  .containsEntry("inputExpr", "\"n\"");
            });
  }

  @Test
  void aReplacementNamingAMissingGroupFails() {
    DataFrame spark =
        session.createDataFrame(
            List.of(RowFactory.create("Spark")), StructType.fromDDL("s STRING"));
    assertThatThrownBy(() -> spark.select(regexp_replace(col("s"), "(a)", "$2")).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_REGEXP_REPLACE");
              assertThat(e.getMessageParameters())
                  .containsEntry("source", "Spark")
                  .containsEntry("pattern", "(a)")
                  .containsEntry("replacement", "$2")
                  .containsEntry("position", "1");
            });
  }
}
