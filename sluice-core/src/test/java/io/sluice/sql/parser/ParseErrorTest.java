package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.AnalysisException;
import io.sluice.error.ParseException;
import io.sluice.error.SluiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact text users see for SQL they mistyped. */
class ParseErrorTest {
  private final SqlParser parser = new SqlParser();

  private ParseException parseError(String sql) {
    return catchThrowableOfType(ParseException.class, () -> parser.parseStatement(sql));
  }

  @Test
  void syntaxErrorShowsLinePositionAndCaret() {
    ParseException e = parseError("SELECT a,\n  b FROM t WHERE");
    assertThat(e.getErrorClass()).isEqualTo("PARSE_SYNTAX_ERROR");
    assertThat(e.getSqlState()).isEqualTo("42601");
    assertThat(e.getMessageParameters()).isEqualTo(Map.of("error", "end of input", "hint", ""));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.startPosition()).isEqualTo(16);
    assertThat(e.getMessage())
        .isEqualTo(
            """
        [PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601\
         (line 2, pos 16)

        == SQL ==
        SELECT a,
          b FROM t WHERE
        ----------------^^^
        """);
  }

  @Test
  void offendingTokenIsQuoted() {
    ParseException e = parseError("SELECT * FROM t WHERE a = = 1");
    assertThat(e.getMessageParameters()).containsEntry("error", "'='");
    assertThat(e.getMessage())
        .isEqualTo(
            """
        [PARSE_SYNTAX_ERROR] Syntax error at or near '='. SQLSTATE: 42601 (line 1, pos 26)

        == SQL ==
        SELECT * FROM t WHERE a = = 1
        --------------------------^^^
        """);
  }

  @Test
  void missingAndExtraTokensAreHinted() {
    ParseException missing = parseError("SELECT (a FROM t");
    assertThat(missing.getMessage())
        .startsWith(
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM': missing ')'. SQLSTATE: 42601"
                + " (line 1, pos 10)");
    ParseException extra = parseError("SELECT a FROM t t2 t3");
    assertThat(extra.getMessageParameters())
        .isEqualTo(Map.of("error", "'t3'", "hint", ": extra input 't3'"));
  }

  @Test
  void reservedWordsAreNotNames() {
    ParseException e = parseError("SELECT a FROM select");
    assertThat(e.getMessageParameters()).containsEntry("error", "'select'");
  }

  @Test
  void unknownCharacterAndUnclosedString() {
    assertThat(parseError("SELECT a ^ b FROM t").getMessageParameters())
        .containsEntry("error", "'^'");
    assertThat(parseError("SELECT 'abc FROM t").getMessageParameters())
        .containsEntry("error", "'''");
  }

  @Test
  void literalErrors() {
    ParseException range = parseError("SELECT 300Y");
    assertThat(range.getErrorClass()).isEqualTo("INVALID_NUMERIC_LITERAL_RANGE");
    assertThat(range.getMessage())
        .startsWith(
            "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal"
                + " 300 is outside the valid range for tinyint with minimum value of -128 and maximum"
                + " value of 127. Please adjust the value accordingly. SQLSTATE: 22003 (line 1, pos 7)");
    ParseException date = parseError("SELECT DATE '2024-13-01'");
    assertThat(date.getErrorClass()).isEqualTo("INVALID_TYPED_LITERAL");
    assertThat(date.getMessageParameters())
        .isEqualTo(Map.of("valueType", "\"DATE\"", "value", "'2024-13-01'"));
    ParseException interval = parseError("SELECT INTERVAL '5 lightyears'");
    assertThat(interval.getMessage())
        .startsWith(
            "[INVALID_TYPED_LITERAL] The value of the"
                + " typed literal \"INTERVAL\" is invalid: '5 lightyears'. SQLSTATE: 42604");
    ParseException type = parseError("SELECT CAST(a AS foo)");
    assertThat(type.getErrorClass()).isEqualTo("UNSUPPORTED_DATATYPE");
    assertThat(type.getMessage())
        .startsWith(
            "[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\". SQLSTATE: 0A000 (line 1, pos 17)");
    assertThat(parseError("SELECT Q'x'").getErrorClass()).isEqualTo("UNSUPPORTED_TYPED_LITERAL");
  }

  @Test
  void ordinalErrors() {
    AnalysisException group =
        catchThrowableOfType(
            AnalysisException.class,
            () -> parser.parseStatement("SELECT a, count(*) FROM t GROUP BY 3"));
    assertThat(group.getMessage())
        .isEqualTo(
            "[GROUP_BY_POS_OUT_OF_RANGE] GROUP BY position 3"
                + " is not in select list (valid range is [1, 2]). SQLSTATE: 42805");
    AnalysisException order =
        catchThrowableOfType(
            AnalysisException.class, () -> parser.parseStatement("SELECT a FROM t ORDER BY 0"));
    assertThat(order.getErrorClass()).isEqualTo("ORDER_BY_POS_OUT_OF_RANGE");
    AnalysisException star =
        catchThrowableOfType(
            AnalysisException.class, () -> parser.parseStatement("SELECT * FROM t GROUP BY 1"));
    assertThat(star.getErrorClass()).isEqualTo("STAR_GROUP_BY_POS");
  }

  @Test
  void valuesRowsMustHaveOneWidth() {
    ParseException e = parseError("VALUES (1, 2), (3)");
    assertThat(e.getMessage())
        .startsWith(
            "[INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH] Invalid"
                + " inline table. Inline table expected 2 columns but found 1 columns in row 1.");
  }

  @Test
  void parseExceptionsAreSluiceExceptions() {
    assertThat(parseError("SELEC 1")).isInstanceOf(SluiceException.class);
    assertThat(catchThrowableOfType(ParseException.class, () -> parser.parseExpression("a +")))
        .isNotNull();
  }
}
