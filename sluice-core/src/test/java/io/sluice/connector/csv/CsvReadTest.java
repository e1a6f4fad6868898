package io.sluice.connector.csv;

import static io.sluice.connector.csv.CsvTestSupport.read;
import static io.sluice.connector.csv.CsvTestSupport.readAll;
import static io.sluice.connector.csv.CsvTestSupport.row;
import static io.sluice.connector.csv.CsvTestSupport.scan;
import static io.sluice.connector.csv.CsvTestSupport.schema;
import static io.sluice.connector.csv.CsvTestSupport.write;
import static io.sluice.connector.csv.CsvTestSupport.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connector.BatchScan;
import io.sluice.error.SluiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV files with a given schema: conversions and options. */
class CsvReadTest {
  @TempDir Path dir;

  private static long micros(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private static int days(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }

  @Test
  void convertsEveryAtomicType() throws IOException {
    List<List<Object>> rows =
        read(
            dir,
            "1,2,3,4,1.5,2.5,12.345,true,2024-02-29,2024-02-29 10:11:12.5,héllo\n"
                + "-1,+2,-3,-4,1e3,-0.25,\"1,234.5\",FALSE,2024-1-5,2024-01-05T01:02:03Z,\n",
            "b TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, m DECIMAL(6,2),"
                + " t BOOLEAN, dt DATE, ts TIMESTAMP, str STRING");
    assertThat(rows)
        .containsExactly(
            row(
                (byte) 1,
                (short) 2,
                3,
                4L,
                1.5f,
                2.5,
                new BigDecimal("12.35"),
                true,
                days("2024-02-29"),
                micros("2024-02-29T10:11:12.5Z"),
                "héllo"),
            row(
                (byte) -1,
                (short) 2,
                -3,
                -4L,
                1000f,
                -0.25,
                new BigDecimal("1234.50"),
                false,
                days("2024-01-05"),
                micros("2024-01-05T01:02:03Z"),
                null));
  }

  @Test
  void valuesThatDoNotConvertAreNullAndTheRecordMalformed() throws IOException {
    String content =
        "128,1.0.0,maybe,12345.678,2024-13-01,x\n" + "1,2.0,true,1.5,2024-01-01,2024-01-01\n";
    assertThat(
            read(
                dir,
                content,
                "b TINYINT, d DOUBLE, t BOOLEAN, m DECIMAL(6,2), dt DATE, ts TIMESTAMP,"
                    + " _corrupt_record STRING"))
        .containsExactly(
            row(null, null, null, null, null, null, "128,1.0.0,maybe,12345.678,2024-13-01,x"),
            row(
                (byte) 1,
                2.0,
                true,
                new BigDecimal("1.50"),
                days("2024-01-01"),
                micros("2024-01-01T00:00:00Z"),
                null));
  }

  @Test
  void integersAreReadAsJavaParsesThem() throws IOException {
    assertThat(
            read(
                dir,
                " 1, 1\n1.0,1.0\n2147483648,2147483648\n"
                    + "9223372036854775807,9223372036854775807\n"
                    + "-9223372036854775808,-9223372036854775808\n",
                "i INT, l BIGINT"))
        .containsExactly(
            row(null, null),
            row(null, null),
            row(null, 2147483648L),
            row(null, Long.MAX_VALUE),
            row(null, Long.MIN_VALUE));
  }

  @Test
  void nullValueAndEmptyValue() throws IOException {
    String content = "a,,\"\",NA,\"NA\"\n";
    String ddl = "a STRING, b STRING, c STRING, d STRING, e STRING";
    assertThat(read(dir, content, ddl)).containsExactly(row("a", null, null, "NA", "NA"));
    assertThat(read(dir, content, ddl, "nullValue", "NA"))
        .containsExactly(row("a", null, "", null, null));
    assertThat(read(dir, content, ddl, "emptyValue", "E"))
        .containsExactly(row("a", null, "E", "NA", "NA"));
    assertThat(read(dir, "\"\",x\n", "i INT, s STRING", "nullValue", "x"))
        .containsExactly(row(null, null)); // "" is the empty string here: not an integer
  }

  @Test
  void nanAndInfinityTexts() throws IOException {
    String ddl = "a DOUBLE, b DOUBLE, c DOUBLE, d FLOAT";
    assertThat(read(dir, "NaN,Inf,-Inf,Infinity\n", ddl))
        .containsExactly(
            row(
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY));
    assertThat(
            read(
                dir,
                "nan,+inf,-inf,0\n",
                ddl,
                "nanValue",
                "nan",
                "positiveInf",
                "+inf",
                "negativeInf",
                "-inf"))
        .containsExactly(row(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0f));
    assertThat(read(dir, "-1,1\n", "a DOUBLE, b DOUBLE", "nanValue", "-1"))
        .containsExactly(row(Double.NaN, 1.0));
  }

  @Test
  void separatorsQuotesAndEscapes() throws IOException {
    assertThat(
            read(
                dir, "a;'b;c';'d\\'e'\n", "x STRING, y STRING, z STRING", "sep", ";", "quote", "'"))
        .containsExactly(row("a", "b;c", "d'e"));
    assertThat(read(dir, "1::2::\"3::4\"\n", "x INT, y INT, z STRING", "delimiter", "::"))
        .containsExactly(row(1, 2, "3::4"));
    assertThat(read(dir, "\"a\"\"b\",c\n", "x STRING, y STRING", "escape", "\""))
        .containsExactly(row("a\"b", "c"));
    assertThat(read(dir, "a\tb\n", "x STRING, y STRING", "sep", "\\t"))
        .containsExactly(row("a", "b"));
  }

  @Test
  void commentLinesAndBlankLinesAreSkipped() throws IOException {
    String content = "# a comment\n1,a\n\n   \n#2,b\n3,c\n";
    assertThat(read(dir, content, "i INT, s STRING", "comment", "#"))
        .containsExactly(row(1, "a"), row(3, "c"));
    assertThat(read(dir, content, "s STRING, t STRING"))
        .containsExactly(row("# a comment", null), row("1", "a"), row("#2", "b"), row("3", "c"));
  }

  @Test
  void whitespaceIsKeptUnlessAskedOtherwise() throws IOException {
    String content = " a , 1 \n";
    assertThat(read(dir, content, "s STRING, t STRING")).containsExactly(row(" a ", " 1 "));
    assertThat(
            read(
                dir,
                content,
                "s STRING, t STRING",
                "ignoreLeadingWhiteSpace",
                "true",
                "ignoreTrailingWhiteSpace",
                "true"))
        .containsExactly(row("a", "1"));
    // numbers are parsed from the value as it is: " 1 " is no integer, but a double
    assertThat(read(dir, content, "s STRING, i INT, _corrupt_record STRING"))
        .containsExactly(row(" a ", null, " a , 1 "));
    assertThat(read(dir, content, "s STRING, d DOUBLE")).containsExactly(row(" a ", 1.0));
  }

  @Test
  void headerLineIsSkippedInEveryFile() throws IOException {
    write(dir, "in/a.csv", "id,name", "1,x");
    write(dir, "in/b.csv", "id,name", "2,y", "3,z");
    BatchScan s =
        scan(
            List.of(dir.resolve("in").toString()), schema("id INT, name STRING"), "header", "true");
    assertThat(readAll(s)).containsExactlyInAnyOrder(row(1, "x"), row(2, "y"), row(3, "z"));
  }

  @Test
  void timestampAndDateFormats() throws IOException {
    String content = "03/04/2024 05:06,03/04/2024\n2024-03-04 05:06:00,2024-03-04\n";
    String ddl = "ts TIMESTAMP, d DATE, _corrupt_record STRING";
    assertThat(
            read(
                dir,
                content,
                ddl,
                "timestampFormat",
                "dd/MM/yyyy HH:mm",
                "dateFormat",
                "dd/MM/yyyy"))
        .containsExactly(
            row(micros("2024-04-03T05:06:00Z"), days("2024-04-03"), null),
            row(null, null, "2024-03-04 05:06:00,2024-03-04"));
    assertThat(
            read(
                dir,
                content,
                ddl,
                "timestampFormat",
                "dd/MM/yyyy HH:mm",
                "dateFormat",
                "dd/MM/yyyy",
                "enableDateTimeParsingFallback",
                "true"))
        .containsExactly(
            row(micros("2024-04-03T05:06:00Z"), days("2024-04-03"), null),
            row(micros("2024-03-04T05:06:00Z"), days("2024-03-04"), null));
    assertThat(
            read(
                dir,
                "2024-01-01 00:00:00,x\n",
                "ts TIMESTAMP, s STRING",
                "timeZone",
                "America/Los_Angeles"))
        .containsExactly(row(micros("2024-01-01T08:00:00Z"), "x"));
    assertThat(
            read(
                dir,
                "\"Tue, 3 Jun 2008 11:05:30 GMT\"\n",
                "ts TIMESTAMP",
                "timestampFormat",
                "EEE, d MMM yyyy HH:mm:ss z"))
        .containsExactly(row(micros("2008-06-03T11:05:30Z")));
  }

  @Test
  void customLineSeparator() throws IOException {
    assertThat(read(dir, "1,a|2,b\nc|3,d", "i INT, s STRING", "lineSep", "|"))
        .containsExactly(row(1, "a"), row(2, "b\nc"), row(3, "d"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "lineSep", "abc"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE");
              assertThat(e.getMessageParameters()).containsEntry("option", "lineSep");
            });
  }

  @Test
  void crlfLineEndingsAndByteOrderMark() throws IOException {
    assertThat(read(dir, "\uFEFF1,a\r\n2,b\r\n", "i INT, s STRING"))
        .containsExactly(row(1, "a"), row(2, "b"));
  }

  @Test
  void gzipFilesAreReadWhole() throws IOException {
    Path f = dir.resolve("data.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("id\n1\n2\n".getBytes(StandardCharsets.UTF_8));
    }
    BatchScan s = scan(f, schema("id INT"), "header", "true", "maxPartitionBytes", "4");
    assertThat(s.numPartitions()).isEqualTo(1);
    assertThat(readAll(s)).containsExactly(row(1), row(2));
  }

  @Test
  void badOptionsFailNamingTheOption() {
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "quote", "ab"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE");
              assertThat(e.getMessageParameters()).containsEntry("option", "quote");
            });
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "header", "yes"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "header"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "encoding", "UTF-16"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "encoding"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "unescapedQuoteHandling", "nope"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getMessageParameters())
                    .containsEntry("option", "unescapedQuoteHandling"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "locale", "de-DE"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "locale"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "sep", ""))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_DELIMITER_VALUE.EMPTY_STRING"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "sep", "\\"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getErrorClass())
                    .isEqualTo("INVALID_DELIMITER_VALUE.SINGLE_BACKSLASH"));
    assertThatThrownBy(() -> read(dir, "x", "s STRING", "sep", "\\x"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass())
                  .isEqualTo("INVALID_DELIMITER_VALUE.UNSUPPORTED_SPECIAL_CHARACTER");
              assertThat(e.getMessageParameters()).containsEntry("str", "\\x");
            });
  }

  @Test
  void unsupportedTypesAndCorruptColumnTypeAreRejected() {
    assertThatThrownBy(() -> read(dir, "x", "a ARRAY<INT>"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
              assertThat(e.getMessageParameters())
                  .containsEntry("columnName", "`a`")
                  .containsEntry("format", "CSV");
            });
    assertThatThrownBy(() -> read(dir, "x", "a BINARY"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE"));
    assertThatThrownBy(() -> read(dir, "x", "a STRING, _corrupt_record INT"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_CORRUPT_RECORD_TYPE"));
  }

  @Test
  void tooManyColumnsFailTheRead() throws IOException {
    Path f = writeRaw(dir, "wide.csv", "a,b,c\n");
    assertThatThrownBy(() -> readAll(scan(f, schema("a STRING"), "maxColumns", "2")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("FAILED_READ_FILE.NO_HINT");
              assertThat(e.getMessageParameters().get("path")).endsWith("wide.csv");
              assertThat(e.getCause()).hasMessageContaining("maxColumns");
            });
  }
}
