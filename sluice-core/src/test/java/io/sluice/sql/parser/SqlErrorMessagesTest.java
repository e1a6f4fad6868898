package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.ParseException;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact text a user sees for SQL that does not parse or analyze, through {@code session.sql},
 * {@code selectExpr} and {@code filter(String)}: Spark's message (error class, text, SQLSTATE) and,
 * for syntax errors, the position and the offending line with a caret. (Spark also appends the
 * query context of analysis errors, which Sluice does not track yet.)
 */
class SqlErrorMessagesTest {
  private static Session spark;
  private static DataFrame t;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[1]").appName("errors").create();
    t =
        spark.createDataFrame(
            List.of(RowFactory.create("a", 1, 1.5)),
            new StructType()
                .add("key", DataTypes.StringType)
                .add("value", DataTypes.IntegerType)
                .add("amount", DataTypes.DoubleType));
    t.createOrReplaceTempView("t");
    spark
        .createDataFrame(
            List.of(RowFactory.create("a", "x")),
            new StructType().add("key", DataTypes.StringType).add("name", DataTypes.StringType))
        .createOrReplaceTempView("u");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static String parseError(Runnable r) {
    return catchThrowableOfType(ParseException.class, r::run).getMessage();
  }

  private static String analysisError(String sql) {
    return catchThrowableOfType(AnalysisException.class, () -> spark.sql(sql)).getMessage();
  }

  @Test
  void syntaxErrorOnALaterLineSaysWhatWasExpected() {
    assertThat(parseError(() -> spark.sql("SELECT key,\n       (value + 1\nFROM t")))
        .isEqualTo(
            """
            [PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM': missing ')'. SQLSTATE: 42601\
             (line 3, pos 0)

            == SQL ==
            SELECT key,
                   (value + 1
            FROM t
            ^^^
            """);
    // where the parser cannot tell what one token would fix, it names the token only, as Spark
    assertThat(parseError(() -> spark.sql("SELECT key, count(*\nFROM t")))
        .startsWith(
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 2, pos"
                + " 0)");
  }

  @Test
  void syntaxErrorCaretIsUnderTheOffendingToken() {
    assertThat(parseError(() -> spark.sql("SELECT key FROM t WHERE value >> 1")))
        .isEqualTo(
            """
            [PARSE_SYNTAX_ERROR] Syntax error at or near '>'. SQLSTATE: 42601 (line 1, pos 31)

            == SQL ==
            SELECT key FROM t WHERE value >> 1
            -------------------------------^^^
            """);
    assertThat(parseError(() -> spark.sql("SELECT key FROM t t2 t3")))
        .startsWith(
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 't3': extra input 't3'. SQLSTATE: 42601"
                + " (line 1, pos 21)");
  }

  @Test
  void syntaxErrorsInExpressionStrings() {
    assertThat(parseError(() -> t.selectExpr("value +")))
        .isEqualTo(
            """
            [PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601\
             (line 1, pos 7)

            == SQL ==
            value +
            -------^^^
            """);
    assertThat(parseError(() -> t.filter("value = = 1")))
        .startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '='. SQLSTATE: 42601 (line 1,");
  }

  @Test
  void unresolvedColumnSuggestsTheClosestNames() {
    assertThat(analysisError("SELECT valeu FROM t"))
        .isEqualTo(
            "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with"
                + " name `valeu` cannot be resolved. Did you mean one of the following? [`value`,"
                + " `key`, `amount`]. SQLSTATE: 42703");
    // over a join, candidates keep their view names
    assertThat(analysisError("SELECT t.nam FROM t JOIN u ON t.key = u.key"))
        .isEqualTo(
            "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with"
                + " name `t`.`nam` cannot be resolved. Did you mean one of the following?"
                + " [`u`.`name`, `t`.`key`, `t`.`value`, `u`.`key`, `t`.`amount`]. SQLSTATE: 42703");
    assertThat(
            catchThrowableOfType(AnalysisException.class, () -> t.filter("valeu > 1"))
                .getErrorClass())
        .isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION");
  }

  @Test
  void unknownFunction() {
    assertThat(analysisError("SELECT uppper(key) FROM t"))
        .isEqualTo(
            "[UNRESOLVED_ROUTINE] Cannot resolve routine `uppper` on search path"
                + " [`system`.`builtin`, `system`.`session`]. SQLSTATE: 42883");
  }

  @Test
  void dataTypeMismatches() {
    assertThat(analysisError("SELECT value + array(1) FROM t"))
        .isEqualTo(
            "[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(value + array(1))\" due"
                + " to data type mismatch: the left and right operands of the binary operator have"
                + " incompatible types (\"INT\" and \"ARRAY<INT>\"). SQLSTATE: 42K09");
    assertThat(analysisError("SELECT upper(array(value)) FROM t"))
        .isEqualTo(
            "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"upper(array(value))\" due"
                + " to data type mismatch: The first parameter requires the \"STRING\" type,"
                + " however \"array(value)\" has the type \"ARRAY<INT>\". SQLSTATE: 42K09");
    assertThat(analysisError("SELECT key FROM t WHERE value"))
        .isEqualTo(
            "[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"value\" due to data type"
                + " mismatch: Filter expression \"value\" of type \"INT\" is not a boolean."
                + " SQLSTATE: 42K09");
    assertThat(analysisError("SELECT CAST(array(value) AS INT) FROM t"))
        .isEqualTo(
            "[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve \"CAST(array(value) AS"
                + " INT)\" due to data type mismatch: cannot cast \"ARRAY<INT>\" to \"INT\"."
                + " SQLSTATE: 42K09");
  }

  @Test
  void unknownView() {
    AnalysisException e =
        catchThrowableOfType(AnalysisException.class, () -> spark.sql("SELECT * FROM nope"));
    assertThat(e.getErrorClass()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(e.getSqlState()).isEqualTo("42P01");
    assertThat(e.getMessage())
        .isEqualTo(
            """
            [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. Verify the \
            spelling and correctness of the schema and catalog.
            If you did not qualify the name with a schema, verify the current_schema() output, \
            or qualify the name with the correct schema and catalog.
            To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS. \
            SQLSTATE: 42P01""");
    assertThat(analysisError("SELECT * FROM global_temp.nope"))
        .startsWith(
            "[TABLE_OR_VIEW_NOT_FOUND] The table or view `global_temp`.`nope` cannot be found.");
    assertThat(
            catchThrowableOfType(SluiceException.class, () -> spark.sql("DROP VIEW nope"))
                .getErrorClass())
        .isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
  }
}
