package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.IntVector;
import io.sluice.internal.PrettyFormatter;
import io.sluice.internal.RowConverter;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** External rows ↔ vectors, and the pretty text {@code show()} prints for each type. */
class RowConverterTest {
  private static final StructType ALL =
      StructType.fromDDL(
          "bo BOOLEAN, ti TINYINT, sm SMALLINT, i INT, bi BIGINT, f FLOAT, d DOUBLE,"
              + " de DECIMAL(10,2), s STRING, bin BINARY, da DATE, ts TIMESTAMP,"
              + " dt INTERVAL DAY TO SECOND, ym INTERVAL YEAR TO MONTH, arr ARRAY<INT>,"
              + " m MAP<STRING,INT>, st STRUCT<x: INT, y: STRING>");

  private static Row sampleRow() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("k1", 1);
    m.put("k2", null);
    return RowFactory.create(
        true,
        (byte) 1,
        (short) 2,
        3,
        4L,
        1.5f,
        2.25,
        new BigDecimal("12.345"),
        "text",
        new byte[] {1, (byte) 0xAB},
        Date.valueOf("2024-02-29"),
        Timestamp.from(Instant.parse("2024-01-02T03:04:05.120Z")),
        Duration.ofHours(26).plusSeconds(3),
        Period.ofYears(1).plusMonths(2),
        Arrays.asList(1, null, 3),
        m,
        RowFactory.create(7, null));
  }

  @Test
  void roundTripsEveryTypeThroughVectors() {
    List<ColumnBatch> batches =
        RowConverter.toInternal(ALL, true).toBatches(List.of(sampleRow(), nullRow()), 4096);
    List<Row> back = RowConverter.toExternal(ALL, false).toRows(batches);
    Row r = back.get(0);
    assertThat(r.schema()).isEqualTo(ALL);
    assertThat(r.getBoolean(0)).isTrue();
    assertThat(r.get(1)).isEqualTo((byte) 1);
    assertThat(r.get(2)).isEqualTo((short) 2);
    assertThat(r.get(3)).isEqualTo(3);
    assertThat(r.get(4)).isEqualTo(4L);
    assertThat(r.get(5)).isEqualTo(1.5f);
    assertThat(r.get(6)).isEqualTo(2.25);
    assertThat(r.getDecimal(7)).isEqualTo(new BigDecimal("12.35"));
    assertThat(r.getString(8)).isEqualTo("text");
    assertThat((byte[]) r.get(9)).containsExactly(1, (byte) 0xAB);
    assertThat(r.getDate(10)).isEqualTo(Date.valueOf("2024-02-29"));
    assertThat(r.getTimestamp(11).toInstant()).isEqualTo(Instant.parse("2024-01-02T03:04:05.12Z"));
    assertThat(r.get(12)).isEqualTo(Duration.ofHours(26).plusSeconds(3));
    assertThat(r.get(13)).isEqualTo(Period.of(1, 2, 0));
    assertThat(r.<Integer>getList(14)).containsExactly(1, null, 3);
    assertThat(r.<String, Integer>getJavaMap(15))
        .containsExactly(Map.entry("k1", 1), new java.util.AbstractMap.SimpleEntry<>("k2", null));
    assertThat(r.getStruct(16)).isEqualTo(RowFactory.create(7, null));
    assertThat(r.getStruct(16).schema().fieldNames()).containsExactly("x", "y");
    Row n = back.get(1);
    for (int i = 0; i < ALL.length(); i++) assertThat(n.isNullAt(i)).isTrue();
  }

  private static Row nullRow() {
    return RowFactory.create(new Object[ALL.length()]);
  }

  @Test
  void java8ApiGivesJavaTimeObjects() {
    StructType s = StructType.fromDDL("d DATE, t TIMESTAMP");
    Row in = RowFactory.create(LocalDate.of(1999, 12, 31), Instant.parse("2000-01-01T00:00:00Z"));
    List<ColumnBatch> batches = RowConverter.toInternal(s, true).toBatches(List.of(in), 10);
    Row out = RowConverter.toExternal(s, true).toRows(batches).get(0);
    assertThat(out.getLocalDate(0)).isEqualTo(LocalDate.of(1999, 12, 31));
    assertThat(out.getInstant(1)).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    Row legacy = RowConverter.toExternal(s, false).toRows(batches).get(0);
    assertThat(legacy.getDate(0)).isEqualTo(Date.valueOf("1999-12-31"));
    assertThat(legacy.getTimestamp(1))
        .isEqualTo(Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")));
  }

  @Test
  void splitsIntoBatchesOfTheConfiguredSize() {
    StructType s = StructType.fromDDL("i INT");
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) rows.add(RowFactory.create(i));
    List<ColumnBatch> batches = RowConverter.toInternal(s, true).toBatches(rows, 4);
    assertThat(batches).extracting(ColumnBatch::numRows).containsExactly(4, 4, 2);
    assertThat(((IntVector) batches.get(2).column(0)).get(1)).isEqualTo(9);
  }

  @Test
  void wrongExternalTypeNamesTheField() {
    StructType s = StructType.fromDDL("a INT, b STRUCT<x: BIGINT>");
    RowConverter c = RowConverter.toInternal(s, true);
    assertThatThrownBy(() -> c.toBatches(List.of(RowFactory.create("1", null)), 10))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_EXTERNAL_TYPE");
              assertThat(e.getMessageParameters())
                  .containsEntry("externalType", "java.lang.String")
                  .containsEntry("type", "\"INT\"")
                  .containsEntry("expr", "`a`");
            });
    assertThatThrownBy(() -> c.toBatches(List.of(RowFactory.create(1, RowFactory.create(2))), 10))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getMessageParameters())
                  .containsEntry("externalType", "java.lang.Integer")
                  .containsEntry("type", "\"BIGINT\"")
                  .containsEntry("expr", "`b`.`x`");
              assertThat(e.getMessage())
                  .contains(
                      "java.lang.Integer is not valid for the type"
                          + " \"BIGINT\" at the expression `b`.`x`");
            });
  }

  @Test
  void nullInNonNullableFieldAndWrongRowLengthFail() {
    StructType s = new StructType().add("a", DataTypes.IntegerType, false);
    RowConverter c = RowConverter.toInternal(s, true);
    assertThatThrownBy(() -> c.toBatches(List.of(RowFactory.create((Object) null)), 10))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("NOT_NULL_ASSERT_VIOLATION");
              assertThat(e.getMessageParameters()).containsEntry("walkedTypePath", "`a`");
            });
    assertThatThrownBy(() -> c.toBatches(List.of(RowFactory.create(1, 2)), 10))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("ROW_LENGTH_MISMATCH");
              assertThat(e.getMessageParameters())
                  .containsEntry("rowIndex", "0")
                  .containsEntry("actual", "2")
                  .containsEntry("expected", "1");
            });
  }

  @Test
  void decimalsThatDoNotFitFailInAnsiModeAndBecomeNullOtherwise() {
    StructType s = StructType.fromDDL("d DECIMAL(3,1)");
    List<Row> rows = List.of(RowFactory.create(new BigDecimal("123.4")));
    assertThatThrownBy(() -> RowConverter.toInternal(s, true).toBatches(rows, 10))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getErrorClass())
                    .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION"));
    List<ColumnBatch> b = RowConverter.toInternal(s, false).toBatches(rows, 10);
    assertThat(b.get(0).column(0).isNullAt(0)).isTrue();
  }

  @Test
  void prettyTextOfEveryTypeAsSparkShowsIt() {
    List<ColumnBatch> batches =
        RowConverter.toInternal(ALL, true).toBatches(List.of(sampleRow(), nullRow()), 10);
    ColumnBatch b = batches.get(0);
    String[] expected = {
      "true",
      "1",
      "2",
      "3",
      "4",
      "1.5",
      "2.25",
      "12.35",
      "text",
      "[01 AB]",
      "2024-02-29",
      "2024-01-02 03:04:05.12",
      "INTERVAL '1 02:00:03' DAY TO SECOND",
      "INTERVAL '1-2' YEAR TO MONTH",
      "[1, NULL, 3]",
      "{k1 -> 1, k2 -> NULL}",
      "{7, NULL}"
    };
    for (int c = 0; c < ALL.length(); c++) {
      String[] text =
          PrettyFormatter.forType(ALL.get(c).dataType(), ZoneId.of("UTC")).format(b.column(c), 2);
      assertThat(text[0]).as(ALL.get(c).name()).isEqualTo(expected[c]);
      assertThat(text[1]).as(ALL.get(c).name()).isEqualTo("NULL");
    }
  }

  @Test
  void prettyTextOfTimestampsUsesTheZoneAndTrimsFractions() {
    StructType s = StructType.fromDDL("t TIMESTAMP, d DOUBLE, de DECIMAL(38,10), c INTERVAL");
    Row r =
        RowFactory.create(
            Instant.parse("2024-06-01T10:00:00Z"),
            1.0e10,
            new BigDecimal("1E-10"),
            new CalendarInterval(14, 3, 1_500_000));
    ColumnBatch b = RowConverter.toInternal(s, true).toBatches(List.of(r), 10).get(0);
    assertThat(
            PrettyFormatter.forType(s.get(0).dataType(), ZoneId.of("America/Los_Angeles"))
                .format(b.column(0), 1))
        .containsExactly("2024-06-01 03:00:00");
    assertThat(
            PrettyFormatter.forType(s.get(1).dataType(), ZoneId.of("UTC")).format(b.column(1), 1))
        .containsExactly("1.0E10");
    assertThat(
            PrettyFormatter.forType(s.get(2).dataType(), ZoneId.of("UTC")).format(b.column(2), 1))
        .containsExactly("0.0000000001");
    assertThat(
            PrettyFormatter.forType(s.get(3).dataType(), ZoneId.of("UTC")).format(b.column(3), 1))
        .containsExactly("1 years 2 months 3 days 1.5 seconds");
    assertThat(new DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.MINUTE).sql())
        .isEqualTo("INTERVAL HOUR TO MINUTE");
  }
}
