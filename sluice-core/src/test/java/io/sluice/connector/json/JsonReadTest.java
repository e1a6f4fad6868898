package io.sluice.connector.json;

import static io.sluice.connector.json.JsonTestSupport.readAll;
import static io.sluice.connector.json.JsonTestSupport.row;
import static io.sluice.connector.json.JsonTestSupport.scan;
import static io.sluice.connector.json.JsonTestSupport.schema;
import static io.sluice.connector.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.BatchScan;
import io.sluice.connector.DataSourceRegistry;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReadTest {
  @TempDir Path dir;

  @Test
  void providerIsFoundByShortName() {
    assertThat(DataSourceRegistry.find("JSON")).isInstanceOf(JsonDataSourceProvider.class);
  }

  @Test
  void readsEveryAtomicType() throws Exception {
    Path f =
        write(
            dir,
            "t.json",
            "{\"l\": 9007199254740993, \"i\": -7, \"s\": 300, \"b\": 100, \"d\": 10.97, \"f\": 1.5,"
                + " \"dec\": 12.345, \"str\": \"héllo \\\"x\\\" 😀\", \"bool\": true,"
                + " \"bin\": \"AQID\", \"dt\": \"2024-02-29\", \"ts\": \"2026-01-01T00:00:00.123Z\"}",
            "{\"l\": -1, \"d\": 3, \"f\": 2, \"dec\": \"1,234.5\", \"bool\": false,"
                + " \"ts\": \"2024-01-01 10:00:00\", \"dt\": \"2024-01-01T10:00:00\"}");
    StructType s =
        schema(
            "l BIGINT, i INT, s SMALLINT, b TINYINT, d DOUBLE, f FLOAT,"
                + " dec DECIMAL(6,2), str STRING, bool BOOLEAN, bin BINARY, dt DATE, ts TIMESTAMP");
    List<List<Object>> rows = readAll(scan(f, s));
    assertThat(rows)
        .containsExactly(
            row(
                9007199254740993L,
                -7,
                (short) 300,
                (byte) 100,
                10.97,
                1.5f,
                new BigDecimal("12.35"),
                "héllo \"x\" 😀",
                true,
                "[1, 2, 3]",
                19782,
                1767225600123000L),
            row(
                -1L,
                null,
                null,
                null,
                3.0,
                2.0f,
                new BigDecimal("1234.50"),
                null,
                false,
                null,
                19723,
                1704103200000000L));
  }

  @Test
  void timestampsFromEpochSecondsAndFormats() throws Exception {
    Path f =
        write(
            dir,
            "t.json",
            "{\"ts\": 1700000000, \"dt\": \"01/02/2024\", \"ts2\": \"2024/01/02 03:04\"}");
    BatchScan scan =
        scan(
            f,
            schema("ts TIMESTAMP, dt DATE, ts2 TIMESTAMP"),
            "dateFormat",
            "MM/dd/yyyy",
            "timestampFormat",
            "yyyy/MM/dd HH:mm");
    List<List<Object>> rows = readAll(scan);
    // the timestampFormat applies to strings; integers are epoch seconds
    assertThat(rows).containsExactly(row(1700000000000000L, 19724, 1704164640000000L));
  }

  @Test
  void timeZoneOptionAppliesToTimestampsWithoutZone() throws Exception {
    Path f = write(dir, "t.json", "{\"ts\": \"2024-01-01 10:00:00\"}");
    List<List<Object>> rows = readAll(scan(f, schema("ts TIMESTAMP"), "timeZone", "+02:00"));
    assertThat(rows).containsExactly(row(1704096000000000L));
  }

  @Test
  void nestedStructsArraysAndMaps() throws Exception {
    Path f =
        write(
            dir,
            "n.json",
            "{\"s\": {\"x\": 1, \"y\": [\"a\", null]}, \"a\": [[1, 2], [], null],"
                + " \"m\": {\"k1\": {\"v\": 1.5}, \"k2\": null}, \"as\": [{\"v\": 1}, {\"w\": 2}]}",
            "{\"s\": null, \"a\": null}",
            "{}");
    StructType s =
        schema(
            "s STRUCT<x: INT, y: ARRAY<STRING>>, a ARRAY<ARRAY<BIGINT>>,"
                + " m MAP<STRING, STRUCT<v: DOUBLE>>, as ARRAY<STRUCT<v: INT>>");
    List<List<Object>> rows = readAll(scan(f, s));
    assertThat(rows.get(0))
        .containsExactly(
            List.of(1, Arrays.asList("a", null)),
            Arrays.asList(List.of(1L, 2L), List.of(), null),
            mapOf("k1", List.of(1.5), "k2", null),
            Arrays.asList(List.of(1), Arrays.asList((Object) null)));
    assertThat(rows.get(1)).containsExactly(null, null, null, null);
    assertThat(rows.get(2)).containsExactly(null, null, null, null);
  }

  @Test
  void missingKeysUnknownKeysAndDuplicatesFollowSpark() throws Exception {
    Path f =
        write(
            dir,
            "d.json",
            "{\"b\": \"x\", \"zzz\": {\"deep\": [1, {\"q\": 2}]}, \"a\": 1}",
            "{\"a\": 1, \"a\": 2}",
            "{\"A\": 4, \"b\": 5}");
    List<List<Object>> rows = readAll(scan(f, schema("a INT, b STRING")));
    assertThat(rows).containsExactly(row(1, "x"), row(2, null), row(null, "5"));
  }

  @Test
  void nonStringValuesReadAsStringsKeepTheirExactText() throws Exception {
    Path f =
        write(
            dir,
            "s.json",
            "{\"s\": {\"x\": 1,  \"y\": [true]}}",
            "{\"s\": 1.50}",
            "{\"s\": false}",
            "{\"s\": [1, \"two\"]}");
    List<List<Object>> rows = readAll(scan(f, schema("s STRING")));
    assertThat(rows)
        .containsExactly(
            row("{\"x\": 1,  \"y\": [true]}"), row("1.50"), row("false"), row("[1, \"two\"]"));
  }

  @Test
  void permissiveKeepsPartialResultsAndTheCorruptRecord() throws Exception {
    Path f =
        write(
            dir,
            "p.json",
            "{\"a\": 1, \"b\": \"x\", \"c\": [1, 2]}",
            "{\"a\": \"seven\", \"b\": \"y\"}",
            "{\"a\": 1, \"b\": \"x\"",
            "not json",
            "",
            "{\"a\": 2147483648}",
            "{\"a\": 3, \"c\": [1, \"x\", 3], \"b\": \"z\"}",
            "[1, 2]",
            "null",
            "{\"a\": 4, \"s\": {\"p\": \"bad\", \"q\": \"ok\"}}");
    StructType s =
        schema(
            "a INT, b STRING, c ARRAY<INT>, s STRUCT<p: INT, q: STRING>,"
                + " _corrupt_record STRING");
    List<List<Object>> rows = readAll(scan(f, s));
    assertThat(rows)
        .containsExactly(
            row(1, "x", List.of(1, 2), null, null),
            row(null, "y", null, null, "{\"a\": \"seven\", \"b\": \"y\"}"),
            row(null, null, null, null, "{\"a\": 1, \"b\": \"x\""),
            row(null, null, null, null, "not json"),
            row(null, null, null, null, "{\"a\": 2147483648}"),
            row(3, "z", null, null, "{\"a\": 3, \"c\": [1, \"x\", 3], \"b\": \"z\"}"),
            row(null, null, null, null, "[1, 2]"),
            row(null, null, null, null, "null"),
            row(
                4,
                null,
                null,
                Arrays.asList(null, "ok"),
                "{\"a\": 4, \"s\": {\"p\": \"bad\", \"q\": \"ok\"}}"));
  }

  @Test
  void permissiveWithoutCorruptColumnGivesNulls() throws Exception {
    Path f = write(dir, "p.json", "{\"a\": 1}", "oops", "{\"a\": true}");
    assertThat(readAll(scan(f, schema("a INT"))))
        .containsExactly(row(1), row((Object) null), row((Object) null));
  }

  @Test
  void customCorruptColumnName() throws Exception {
    Path f = write(dir, "p.json", "{\"a\": 1}", "oops");
    List<List<Object>> rows =
        readAll(scan(f, schema("a INT, bad STRING"), "columnNameOfCorruptRecord", "bad"));
    assertThat(rows).containsExactly(row(1, null), row(null, "oops"));
  }

  @Test
  void dropMalformedDropsTheRecord() throws Exception {
    Path f =
        write(
            dir,
            "p.json",
            "{\"a\": 1}",
            "oops",
            "{\"a\": \"x\", \"b\": 2}",
            "[{\"a\": 5}, {\"a\": \"bad\"}]",
            "{\"a\": 3}");
    assertThat(readAll(scan(f, schema("a INT, b INT"), "mode", "dropmalformed")))
        .containsExactly(row(1, null), row(3, null));
  }

  @Test
  void failFastNamesTheRecordAndTheFile() throws Exception {
    Path f = write(dir, "p.json", "{\"a\": 1}", "{\"a\": oops}");
    BatchScan scan = scan(f, schema("a INT"), "MODE", "FailFast");
    io.sluice.error.SluiceException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> readAll(scan), io.sluice.error.SluiceException.class);
    assertThat(e.getErrorClass()).isEqualTo("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    assertThat(e.getMessageParameters())
        .containsEntry("badRecord", "{\"a\": oops}")
        .containsEntry("path", "file:" + f);
    assertThat(e.getMessage()).contains("{\"a\": oops}").contains(f.toString());
  }

  @Test
  void topLevelArraysGiveOneRowPerElement() throws Exception {
    Path f = write(dir, "a.json", "[{\"a\": 1}, {\"a\": 2}]", "[]", "[{\"a\": \"x\"}, {\"a\": 3}]");
    List<List<Object>> rows = readAll(scan(f, schema("a INT, _corrupt_record STRING")));
    String bad = "[{\"a\": \"x\"}, {\"a\": 3}]";
    assertThat(rows).containsExactly(row(1, null), row(2, null), row(null, bad), row(3, bad));
  }

  @Test
  void valueSpanningLinesIsMalformedAndTextAfterAValueIsIgnored() throws Exception {
    Path f =
        write(
            dir,
            "m.json",
            "{\"a\": 1} trailing",
            "{\"a\":",
            "2}",
            "{\"a\": 3}",
            "{\"a\": 4",
            "}",
            "{\"a\": 5}  ",
            "[{\"a\": 6},",
            "{\"a\": 7}]");
    List<List<Object>> rows = readAll(scan(f, schema("a INT, _corrupt_record STRING")));
    assertThat(rows)
        .containsExactly(
            row(1, null),
            row(null, "{\"a\":"),
            row(null, "2}"),
            row(3, null),
            row(null, "{\"a\": 4"),
            row(null, "}"),
            row(5, null),
            row(null, "[{\"a\": 6},"),
            row(7, null));
  }

  @Test
  void columnPruningReadsOnlyRequestedColumnsInTheirOrder() throws Exception {
    Path f =
        write(
            dir,
            "c.json",
            "{\"a\": 1, \"b\": \"x\", \"c\": {\"d\": [1]}}",
            "{\"a\": \"bad\", \"b\": \"y\"}");
    BatchScan scan = scan(f, schema("a INT, b STRING, c STRUCT<d: ARRAY<INT>>"));
    // "a" is malformed in the second record, but it is not read: the record is fine
    assertThat(readAll(scan, schema("b STRING"), 10)).containsExactly(row("x"), row("y"));
    assertThat(readAll(scan, schema("c STRUCT<d: ARRAY<INT>>, b STRING"), 10))
        .containsExactly(row(List.of(List.of(1)), "x"), row(null, "y"));
  }

  @Test
  void batchesRespectTheBatchSize() throws Exception {
    String[] lines = new String[25];
    for (int i = 0; i < lines.length; i++) lines[i] = "{\"a\": " + i + "}";
    Path f = write(dir, "b.json", lines);
    BatchScan scan = scan(f, schema("a INT"));
    try (var it = scan.read(0, scan.schema(), 10)) {
      assertThat(it.next().numRows()).isEqualTo(10);
      assertThat(it.next().numRows()).isEqualTo(10);
      assertThat(it.next().numRows()).isEqualTo(5);
      assertThat(it.next()).isNull();
    }
  }

  @Test
  void nonNumericNumbersAndJacksonFeatures() throws Exception {
    Path f =
        write(
            dir,
            "f.json",
            "{\"d\": NaN, \"e\": \"-Infinity\", 'q': 'single'}",
            "// comment only",
            "{unquoted: 007, \"d\": 1 /* c */}");
    List<List<Object>> rows =
        readAll(
            scan(
                f,
                schema("d DOUBLE, e DOUBLE, q STRING, unquoted INT"),
                "allowComments",
                "true",
                "allowUnquotedFieldNames",
                "true",
                "allowNumericLeadingZeros",
                "true"));
    assertThat(rows)
        .containsExactly(
            row(Double.NaN, Double.NEGATIVE_INFINITY, "single", null), row(1.0, null, null, 7));
  }

  @Test
  void singleQuotesAreAllowedUnlessTurnedOff() throws Exception {
    Path f = write(dir, "q.json", "{'a': 'x', \"b\": 1}", "{\"a\": \"y\", \"b\": 2}");
    assertThat(readAll(scan(f, schema("a STRING, b INT"))))
        .containsExactly(row("x", 1), row("y", 2));
    // without single quotes the first record is malformed: PERMISSIVE gives its row all null,
    // DROPMALFORMED drops it
    assertThat(readAll(scan(f, schema("a STRING, b INT"), "allowSingleQuotes", "false")))
        .containsExactly(row(null, null), row("y", 2));
    assertThat(
            readAll(
                scan(
                    f,
                    schema("a STRING, b INT"),
                    "allowSingleQuotes",
                    "false",
                    "mode",
                    "DROPMALFORMED")))
        .containsExactly(row("y", 2));
  }

  @Test
  void customLineSeparator() throws Exception {
    Path f = dir.resolve("sep.json");
    java.nio.file.Files.writeString(f, "{\"a\": 1}|{\"a\": 2}|\n{\"a\": 3}");
    assertThat(readAll(scan(f, schema("a INT"), "lineSep", "|")))
        .containsExactly(row(1), row(2), row(3));
  }

  @Test
  void crlfAndCrLineEndingsAndByteOrderMark() throws Exception {
    Path f = dir.resolve("crlf.json");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"a\": 1}\r\n{\"a\": 2}\r{\"a\": 3}".getBytes();
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    java.nio.file.Files.write(f, all);
    assertThat(readAll(scan(f, schema("a INT, _corrupt_record STRING"))))
        .containsExactly(row(1, null), row(2, null), row(3, null));
  }

  @Test
  void gzipFilesAreDecompressed() throws Exception {
    Path f = dir.resolve("g.json.gz");
    try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(f))) {
      out.write("{\"a\": 1}\n{\"a\": 2}\n".getBytes());
    }
    assertThat(readAll(scan(f, schema("a INT")))).containsExactly(row(1), row(2));
  }

  @Test
  void descriptionNamesThePaths() throws Exception {
    Path f = write(dir, "x.json", "{}");
    assertThat(scan(List.of(f.toString(), "file:" + f), schema("a INT")).description())
        .isEqualTo("json [file:" + f + ", file:" + f + "]");
  }

  @Test
  void stringsWithAndWithoutEscapesAndKeysInVaryingOrder() throws Exception {
    Path f =
        write(
            dir,
            "e.json",
            "{\"a\": \"plain\", \"b\": \"tab\\there\", \"c\": \"\\u00e9t\u00e9\"}",
            "{\"c\": \"日本語テキスト\", \"a\": \"\", \"b\": \"long string over eight bytes\"}",
            "{\"b\": \"x\", \"a\\u0062\": \"escaped key\", \"c\": \"q\\\"q\"}",
            "{\"a\": \"2024-01-01\", \"t\": \"\\u0032024-01-01T00:00:00Z\"}");
    List<List<Object>> rows =
        readAll(scan(f, schema("a STRING, b STRING, c STRING, ab STRING," + " t TIMESTAMP")));
    assertThat(rows)
        .containsExactly(
            row("plain", "tab\there", "été", null, null),
            row("", "long string over eight bytes", "日本語テキスト", null, null),
            row(null, "x", "q\"q", "escaped key", null),
            row("2024-01-01", null, null, null, 1704067200000000L));
  }

  @Test
  void emptyStringsFailForNonStringTypes() throws Exception {
    Path f = write(dir, "e.json", "{\"t\": \"\", \"d\": \"\", \"i\": \"\", \"b\": \"\"}");
    List<List<Object>> rows =
        readAll(
            scan(f, schema("t TIMESTAMP, d DATE, i INT, b BINARY," + " _corrupt_record STRING")));
    assertThat(rows.get(0).subList(0, 4)).containsExactly(null, null, null, "[]");
    assertThat(rows.get(0).get(4)).isNotNull();
  }

  private static Map<Object, Object> mapOf(Object... kv) {
    Map<Object, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
