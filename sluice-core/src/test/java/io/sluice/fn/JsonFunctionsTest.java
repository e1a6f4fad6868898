package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.from_json;
import static io.sluice.functions.lit;
import static io.sluice.functions.lower;
import static io.sluice.functions.schema_of_json;
import static io.sluice.functions.upper;
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
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code from_json} and {@code schema_of_json} through the whole engine: every type, nested
 * schemas, the modes and the corrupt-record field, options, schema arguments, names and types.
 */
class JsonFunctionsTest {
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

  static DataFrame strings(Session s, String... values) {
    List<Row> rows = new ArrayList<>();
    for (String v : values) rows.add(RowFactory.create(v));
    return s.createDataFrame(rows, StructType.fromDDL("value STRING"));
  }

  private static List<Object> firstColumn(DataFrame df) {
    List<Object> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.get(0));
    return out;
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static Map<String, String> opts(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  @Test
  void everyAtomicType() {
    StructType schema =
        StructType.fromDDL(
            "b TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT,"
                + " d DOUBLE, dec DECIMAL(10, 2), str STRING, bool BOOLEAN, bin BINARY, dt DATE,"
                + " ts TIMESTAMP");
    DataFrame df =
        strings(
            session,
            "{\"b\": 1, \"s\": 2, \"i\": 3, \"l\": 4, \"f\": 1.5,"
                + " \"d\": 2.25, \"dec\": 3.456, \"str\": \"x\\ny\", \"bool\": true, \"bin\": \"AQI=\","
                + " \"dt\": \"2015-08-26\", \"ts\": \"2026-01-01T00:00:00.123Z\"}");
    Row parsed = (Row) firstColumn(df.select(from_json(col("value"), schema))).get(0);
    assertThat(parsed)
        .isEqualTo(
            row(
                (byte) 1,
                (short) 2,
                3,
                4L,
                1.5f,
                2.25,
                new BigDecimal("3.46"),
                "x\ny",
                true,
                new byte[] {1, 2},
                Date.valueOf("2015-08-26"),
                Timestamp.from(Instant.parse("2026-01-01T00:00:00.123Z"))));
  }

  @Test
  void nestedStructsArraysAndMaps() {
    StructType schema =
        StructType.fromDDL(
            "a STRUCT<x: INT, y: ARRAY<STRING>>, m MAP<STRING, INT>, arr ARRAY<STRUCT<k: BIGINT>>");
    DataFrame df =
        strings(
            session,
            "{\"arr\": [{\"k\": 1}, null, {}], \"a\": {\"y\": [\"p\", null], \"x\": 7},"
                + " \"m\": {\"u\": 1, \"v\": null}, \"unknown\": {\"deep\": [1, 2]}}");
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("u", 1);
    m.put("v", null);
    assertThat(firstColumn(df.select(from_json(col("value"), schema))))
        .containsExactly(
            row(
                row(7, Arrays.asList("p", null)),
                m,
                Arrays.asList(row(1L), null, row((Object) null))));
  }

  @Test
  void nonStringValuesReadAsStringsAreRegeneratedAsSparksFromJsonDoes() {
    DataFrame df =
        strings(
            session,
            "{\"s\": {\"x\" : [1, 2]}, \"n\": 1.50, \"b\": true, \"i\": 12, \"t\": \"a\\u0041\"}");
    assertThat(
            firstColumn(
                df.select(
                    from_json(
                        col("value"),
                        StructType.fromDDL("s STRING, n STRING, b STRING, i STRING, t STRING")))))
        .containsExactly(row("{\"x\":[1,2]}", "1.5", "true", "12", "aA"));
  }

  @Test
  void ansiModeDoesNotChangeParsing() {
    Session legacy = session.newSession();
    legacy.conf().set("spark.sql.ansi.enabled", "false");
    DataFrame df = strings(legacy, "{\"a\": \"x\", \"b\": 99999999999}", "{\"a\": 1}");
    assertThat(firstColumn(df.select(from_json(col("value"), StructType.fromDDL("a INT, b INT")))))
        .containsExactly(row(null, null), row(1, null));
  }

  @Test
  void nullEmptyAndBlankInputsAreNullAndMissingFieldsAreNull() {
    DataFrame df = strings(session, null, "", "   ", "{}", "{\"other\": 1}", "null");
    assertThat(firstColumn(df.select(from_json(col("value"), StructType.fromDDL("a INT")))))
        .containsExactly(
            null, null, null, row((Object) null), row((Object) null), row((Object) null));
  }

  @Test
  void arrayAndMapSchemas() {
    DataFrame df = strings(session, "[1, 2, 3]", "[1, \"x\"]", "{\"a\": 1}", "[1, 2 3]");
    assertThat(
            firstColumn(
                df.select(from_json(col("value"), new ArrayType(DataTypes.IntegerType, false)))))
        .containsExactly(List.of(1, 2, 3), null, null, null);
    DataFrame objects =
        strings(session, "[{\"a\": 1}, {\"a\": 2}]", "{\"a\": 3}", "{\"a\": \"x\"}");
    assertThat(
            firstColumn(objects.select(from_json(col("value"), "ARRAY<STRUCT<a: INT>>", Map.of()))))
        .containsExactly(List.of(row(1), row(2)), List.of(row(3)), List.of(row((Object) null)));
    DataFrame maps = strings(session, "{\"a\": 1, \"b\": 2}", "{\"a\": \"x\"}", "[1]");
    DataFrame parsed =
        maps.select(
            from_json(
                col("value"), new MapType(DataTypes.StringType, DataTypes.IntegerType, false)));
    assertThat(parsed.columns()).containsExactly("entries");
    assertThat(firstColumn(parsed)).containsExactly(Map.of("a", 1, "b", 2), null, null);
  }

  @Test
  void permissiveKeepsPartialResultsAndTheCorruptRecord() {
    StructType schema = StructType.fromDDL("a INT, b INT, _corrupt_record STRING");
    String bad = "{\"a\" 1, \"b\": 11}";
    String partial = "{\"a\": \"1\", \"b\": 11}";
    DataFrame df = strings(session, bad, partial, "{\"a\": 2, \"b\": 12}", "[{\"a\": 3}]", "7");
    assertThat(firstColumn(df.select(from_json(col("value"), schema, opts("mode", "PERMISSIVE")))))
        .containsExactly(
            row(null, null, bad),
            row(null, 11, partial),
            row(2, 12, null),
            row(null, null, "[{\"a\": 3}]"),
            row(null, null, "7"));
    // without the field, the same rows but no text
    assertThat(firstColumn(df.select(from_json(col("value"), StructType.fromDDL("a INT, b INT")))))
        .containsExactly(
            row(null, null), row(null, 11), row(2, 12), row(null, null), row(null, null));
  }

  @Test
  void corruptRecordFieldNamedByOptionAnywhereInTheSchema() {
    StructType schema = StructType.fromDDL("a INT, _unparsed STRING, b INT");
    String bad = "{\"a\" 1, \"b\": 11}";
    DataFrame df = strings(session, bad, "{\"a\": 2, \"b\": 12, \"_unparsed\": \"ignored\"}");
    assertThat(
            firstColumn(
                df.select(
                    from_json(
                        col("value"), schema, opts("columnNameOfCorruptRecord", "_unparsed")))))
        .containsExactly(row(null, bad, null), row(2, null, 12));
  }

  @Test
  void corruptRecordFieldNamedByTheSession() {
    Session custom = session.newSession();
    custom.conf().set("spark.sql.columnNameOfCorruptRecord", "_unparsed");
    String bad = "{\"a\" 1, \"b\": 11}";
    DataFrame df = strings(custom, bad, "{\"a\": 2, \"b\": 12}");
    assertThat(
            firstColumn(
                df.select(
                    from_json(col("value"), StructType.fromDDL("a INT, b INT, _unparsed STRING")))))
        .containsExactly(row(null, null, bad), row(2, 12, null));
  }

  @Test
  void corruptRecordFieldMustBeAString() {
    DataFrame df = strings(session, "{}");
    assertThatThrownBy(
            () ->
                df.select(from_json(col("value"), StructType.fromDDL("a INT, _corrupt_record INT")))
                    .collectAsList())
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_CORRUPT_RECORD_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("columnName", "`_corrupt_record`")
                  .containsEntry("actualType", "\"INT\"");
            });
  }

  @Test
  void failFastNamesTheRecordAsSparkShowsIt() {
    StructType schema = StructType.fromDDL("a INT, b INT, _corrupt_record STRING");
    DataFrame bad = strings(session, "{\"a\": 2, \"b\": 12}", "{\"a\" 1, \"b\": 11}");
    assertThatThrownBy(
            () ->
                bad.select(from_json(col("value"), schema, opts("mode", "FAILFAST")))
                    .collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass())
                  .isEqualTo("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
              assertThat(e.getMessageParameters())
                  .containsEntry("badRecord", "[null,null,{\"a\" 1, \"b\": 11}]")
                  .containsEntry("failFastMode", "FAILFAST");
            });
    DataFrame partial = strings(session, "{\"a\": \"1\", \"b\": 11}");
    assertThatThrownBy(
            () ->
                partial
                    .select(
                        from_json(
                            col("value"),
                            StructType.fromDDL("a INT, b INT"),
                            opts("mode", "failfast")))
                    .collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("badRecord", "[null,11]"));
    DataFrame array = strings(session, "[1, \"x\"]");
    assertThatThrownBy(
            () ->
                array
                    .select(
                        from_json(
                            col("value"),
                            new ArrayType(DataTypes.IntegerType, true),
                            opts("mode", "FAILFAST")))
                    .collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("badRecord", "[null]"));
    DataFrame arrayAsStruct = strings(session, "[{\"a\": 1}]");
    assertThatThrownBy(
            () ->
                arrayAsStruct
                    .select(
                        from_json(
                            col("value"), StructType.fromDDL("a INT"), opts("mode", "FAILFAST")))
                    .collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getErrorClass())
                    .isEqualTo("MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS"));
    // valid records pass in FAILFAST
    assertThat(
            firstColumn(
                strings(session, "{\"a\": 1}")
                    .select(
                        from_json(
                            col("value"), StructType.fromDDL("a INT"), opts("mode", "FAILFAST")))))
        .containsExactly(row(1));
  }

  @Test
  void dropMalformedIsRejectedAsSparkRejectsIt() {
    DataFrame df = strings(session, "{\"a\": 1}");
    assertThatThrownBy(
            () ->
                df.select(
                        from_json(
                            col("value"),
                            StructType.fromDDL("a INT"),
                            opts("mode", "DROPMALFORMED")))
                    .collectAsList())
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("PARSE_MODE_UNSUPPORTED");
              assertThat(e.getMessageParameters())
                  .containsEntry("funcName", "`from_json`")
                  .containsEntry("mode", "DROPMALFORMED");
            });
  }

  @Test
  void parseOptions() {
    StructType ts = StructType.fromDDL("t TIMESTAMP");
    assertThat(
            firstColumn(
                strings(session, "{\"t\": \"26/08/2015 18:00\"}")
                    .select(
                        from_json(col("value"), ts, opts("timestampFormat", "dd/MM/yyyy HH:mm")))))
        .containsExactly(row(Timestamp.from(Instant.parse("2015-08-26T18:00:00Z"))));
    assertThat(
            firstColumn(
                strings(session, "{\"t\": \"2015-08-26 18:00:00\"}")
                    .select(from_json(col("value"), ts, opts("timeZone", "America/Los_Angeles")))))
        .containsExactly(row(Timestamp.from(Instant.parse("2015-08-27T01:00:00Z"))));
    assertThat(
            firstColumn(
                strings(session, "{\"d\": \"26/08/2015\"}")
                    .select(
                        from_json(
                            col("value"),
                            StructType.fromDDL("d DATE"),
                            opts("dateFormat", "dd/MM/yyyy")))))
        .containsExactly(row(Date.valueOf("2015-08-26")));
    StructType str = StructType.fromDDL("str STRING");
    assertThat(parse("{\"str\": /* Hello */ \"World\"}", str, "allowComments", "true"))
        .isEqualTo(row("World"));
    assertThat(parse("{\"str\": /* Hello */ \"World\"}", str)).isEqualTo(row((Object) null));
    assertThat(parse("{str: \"World\"}", str, "allowUnquotedFieldNames", "true"))
        .isEqualTo(row("World"));
    assertThat(parse("{\"str\": 'World'}", str)).isEqualTo(row("World"));
    assertThat(parse("{\"str\": 'World'}", str, "allowSingleQuotes", "false"))
        .isEqualTo(row((Object) null));
    assertThat(
            parse(
                "{\"int\": 0018}",
                StructType.fromDDL("int INT"),
                "allowNumericLeadingZeros",
                "true"))
        .isEqualTo(row(18));
    assertThat(parse("{\"str\": \"\\$10\"}", str, "allowBackslashEscapingAnyCharacter", "true"))
        .isEqualTo(row("$10"));
    assertThat(parse("{\"str\": \"a\u0001b\"}", str, "allowUnquotedControlChars", "true"))
        .isEqualTo(row("a\u0001b"));
    assertThat(
            parse(
                "{\"f\": +Infinity}",
                StructType.fromDDL("f FLOAT"),
                "allowNonNumericNumbers",
                "false"))
        .isEqualTo(row((Object) null));
    assertThat(parse("{\"f\": NaN}", StructType.fromDDL("f DOUBLE"))).isEqualTo(row(Double.NaN));
  }

  private static Row parse(String json, StructType schema, String... options) {
    return (Row)
        firstColumn(strings(session, json).select(from_json(col("value"), schema, opts(options))))
            .get(0);
  }

  @Test
  void badOptionValuesNameTheOption() {
    assertThatThrownBy(() -> parse("{}", StructType.fromDDL("a INT"), "allowComments", "maybe"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE");
              assertThat(e.getMessageParameters()).containsEntry("option", "allowComments");
            });
  }

  @Test
  void namesAndTypes() {
    DataFrame df = strings(session, "{\"a\": 1}");
    DataFrame parsed = df.select(from_json(col("value"), StructType.fromDDL("a INT NOT NULL")));
    assertThat(parsed.columns()).containsExactly("from_json(value)");
    assertThat(parsed.schema().get(0).nullable()).isTrue();
    assertThat(parsed.schema().get(0).dataType())
        .isEqualTo(StructType.fromDDL("a INT")); // fields made nullable, as Spark does
    assertThat(
            df.select(
                    from_json(col("value"), StructType.fromDDL("a INT"), opts("mode", "FAILFAST")))
                .columns())
        .containsExactly("from_json(value)");
    assertThat(
            df.select(from_json(col("value"), StructType.fromDDL("a INT")).getField("a"))
                .collectAsList())
        .containsExactly(row(1));
  }

  @Test
  void schemaArguments() {
    DataFrame df = strings(session, "{\"id\": 1, \"city\": \"Moscow\"}");
    assertThat(firstColumn(df.select(from_json(col("value"), "id INT, city STRING", Map.of()))))
        .containsExactly(row(1, "Moscow"));
    assertThat(firstColumn(df.select(from_json(col("value"), lower(lit("ID INT, CITY STRING"))))))
        .containsExactly(row(1, "Moscow"));
    DataFrame inferred =
        strings(session, "{\"a\": [1, 2, 3]}")
            .select(from_json(col("value"), schema_of_json("{\"a\": [1]}")).as("parsed"));
    assertThat(inferred.schema()).isEqualTo(StructType.fromDDL("parsed STRUCT<a: ARRAY<BIGINT>>"));
    assertThat(firstColumn(inferred)).containsExactly(row(List.of(1L, 2L, 3L)));
    String jsonForm =
        "{\"type\": \"map\", \"keyType\": \"string\", \"valueType\":"
            + " \"integer\", \"valueContainsNull\": true}";
    DataFrame map =
        strings(session, "{\"a\": 1, \"b\": 2}")
            .select(from_json(col("value"), jsonForm, Map.of()));
    assertThat(map.columns()).containsExactly("entries");
    assertThat(firstColumn(map)).containsExactly(Map.of("a", 1, "b", 2));
    String structForm =
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":"
            + "\"decimal(5,1)\",\"nullable\":true,\"metadata\":{}},{\"name\":\"b\",\"type\":"
            + "{\"type\":\"array\",\"elementType\":\"long\",\"containsNull\":true},"
            + "\"nullable\":true,\"metadata\":{}}]}";
    assertThat(
            firstColumn(
                strings(session, "{\"a\": 1.25, \"b\": [7]}")
                    .select(from_json(col("value"), structForm, Map.of()))))
        .containsExactly(row(new BigDecimal("1.3"), List.of(7L)));
    assertThat(
            strings(session, "{\"a b\": 1}")
                .select(from_json(col("value"), schema_of_json("{\"a b\": 100}")))
                .schema()
                .get(0)
                .dataType())
        .isEqualTo(new StructType().add("a b", DataTypes.LongType));
  }

  @Test
  void badSchemaArguments() {
    DataFrame df =
        session.createDataFrame(
            List.of(RowFactory.create("{\"i\": 1}", "i int")),
            StructType.fromDDL("json STRING, schema STRING"));
    assertThatThrownBy(() -> df.select(from_json(col("json"), col("schema"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_SCHEMA.NON_STRING_LITERAL");
              assertThat(e.getMessageParameters()).containsEntry("inputSchema", "\"schema\"");
            });
    assertThatThrownBy(() -> df.select(from_json(col("json"), lit(1))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_SCHEMA.NON_STRING_LITERAL"));
    assertThatThrownBy(() -> df.select(from_json(col("json"), "INT", Map.of())))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.INVALID_JSON_SCHEMA");
              assertThat(e.getMessageParameters())
                  .containsEntry("schema", "\"INT\"")
                  .containsEntry("sqlExpr", "\"from_json(json)\"");
            });
    assertThatThrownBy(
            () ->
                df.select(
                    from_json(
                        col("json"),
                        new MapType(StructType.fromDDL("f INT"), DataTypes.StringType, true))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass())
                  .isEqualTo("DATATYPE_MISMATCH.INVALID_JSON_MAP_KEY_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("schema", "\"MAP<STRUCT<f: INT>, STRING>\"")
                  .containsEntry("sqlExpr", "\"entries\"");
            });
    assertThatThrownBy(() -> df.select(from_json(col("json"), "a cow", Map.of())))
        .isInstanceOf(SluiceException.class);
  }

  @Test
  void optionsMustBeAStringMap() {
    DataFrame df = strings(session, "{}");
    assertThatThrownBy(
            () ->
                df.select(
                    io.sluice.functions.call_function(
                        "from_json", col("value"), lit("a INT"), lit(1))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTIONS.NON_MAP_FUNCTION"));
  }

  @Test
  void recordsAcrossBatchesWithMalformedOnesInBetween() {
    List<String> values = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      switch (i % 7) {
        case 0 -> {
          values.add("{\"a\": " + i + ", \"b\": \"s" + i + "\"}");
          expected.add(row(i, "s" + i));
        }
        case 1 -> {
          values.add("{\"a\":"); // runs into the next record
          expected.add(row(null, null));
        }
        case 2 -> {
          values.add(i + "}");
          expected.add(row(null, null));
        }
        case 3 -> {
          values.add("{\"b\": \"t\"} trailing text");
          expected.add(row(null, "t"));
        }
        case 4 -> {
          values.add("{\"a\": 1");
          expected.add(row(null, null));
        }
        case 5 -> {
          values.add("{\"a\": 12}{\"a\": 13}");
          expected.add(row(12, null));
        }
        default -> {
          values.add(null);
          expected.add(null);
        }
      }
    }
    DataFrame df = strings(session, values.toArray(new String[0]));
    StructType schema = StructType.fromDDL("a INT, b STRING");
    assertThat(firstColumn(df.select(from_json(col("value"), schema))))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void schemaOfJsonInfersSparksTypes() {
    DataFrame one = session.range(1);
    assertThat(
            firstColumn(
                one.select(
                    schema_of_json(
                        "{\"a\": 1, \"b\": \"x\", \"c\": [1.5], \"d\": {\"e\": true}, \"f\": null, \"g\": \"\"}"))))
        .containsExactly(
            "STRUCT<a: BIGINT, b: STRING, c: ARRAY<DOUBLE>, d: STRUCT<e: BOOLEAN>,"
                + " f: STRING, g: STRING>");
    assertThat(firstColumn(one.select(schema_of_json("[{\"col\": 0}]"))))
        .containsExactly("ARRAY<STRUCT<col: BIGINT>>");
    assertThat(firstColumn(one.select(schema_of_json("null")))).containsExactly("STRING");
    assertThat(firstColumn(one.select(schema_of_json("{}")))).containsExactly("STRUCT<>");
    assertThat(firstColumn(one.select(schema_of_json("{\"a\": 12345678901234567890}"))))
        .containsExactly("STRUCT<a: DECIMAL(20,0)>");
    assertThat(
            firstColumn(
                one.select(schema_of_json(lit("{a: 1}"), opts("allowUnquotedFieldNames", "true")))))
        .containsExactly("STRUCT<a: BIGINT>");
    assertThat(
            firstColumn(
                one.select(
                    schema_of_json(
                        lit("{\"id\": \"a\", \"drop\": {\"drop\":" + " null}}"),
                        opts("dropFieldIfAllNull", "true")))))
        .containsExactly("STRUCT<id: STRING>");
    assertThat(
            firstColumn(
                one.select(schema_of_json(lit("{\"a\": 1.5}"), opts("prefersDecimal", "true")))))
        .containsExactly("STRUCT<a: DECIMAL(2,1)>");
    assertThat(
            firstColumn(
                one.select(schema_of_json(upper(lit("{\"item_id\": 1, \"item_price\": 0.1}"))))))
        .containsExactly("STRUCT<ITEM_ID: BIGINT, ITEM_PRICE: DOUBLE>");
  }

  @Test
  void schemaOfJsonNamesAndChecks() {
    DataFrame one = session.range(1);
    assertThat(one.select(schema_of_json("{\"a\":1}")).columns())
        .containsExactly("schema_of_json({\"a\":1})");
    assertThat(one.select(schema_of_json(lit("{\"a\":1}"), opts("mode", "PERMISSIVE"))).columns())
        .containsExactly("schema_of_json({\"a\":1})");
    assertThat(one.select(schema_of_json("{}")).schema().get(0).nullable()).isFalse();
    DataFrame df = strings(session, "{}");
    assertThatThrownBy(() -> df.select(schema_of_json(col("value"))))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT");
              assertThat(e.getMessageParameters())
                  .containsEntry("inputName", "`json`")
                  .containsEntry("inputExpr", "\"value\"")
                  .containsEntry("sqlExpr", "\"schema_of_json(value)\"");
            });
  }

  @Test
  void throughSql() {
    DataFrame df =
        session.sql(
            "SELECT from_json('{\"a\": 1, \"b\": [\"x\"]}',"
                + " 'a INT, b ARRAY<STRING>'), schema_of_json('[{\"col\":0}]'),"
                + " get_json_object('{\"a\":\"b\"}', '$.a'), to_json(named_struct('a', 1, 'b', 2)),"
                + " from_json('{\"a\": 5}', schema_of_json('{\"a\": 1}')).a AS inferred");
    assertThat(df.columns())
        .containsExactly(
            "from_json({\"a\": 1, \"b\": [\"x\"]})",
            "schema_of_json([{\"col\":0}])",
            "get_json_object({\"a\":\"b\"}, $.a)",
            "to_json(named_struct(a, 1, b, 2))",
            "inferred");
    assertThat(df.collectAsList())
        .containsExactly(
            row(row(1, List.of("x")), "ARRAY<STRUCT<col: BIGINT>>", "b", "{\"a\":1,\"b\":2}", 5L));
  }

  @Test
  void optionsThroughSqlMaps() {
    assertThat(
            session
                .sql(
                    "SELECT from_json('{\"t\": \"26/08/2015 18:00\"}', 't TIMESTAMP',"
                        + " map('timestampFormat', 'dd/MM/yyyy HH:mm', 'mode', NULL)) AS r")
                .collectAsList())
        .containsExactly(row(row(Timestamp.from(Instant.parse("2015-08-26T18:00:00Z")))));
    assertThat(
            session
                .sql(
                    "SELECT to_json(named_struct('d', DATE'2015-08-26'),"
                        + " map('dateFormat', 'dd/MM/yyyy'))")
                .collectAsList())
        .containsExactly(row("{\"d\":\"26/08/2015\"}"));
    assertThatThrownBy(
            () ->
                session
                    .sql("SELECT from_json('{\"a\" 1}', 'a INT'," + " map('mode', 'FAILFAST'))")
                    .collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getErrorClass())
                    .isEqualTo("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION"));
    assertThatThrownBy(() -> session.sql("SELECT to_json(named_struct('a', 1), map('a', 1))"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTIONS.NON_STRING_TYPE");
              assertThat(e.getMessageParameters()).containsEntry("mapType", "\"MAP<STRING, INT>\"");
            });
    assertThatThrownBy(() -> session.sql("SELECT from_json('{}', 'a INT', named_struct('a', 1))"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTIONS.NON_MAP_FUNCTION"));
  }
}
