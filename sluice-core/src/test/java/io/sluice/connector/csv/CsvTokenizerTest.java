package io.sluice.connector.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tokenizer alone: how a record's bytes split into values under each option. */
class CsvTokenizerTest {
  private static CsvOptions options(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return new CsvOptions(new SourceOptions(m), new SQLConf(1));
  }

  /** The values of one line; null for a null (unquoted empty) value. */
  private static List<String> line(String text, String... kv) {
    CsvTokenizer t = new CsvTokenizer(options(kv));
    byte[] b = ("##" + text + "##").getBytes(StandardCharsets.UTF_8);
    t.tokenizeLine(b, 2, b.length - 2);
    return values(t, b);
  }

  private static List<String> values(CsvTokenizer t, byte[] b) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < t.count(); k++) {
      int len = t.length(k);
      out.add(
          len < 0
              ? null
              : new String(
                  t.inScratch(k) ? t.scratch() : b, t.start(k), len, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void splitsAtTheDelimiterAndReadsEmptyUnquotedValuesAsNull() {
    assertThat(line("a,b,c")).containsExactly("a", "b", "c");
    assertThat(line("a,,c,")).containsExactly("a", null, "c", null);
    assertThat(line("")).containsExactly((String) null);
    assertThat(line("é,ü")).containsExactly("é", "ü");
    assertThat(line(" a , b ")).containsExactly(" a ", " b ");
  }

  @Test
  void multiCharacterAndSpecialDelimiters() {
    assertThat(line("a||b|c||", "sep", "||")).containsExactly("a", "b|c", null);
    assertThat(line("a\tb", "sep", "\\t")).containsExactly("a", "b");
    assertThat(line("a;b", "delimiter", ";")).containsExactly("a", "b");
    assertThat(line("a→b", "sep", "→")).containsExactly("a", "b");
    assertThat(line("\"x||y\"||z", "sep", "||")).containsExactly("x||y", "z");
  }

  @Test
  void quotedValuesHoldDelimitersAndEscapedQuotes() {
    assertThat(line("\"a,b\",c")).containsExactly("a,b", "c");
    assertThat(line("\"say \\\"hi\\\"\",x")).containsExactly("say \"hi\"", "x");
    assertThat(line("\"back\\\\slash\"")).containsExactly("back\\slash");
    assertThat(line("\"a\\nb\"")).containsExactly("a\\nb"); // escape before others stays
    assertThat(line("\"\",x")).containsExactly("", "x");
    assertThat(line("a\"b,c")).containsExactly("a\"b", "c"); // quote inside unquoted value
    assertThat(line("\"unclosed,x")).containsExactly("unclosed,x");
    assertThat(line("\"a\"  ,b")).containsExactly("a", "b"); // blanks after the closing quote
  }

  @Test
  void doubledQuotesWithQuoteAsEscape() {
    assertThat(line("\"a\"\"b\",c", "escape", "\"")).containsExactly("a\"b", "c");
    assertThat(line("\"\"\"\"", "escape", "\"")).containsExactly("\"");
  }

  @Test
  void doubledQuotesWithTheDefaultEscapeAreReadAsUnivocityDoes() {
    // the second quote is then a stray quote: the value runs raw up to the delimiter
    assertThat(line("\"a\"\"b\",c")).containsExactly("\"a\"\"b\"", "c");
    // each quote after the first of a run is content (the first may close the value)
    assertThat(line("\"a\"\"\",c")).containsExactly("a\"\"", "c");
    assertThat(line("\"a\"\",c")).containsExactly("a\"", "c");
  }

  @Test
  void customQuoteEscapeAndEscapeOfTheEscape() {
    assertThat(line("'a,b',c", "quote", "'")).containsExactly("a,b", "c");
    assertThat(line("\"a,b\",c", "quote", "")).containsExactly("\"a", "b\"", "c");
    assertThat(line("\"x#\"y\"", "escape", "#")).containsExactly("x\"y");
    assertThat(line("\"a#\\\"", "charToEscapeQuoteEscaping", "#"))
        .containsExactly("a\\"); // #\ is a backslash, then the quote closes
    // with another escape-escape, \\ is two backslashes, and the second escapes the quote
    assertThat(line("\"a\\\\\"", "charToEscapeQuoteEscaping", "#")).containsExactly("a\\\"");
  }

  @Test
  void whitespaceOptions() {
    assertThat(line(" a , b ", "ignoreLeadingWhiteSpace", "true")).containsExactly("a ", "b ");
    assertThat(line(" a , b ", "ignoreTrailingWhiteSpace", "true")).containsExactly(" a", " b");
    assertThat(
            line(
                "  \"a, \" ,  ",
                "ignoreLeadingWhiteSpace",
                "true",
                "ignoreTrailingWhiteSpace",
                "true"))
        .containsExactly("a, ", null);
    assertThat(line("  \"a\"")).containsExactly("  \"a\"");
  }

  @Test
  void emptyValueReplacesAnEmptyQuotedValue() {
    assertThat(line("\"\",", "emptyValue", "EMPTY")).containsExactly("EMPTY", null);
  }

  @Test
  void unescapedQuoteHandling() {
    String text = "\"a\"b,c";
    assertThat(line(text)).containsExactly("\"a\"b", "c");
    assertThat(line(text, "unescapedQuoteHandling", "STOP_AT_DELIMITER"))
        .containsExactly("\"a\"b", "c");
    assertThat(line("\"a\"b,c\",d", "unescapedQuoteHandling", "STOP_AT_CLOSING_QUOTE"))
        .containsExactly("a\"b,c", "d");
    assertThat(line(text, "unescapedQuoteHandling", "SKIP_VALUE")).containsExactly(null, "c");
    assertThat(line("\"a,b\"c,d", "unescapedQuoteHandling", "BACK_TO_DELIMITER"))
        .containsExactly("a", "b\"c", "d");
    assertThatThrownBy(() -> line(text, "unescapedQuoteHandling", "RAISE_ERROR"))
        .isInstanceOf(CsvTokenizer.MalformedInputException.class)
        .hasMessageContaining("Unescaped quote");
  }

  @Test
  void limitsOnColumnsAndValueLength() {
    assertThatThrownBy(() -> line("a,b,c", "maxColumns", "2"))
        .isInstanceOf(CsvTokenizer.MalformedInputException.class)
        .hasMessageContaining("maxColumns");
    assertThat(line("a,b", "maxColumns", "2")).containsExactly("a", "b");
    assertThatThrownBy(() -> line("abcd", "maxCharsPerColumn", "3"))
        .isInstanceOf(CsvTokenizer.MalformedInputException.class)
        .hasMessageContaining("maxCharsPerColumn");
  }

  @Test
  void streamModeEndsRecordsAtUnquotedLineBreaksOnly() {
    CsvTokenizer t = new CsvTokenizer(options());
    byte[] b = "a,\"x\ny\"\r\nb,c".getBytes(StandardCharsets.UTF_8);
    int next = t.tokenizeRecord(b, 0, b.length, true);
    assertThat(values(t, b)).containsExactly("a", "x\ny");
    assertThat(new String(b, 0, t.recordEnd(), StandardCharsets.UTF_8)).isEqualTo("a,\"x\ny\"");
    assertThat(next).isEqualTo(9);
    next = t.tokenizeRecord(b, next, b.length, true);
    assertThat(values(t, b)).containsExactly("b", "c");
    assertThat(next).isEqualTo(b.length);
  }

  @Test
  void streamModeAsksForMoreWhenTheBufferEndsInsideARecord() {
    CsvTokenizer t = new CsvTokenizer(options());
    byte[] b = "a,\"x\ny\"\n".getBytes(StandardCharsets.UTF_8);
    for (int limit = 1; limit < b.length; limit++) {
      assertThat(t.tokenizeRecord(b, 0, limit, false))
          .as("limit %d", limit)
          .isEqualTo(CsvTokenizer.NEED_MORE);
    }
    assertThat(t.tokenizeRecord(b, 0, b.length, false)).isEqualTo(b.length);
    byte[] cr = "a,b\r".getBytes(StandardCharsets.UTF_8);
    assertThat(t.tokenizeRecord(cr, 0, cr.length, false)).isEqualTo(CsvTokenizer.NEED_MORE);
    assertThat(t.tokenizeRecord(cr, 0, cr.length, true)).isEqualTo(cr.length);
  }

  @Test
  void streamModeWithACustomLineSeparator() {
    CsvTokenizer t = new CsvTokenizer(options("lineSep", ";"));
    byte[] b = "a,\"x;y\";b".getBytes(StandardCharsets.UTF_8);
    int next = t.tokenizeRecord(b, 0, b.length, true);
    assertThat(values(t, b)).containsExactly("a", "x;y");
    assertThat(Arrays.copyOfRange(b, next, b.length)).isEqualTo("b".getBytes());
  }
}
