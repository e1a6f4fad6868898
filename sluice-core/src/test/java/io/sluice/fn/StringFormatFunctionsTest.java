package io.sluice.fn;

import static io.sluice.functions.call_function;
import static io.sluice.functions.col;
import static io.sluice.functions.contains;
import static io.sluice.functions.endswith;
import static io.sluice.functions.format_number;
import static io.sluice.functions.format_string;
import static io.sluice.functions.lit;
import static io.sluice.functions.printf;
import static io.sluice.functions.startswith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** format_string/printf, format_number, startswith/endswith/contains, and the SQL spellings. */
class StringFormatFunctionsTest {
  private static Session session;
  private static DataFrame nums;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    nums =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create(12332.123456, 100, "days", new BigDecimal("2.50"), 2.5f),
                RowFactory.create(null, null, null, null, null)),
            StructType.fromDDL("d DOUBLE, i INT, s STRING, dec DECIMAL(5,2), f FLOAT"));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<Object> values(DataFrame df, int row) {
    Row r = df.collectAsList().get(row);
    Object[] out = new Object[r.length()];
    for (int i = 0; i < out.length; i++) out[i] = r.get(i);
    return Arrays.asList(out);
  }

  @Test
  void formatStringIsJavasFormatterWithTheUsLocale() {
    DataFrame df =
        nums.select(
            format_string("Hello World %d %s", col("i"), col("s")),
            printf(lit("%.2f|%5s|%-3d|"), col("d"), col("s"), col("i")),
            format_string("%s", col("dec")),
            call_function("format_string", col("s")));
    assertThat(df.columns())
        .containsExactly(
            "format_string(Hello World %d %s, i, s)",
            "printf(%.2f|%5s|%-3d|, d, s, i)", "format_string(%s, dec)", "format_string(s)");
    assertThat(df.schema().fields()[0].nullable()).isFalse();
    assertThat(values(df, 0))
        .containsExactly("Hello World 100 days", "12332.12| days|100|", "2.50", "days");
    // null arguments print as "null" (cut by a precision, as Java does); a null format gives null
    assertThat(values(df, 1))
        .containsExactly("Hello World null null", "nu| null|null|", "null", null);
  }

  @Test
  void formatStringRejectsArgumentIndexZero() {
    assertThatThrownBy(() -> nums.select(format_string("%0$s", col("s"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_PARAMETER_VALUE.ZERO_INDEX");
              assertThat(e.getMessageParameters())
                  .containsEntry("parameter", "`strfmt`")
                  .containsEntry("functionName", "`format_string`");
            });
  }

  @Test
  void formatNumberGroupsAndRoundsHalfEven() {
    DataFrame df =
        nums.select(
            format_number(col("d"), 4),
            format_number(col("d"), 0),
            format_number(col("i"), 2),
            format_number(col("dec"), 0),
            format_number(col("f"), 0),
            format_number(lit(3.5), 0),
            format_number(col("d"), -1),
            call_function("format_number", col("d"), lit("##################.###")),
            call_function("format_number", col("i"), lit("")));
    assertThat(df.columns())
        .containsExactly(
            "format_number(d, 4)",
            "format_number(d, 0)",
            "format_number(i, 2)",
            "format_number(dec, 0)",
            "format_number(f, 0)",
            "format_number(3.5, 0)",
            "format_number(d, -1)",
            "format_number(d, ##################.###)",
            "format_number(i, )");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.StringType);
    assertThat(values(df, 0))
        .containsExactly(
            "12,332.1235", "12,332", "100.00", "2", "2", "4", null, "12332.123", "100");
    assertThat(values(df, 1)).containsExactly(null, null, null, null, null, "4", null, null, null);
  }

  @Test
  void formatNumberDoesNotCastItsArguments() {
    assertThatThrownBy(() -> nums.select(format_number(col("s"), 2)))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("paramIndex", "first")
                  .containsEntry("requiredType", "\"NUMERIC\"")
                  .containsEntry("inputSql", "\"s\"");
            });
    assertThatThrownBy(() -> nums.select(call_function("format_number", col("d"), lit(2L))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e ->
                assertThat(e.getMessageParameters())
                    .containsEntry("paramIndex", "second")
                    .containsEntry("requiredType", "(\"INT\" or \"STRING\")"));
  }

  @Test
  void startsWithEndsWithContainsOnStringsAndBinaries() {
    DataFrame df =
        session.createDataFrame(
            Arrays.asList(
                RowFactory.create("Spark SQL", HexFormat.of().parseHex("537061726b")),
                RowFactory.create(null, null)),
            StructType.fromDDL("s STRING, b BINARY"));
    byte[] spa = HexFormat.of().parseHex("537061");
    DataFrame out =
        df.select(
            startswith(col("s"), lit("Spark")),
            endswith(col("s"), lit("SQL")),
            contains(col("s"), lit("k S")),
            col("s").startsWith("SQL"),
            col("s").endsWith("Spark"),
            col("s").contains("x"),
            startswith(col("b"), lit(spa)),
            contains(col("s"), lit("")));
    assertThat(out.columns())
        .containsExactly(
            "startswith(s, Spark)",
            "endswith(s, SQL)",
            "contains(s, k S)",
            "startswith(s, SQL)",
            "endswith(s, Spark)",
            "contains(s, x)",
            "startswith(b, X'537061')",
            "contains(s, )");
    assertThat(values(out, 0)).containsExactly(true, true, true, false, false, false, true, true);
    assertThat(values(out, 1)).containsOnlyNulls();
  }

  @Test
  void sqlSpellingsReachTheSameFunctions() {
    session
        .createDataFrame(
            List.of(RowFactory.create("Spark", "a_b")), StructType.fromDDL("s STRING, t STRING"))
        .createOrReplaceTempView("strs");
    DataFrame df =
        session.sql(
            "SELECT s LIKE 'Sp%', s RLIKE '^S', t LIKE 'a!_b' ESCAPE '!',"
                + " s || '!', substr(s, 2), trim('S' , s), upper(s) FROM strs");
    assertThat(df.columns())
        .containsExactly(
            "s LIKE Sp%",
            "RLIKE(s, ^S)",
            "t LIKE a!_b ESCAPE '!'",
            "concat(s, !)",
            "substr(s, 2, 2147483647)",
            "TRIM(BOTH S FROM s)",
            "upper(s)");
    assertThat(values(df, 0)).containsExactly(true, true, true, "Spark!", "park", "park", "SPARK");
  }
}
