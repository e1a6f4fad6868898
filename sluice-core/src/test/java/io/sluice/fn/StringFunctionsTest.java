package io.sluice.fn;

import static io.sluice.functions.ascii;
import static io.sluice.functions.bit_length;
import static io.sluice.functions.btrim;
import static io.sluice.functions.call_function;
import static io.sluice.functions.char_length;
import static io.sluice.functions.col;
import static io.sluice.functions.concat;
import static io.sluice.functions.concat_ws;
import static io.sluice.functions.initcap;
import static io.sluice.functions.instr;
import static io.sluice.functions.left;
import static io.sluice.functions.length;
import static io.sluice.functions.lit;
import static io.sluice.functions.locate;
import static io.sluice.functions.lower;
import static io.sluice.functions.lpad;
import static io.sluice.functions.ltrim;
import static io.sluice.functions.octet_length;
import static io.sluice.functions.position;
import static io.sluice.functions.repeat;
import static io.sluice.functions.replace;
import static io.sluice.functions.reverse;
import static io.sluice.functions.right;
import static io.sluice.functions.rpad;
import static io.sluice.functions.rtrim;
import static io.sluice.functions.substring;
import static io.sluice.functions.substring_index;
import static io.sluice.functions.translate;
import static io.sluice.functions.trim;
import static io.sluice.functions.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The string functions through the whole engine: registry, coercion, kernel, names. */
class StringFunctionsTest {
  private static Session session;
  private static DataFrame words;
  private static DataFrame one;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    words =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("Hello", 1),
                RowFactory.create("straße ÉTÉ", 2),
                RowFactory.create(null, 3)),
            StructType.fromDDL("s STRING, n INT"));
    one =
        session.createDataFrame(
            List.of(RowFactory.create("Spark SQL", null, "")),
            StructType.fromDDL("s STRING, z STRING, e STRING"));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<Object> values(DataFrame df) {
    Row r = df.collectAsList().get(0);
    Object[] out = new Object[r.length()];
    for (int i = 0; i < out.length; i++) out[i] = r.get(i);
    return Arrays.asList(out);
  }

  private static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @Test
  void upperAndLowerMapAsciiAndUnicode() {
    List<Row> rows = words.select(upper(col("s")), lower(col("s"))).collectAsList();
    assertThat(rows)
        .containsExactly(
            RowFactory.create("HELLO", "hello"),
            RowFactory.create("STRASSE ÉTÉ", "straße été"),
            RowFactory.create(null, null));
    assertThat(words.select(upper(col("s"))).columns()).containsExactly("upper(s)");
  }

  @Test
  void argumentsAreCoercedToStringAndAliasesKeepTheirName() {
    DataFrame df = words.select(call_function("ucase", col("n")));
    assertThat(df.columns()).containsExactly("ucase(n)");
    assertThat(df.collectAsList())
        .containsExactly(RowFactory.create("1"), RowFactory.create("2"), RowFactory.create("3"));
  }

  @Test
  void initcapCapitalizesWordsSplitAtSpaces() {
    DataFrame df =
        session
            .createDataFrame(
                Arrays.asList(
                    RowFactory.create("sPark sql"),
                    RowFactory.create("élan  vital-x"),
                    RowFactory.create(""),
                    RowFactory.create((Object) null)),
                StructType.fromDDL("s STRING"))
            .select(initcap(col("s")));
    assertThat(df.columns()).containsExactly("initcap(s)");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create("Spark Sql"),
            RowFactory.create("Élan  Vital-x"),
            RowFactory.create(""),
            RowFactory.create((Object) null));
  }

  @Test
  void concatPropagatesNullsAndCastsToString() {
    DataFrame df = words.select(concat(col("s"), lit("-"), col("n")), concat());
    assertThat(df.columns()).containsExactly("concat(s, -, n)", "concat()");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create("Hello-1", ""),
            RowFactory.create("straße ÉTÉ-2", ""),
            RowFactory.create(null, ""));
  }

  @Test
  void concatOfBinariesIsBinaryAndOfArraysIsAnArray() {
    DataFrame df =
        session
            .createDataFrame(
                List.of(RowFactory.create(unhex("aabb"), unhex("cc"), List.of(1, 2), List.of(3))),
                StructType.fromDDL("a BINARY, b BINARY, x ARRAY<INT>, y ARRAY<INT>"))
            .select(concat(col("a"), col("b")), concat(col("x"), col("y")));
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.BinaryType);
    assertThat(df.schema().fields()[1].dataType())
        .isEqualTo(new ArrayType(DataTypes.IntegerType, true));
    Row r = df.collectAsList().get(0);
    assertThat((byte[]) r.get(0)).isEqualTo(unhex("aabbcc"));
    assertThat(r.getList(1)).containsExactly(1, 2, 3);
  }

  @Test
  void concatWsSkipsNullsAndFlattensArrays() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("a", null, Arrays.asList("x", null, "y"), ","),
                RowFactory.create("a", "b", null, null)),
            StructType.fromDDL("a STRING, b STRING, arr ARRAY<STRING>, sep STRING"));
    DataFrame out =
        df.select(
            concat_ws(",", col("a"), col("b"), col("arr")),
            concat_ws("", col("b")),
            call_function("concat_ws", col("sep"), col("a"), lit(1)),
            concat_ws("/"));
    assertThat(out.columns())
        .containsExactly(
            "concat_ws(,, a, b, arr)", "concat_ws(, b)", "concat_ws(sep, a, 1)", "concat_ws(/)");
    assertThat(out.schema().fields()[0].nullable()).isFalse();
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create("a,x,y", "", "a,1", ""), RowFactory.create("a,b", "b", null, ""));
  }

  @Test
  void lengthsCountCharactersBytesAndBits() {
    DataFrame df =
        words.select(
            length(col("s")),
            char_length(col("s")),
            call_function("character_length", col("s")),
            octet_length(col("s")),
            bit_length(col("s")));
    assertThat(df.columns())
        .containsExactly(
            "length(s)",
            "char_length(s)",
            "character_length(s)",
            "octet_length(s)",
            "bit_length(s)");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create(5, 5, 5, 5, 40),
            RowFactory.create(10, 10, 10, 13, 104),
            RowFactory.create(null, null, null, null, null));
    DataFrame bin =
        session
            .createDataFrame(
                List.of(RowFactory.create(unhex("537061726b"))), StructType.fromDDL("b BINARY"))
            .select(length(col("b")));
    assertThat(values(bin)).containsExactly(5);
  }

  @Test
  void substringFollowsSparksPositionRules() {
    DataFrame df =
        one.select(
            substring(col("s"), 5, 1),
            substring(col("s"), -3, 10),
            substring(col("s"), 0, 2),
            substring(col("s"), 20, 1),
            substring(col("s"), 2, -1),
            substring(col("s"), -20, 12),
            call_function("substr", col("s"), lit(5)),
            substring(col("z"), 1, 1));
    assertThat(df.columns())
        .containsExactly(
            "substring(s, 5, 1)",
            "substring(s, -3, 10)",
            "substring(s, 0, 2)",
            "substring(s, 20, 1)",
            "substring(s, 2, -1)",
            "substring(s, -20, 12)",
            "substr(s, 5, 2147483647)",
            "substring(z, 1, 1)");
    // -20 starts 11 characters before the string: 12 characters from there reach only "S"
    assertThat(values(df)).containsExactly("k", "SQL", "Sp", "", "", "S", "k SQL", null);
  }

  @Test
  void substringCountsCodePointsAndBinaryCountsBytes() {
    DataFrame df =
        words.select(
            substring(col("s"), 5, 3),
            substring(col("s"), -3, 2),
            col("s").substr(2, 3),
            left(col("s"), lit(2)),
            right(col("s"), lit(3)),
            right(col("s"), lit(0)));
    assertThat(df.columns())
        .containsExactly(
            "substring(s, 5, 3)",
            "substring(s, -3, 2)",
            "substr(s, 2, 3)",
            "left(s, 2)",
            "right(s, 3)",
            "right(s, 0)");
    assertThat(df.collectAsList())
        .containsExactly(
            RowFactory.create("o", "ll", "ell", "He", "llo", ""),
            RowFactory.create("ße ", "ÉT", "tra", "st", "ÉTÉ", ""),
            RowFactory.create(null, null, null, null, null, null));
    DataFrame bin =
        session
            .createDataFrame(
                List.of(RowFactory.create(unhex("0102030405"))), StructType.fromDDL("b BINARY"))
            .select(substring(col("b"), -2, 5));
    assertThat(bin.schema().fields()[0].dataType()).isEqualTo(DataTypes.BinaryType);
    assertThat((byte[]) values(bin).get(0)).isEqualTo(unhex("0405"));
  }

  @Test
  void trimRemovesSpacesOnlyOrTheGivenCharacters() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create("  \tSpark SQL  ", "SSparkSQLS", "ééaéé")),
            StructType.fromDDL("a STRING, b STRING, c STRING"));
    DataFrame out =
        df.select(
            trim(col("a")),
            ltrim(col("a")),
            rtrim(col("a")),
            trim(col("b"), "SL"),
            ltrim(col("b"), "SL"),
            rtrim(col("b"), "SL"),
            btrim(col("b"), lit("SL")),
            trim(col("c"), "é"));
    assertThat(out.columns())
        .containsExactly(
            "trim(a)",
            "ltrim(a)",
            "rtrim(a)",
            "TRIM(BOTH SL FROM b)",
            "TRIM(LEADING SL FROM b)",
            "TRIM(TRAILING SL FROM b)",
            "btrim(b, SL)",
            "TRIM(BOTH é FROM c)");
    assertThat(values(out))
        .containsExactly(
            "\tSpark SQL",
            "\tSpark SQL  ",
            "  \tSpark SQL",
            "parkSQ",
            "parkSQLS",
            "SSparkSQ",
            "parkSQ",
            "a");
    // SQL's two-argument trim takes the characters first, as in Spark
    DataFrame sql = df.select(call_function("trim", lit("SL"), col("b")));
    assertThat(sql.columns()).containsExactly("TRIM(BOTH SL FROM b)");
    assertThat(values(sql)).containsExactly("parkSQ");
  }

  @Test
  void padsRepeatThePadAndCutTheString() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create("hi", "ça")), StructType.fromDDL("s STRING, u STRING"));
    DataFrame out =
        df.select(
            lpad(col("s"), 5, "??"),
            lpad(col("s"), 1, "??"),
            call_function("lpad", col("s"), lit(5)),
            rpad(col("s"), 5, "ab"),
            rpad(col("s"), -1, "?"),
            lpad(col("s"), 4, ""),
            rpad(col("u"), 4, "é"),
            lpad(col("s"), 6, "xyz"));
    assertThat(out.columns())
        .containsExactly(
            "lpad(s, 5, ??)",
            "lpad(s, 1, ??)",
            "lpad(s, 5,  )",
            "rpad(s, 5, ab)",
            "rpad(s, -1, ?)",
            "lpad(s, 4, )",
            "rpad(u, 4, é)",
            "lpad(s, 6, xyz)");
    assertThat(values(out))
        .containsExactly("???hi", "h", "   hi", "hiaba", "", "hi", "çaéé", "xyzxhi");
  }

  @Test
  void binaryPadsWithZerosByDefault() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create(unhex("aabb"))), StructType.fromDDL("b BINARY"));
    DataFrame out =
        df.select(
            call_function("lpad", col("b"), lit(5)),
            lpad(col("b"), 5, unhex("1122")),
            rpad(col("b"), 5, unhex("1122")),
            lpad(col("b"), 1, unhex("11")));
    assertThat(out.columns())
        .containsExactly(
            "lpad(b, 5, X'00')", "lpad(b, 5, X'1122')", "rpad(b, 5, X'1122')", "lpad(b, 1, X'11')");
    List<Object> v = values(out);
    assertThat((byte[]) v.get(0)).isEqualTo(unhex("000000aabb"));
    assertThat((byte[]) v.get(1)).isEqualTo(unhex("112211aabb"));
    assertThat((byte[]) v.get(2)).isEqualTo(unhex("aabb112211"));
    assertThat((byte[]) v.get(3)).isEqualTo(unhex("aa"));
  }

  @Test
  void instrAndLocateAreOneBasedAndZeroWhenAbsent() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create("foobarbar", null)), StructType.fromDDL("s STRING, p INT"));
    DataFrame out =
        df.select(
            instr(col("s"), "bar"),
            instr(col("s"), "x"),
            instr(col("s"), ""),
            locate("bar", col("s")),
            locate("bar", col("s"), 5),
            locate("bar", col("s"), 0),
            locate("", col("s"), 20),
            call_function("locate", lit("bar"), col("s"), col("p")),
            position(lit("bar"), col("s")));
    assertThat(out.columns())
        .containsExactly(
            "instr(s, bar)",
            "instr(s, x)",
            "instr(s, )",
            "locate(bar, s, 1)",
            "locate(bar, s, 5)",
            "locate(bar, s, 0)",
            "locate(, s, 20)",
            "locate(bar, s, p)",
            "position(bar, s, 1)");
    assertThat(values(out)).containsExactly(4, 0, 1, 4, 7, 0, 1, 0, 4);
    assertThat(values(one.select(instr(col("z"), "a"), locate("a", col("z")))))
        .containsExactly(null, null);
    assertThat(values(words.where(col("n").equalTo(2)).select(instr(col("s"), "É"))))
        .containsExactly(8);
  }

  @Test
  void replaceReverseRepeatAsciiTranslate() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create("ABCabcabc", "añ😀b")),
            StructType.fromDDL("s STRING, u STRING"));
    DataFrame out =
        df.select(
            replace(col("s"), lit("abc"), lit("DEF")),
            replace(col("s"), lit("abc")),
            replace(col("s"), lit(""), lit("x")),
            reverse(col("u")),
            repeat(col("u"), 2),
            repeat(col("u"), -1),
            ascii(col("u")),
            ascii(lit("")),
            translate(col("s"), "abc", "12"),
            translate(col("u"), "😀ñ", "xy"));
    assertThat(out.columns())
        .containsExactly(
            "replace(s, abc, DEF)",
            "replace(s, abc, )",
            "replace(s, , x)",
            "reverse(u)",
            "repeat(u, 2)",
            "repeat(u, -1)",
            "ascii(u)",
            "ascii()",
            "translate(s, abc, 12)",
            "translate(u, 😀ñ, xy)");
    assertThat(values(out))
        .containsExactly(
            "ABCDEFDEF", "ABC", "ABCabcabc", "b😀ña", "añ😀bañ😀b", "", 97, 0, "ABC1212", "ayxb");
    assertThat(values(df.select(ascii(lit("é")), ascii(lit(222))))).containsExactly(233, 50);
  }

  @Test
  void substringIndexCutsAtTheNthDelimiterFromEitherEnd() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("www.apache.org"),
                RowFactory.create("aaa"),
                RowFactory.create((Object) null)),
            StructType.fromDDL("s STRING"));
    DataFrame out =
        df.select(
            substring_index(col("s"), ".", 2),
            substring_index(col("s"), ".", -2),
            substring_index(col("s"), ".", 5),
            substring_index(col("s"), ".", 0),
            substring_index(col("s"), "", 1),
            substring_index(col("s"), "aa", 2),
            substring_index(col("s"), "aa", -2));
    assertThat(out.columns())
        .containsExactly(
            "substring_index(s, ., 2)",
            "substring_index(s, ., -2)",
            "substring_index(s, ., 5)",
            "substring_index(s, ., 0)",
            "substring_index(s, , 1)",
            "substring_index(s, aa, 2)",
            "substring_index(s, aa, -2)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(
                "www.apache",
                "apache.org",
                "www.apache.org",
                "",
                "",
                "www.apache.org",
                "www.apache.org"),
            // occurrences may overlap, as in Spark
            RowFactory.create("aaa", "aaa", "aaa", "", "", "a", "a"),
            RowFactory.create(null, null, null, null, null, null, null));
  }

  @Test
  void reverseOfAnArrayReversesItsElements() {
    DataFrame df =
        session
            .createDataFrame(
                Arrays.asList(
                    RowFactory.create(Arrays.asList(1, null, 3)), RowFactory.create((Object) null)),
                StructType.fromDDL("a ARRAY<INT>"))
            .select(reverse(col("a")));
    assertThat(df.schema().fields()[0].dataType())
        .isEqualTo(new ArrayType(DataTypes.IntegerType, true));
    List<Row> rows = df.collectAsList();
    assertThat(rows.get(0).getList(0)).containsExactly(3, null, 1);
    assertThat(rows.get(1).get(0)).isNull();
  }

  @Test
  void ansiModeDecidesWhatAMalformedImplicitCastDoes() {
    DataFrame ansi = words.select(repeat(col("s"), lit("x")));
    assertThatThrownBy(ansi::collectAsList)
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("CAST_INVALID_INPUT"));
    Session legacy = session.newSession();
    legacy.conf().set("spark.sql.ansi.enabled", "false");
    DataFrame df =
        legacy
            .createDataFrame(List.of(RowFactory.create("ab")), StructType.fromDDL("s STRING"))
            .select(repeat(col("s"), lit("x")));
    assertThat(df.collectAsList()).containsExactly(RowFactory.create((Object) null));
  }
}
