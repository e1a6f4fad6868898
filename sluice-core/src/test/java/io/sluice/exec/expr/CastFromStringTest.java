package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.assertError;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.cast;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceDateTimeException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.error.SluiceNumberFormatException;
import io.sluice.exec.expr.EvalSupport.Bytes;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CastFromStringTest {
  private static final DataType STR = DataTypes.StringType;
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType BOOL = DataTypes.BooleanType;
  private static final EvalMode ANSI = EvalMode.ANSI;
  private static final EvalMode LEGACY = EvalMode.LEGACY;
  private static final EvalMode TRY = EvalMode.TRY;

  private static Object s(String text, DataType to, EvalMode mode) {
    return cast(text, STR, to, mode);
  }

  @Test
  void integersTrimAndAcceptSigns() {
    assertThat(s(" 12 ", INT, ANSI)).isEqualTo(12);
    assertThat(s("\t+7\n", INT, ANSI)).isEqualTo(7);
    assertThat(s("-0", INT, ANSI)).isEqualTo(0);
    assertThat(s("-2147483648", INT, ANSI)).isEqualTo(Integer.MIN_VALUE);
    assertThat(s("-9223372036854775808", LONG, ANSI)).isEqualTo(Long.MIN_VALUE);
    assertThat(s("127", DataTypes.ByteType, ANSI)).isEqualTo((byte) 127);
    assertThat(s("-32768", DataTypes.ShortType, ANSI)).isEqualTo((short) -32768);
  }

  @Test
  void legacyTruncatesFractionsAnsiRejectsThem() {
    assertThat(s("1.5", INT, LEGACY)).isEqualTo(1);
    assertThat(s("-1.9", LONG, LEGACY)).isEqualTo(-1L);
    assertThat(s("1.", INT, LEGACY)).isEqualTo(1);
    assertThat(s("1.5x", INT, LEGACY)).isNull();
    assertThat(s("1.5", INT, TRY)).isNull();
    assertError(
        () -> s("1.5", INT, ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'1.5'", "sourceType", "\"STRING\"", "targetType", "\"INT\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "1e3", "+", "-", "2147483648", "12 3", "0x10", "１"})
  void malformedIntegers(String text) {
    assertThat(s(text, INT, LEGACY)).isNull();
    assertThat(s(text, INT, TRY)).isNull();
    assertError(
        () -> s(text, INT, ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("targetType", "\"INT\""));
  }

  @Test
  void outOfRangeForNarrowTypes() {
    assertThat(s("128", DataTypes.ByteType, LEGACY)).isNull();
    assertThat(s("9223372036854775808", LONG, LEGACY)).isNull();
    assertError(
        () -> s("40000", DataTypes.ShortType, ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'40000'", "targetType", "\"SMALLINT\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"t", "TRUE", " true ", "y", "Yes", "1"})
  void trueWords(String text) {
    assertThat(s(text, BOOL, ANSI)).isEqualTo(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"f", "False", "n", "NO", "0", "\tfalse"})
  void falseWords(String text) {
    assertThat(s(text, BOOL, ANSI)).isEqualTo(false);
  }

  @Test
  void otherWordsAreNotBooleans() {
    assertThat(s("maybe", BOOL, LEGACY)).isNull();
    assertThat(s("", BOOL, TRY)).isNull();
    assertError(
        () -> s("2", BOOL, ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'2'", "targetType", "\"BOOLEAN\""));
  }

  @Test
  void floatingPoint() {
    DataType d = DataTypes.DoubleType;
    assertThat(s("1.5", d, ANSI)).isEqualTo(1.5);
    assertThat(s(" 1e10 ", d, ANSI)).isEqualTo(1e10);
    assertThat(s("-.5", d, ANSI)).isEqualTo(-0.5);
    assertThat(s("inf", d, ANSI)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s(" +Infinity", d, ANSI)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s("-INF", d, ANSI)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(s("NaN", d, ANSI)).isEqualTo(Double.NaN);
    assertThat(s("nan", d, ANSI)).isEqualTo(Double.NaN);
    assertThat(s("abc", d, LEGACY)).isNull();
    assertError(
        () -> s("1,5", d, ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'1,5'", "targetType", "\"DOUBLE\""));
    DataType f = DataTypes.FloatType;
    assertThat(s("0.1", f, ANSI)).isEqualTo(0.1f);
    assertThat(s("-infinity", f, ANSI)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(s("x", f, TRY)).isNull();
  }

  @Test
  void decimals() {
    DecimalType d42 = new DecimalType(4, 2);
    assertThat(s(" 1.235 ", d42, ANSI)).isEqualTo(new BigDecimal("1.24"));
    assertThat(s("1e1", d42, ANSI)).isEqualTo(new BigDecimal("10.00"));
    assertThat(s("-.5", d42, ANSI)).isEqualTo(new BigDecimal("-0.50"));
    assertThat(s("abc", d42, LEGACY)).isNull();
    assertError(
        () -> s("abc", d42, ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'abc'", "targetType", "\"DECIMAL(4,2)\""));
    assertError(
        () -> s("100", d42, ANSI),
        SluiceArithmeticException.class,
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        Map.of("value", "100", "precision", "4", "scale", "2"));
    assertThat(s("100", d42, LEGACY)).isNull();
  }

  @Test
  void dates() {
    DataType date = DataTypes.DateType;
    assertThat(s("2020-01-02", date, ANSI)).isEqualTo((int) LocalDate.of(2020, 1, 2).toEpochDay());
    assertThat(s("2020-1-2 12:00", date, ANSI))
        .isEqualTo((int) LocalDate.of(2020, 1, 2).toEpochDay());
    assertThat(s("2020-13-01", date, LEGACY)).isNull();
    assertError(
        () -> s("2020-13-01", date, ANSI),
        SluiceDateTimeException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'2020-13-01'", "sourceType", "\"STRING\"", "targetType", "\"DATE\""));
  }

  @Test
  void timestampsUseTheSessionZone() {
    DataType ts = DataTypes.TimestampType;
    Cast c = new Cast(col(0, STR), ts, ANSI, true);
    EvalContext la = EvalContext.of("America/Los_Angeles", true);
    assertThat(eval(c, batch(vec(STR, "2020-01-01 00:00:00", "2020-01-01T00:00:00Z", null)), la))
        .containsExactly(1_577_865_600_000_000L, 1_577_836_800_000_000L, null);
    assertThat(s("nope", ts, LEGACY)).isNull();
    assertError(
        () -> s("2020-01-01 25:00", ts, ANSI),
        SluiceDateTimeException.class,
        "CAST_INVALID_INPUT",
        Map.of("targetType", "\"TIMESTAMP\""));
  }

  @Test
  void binaryIsTheUtf8Bytes() {
    assertThat(s("hé", DataTypes.BinaryType, ANSI))
        .isEqualTo(new Bytes("hé".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void dayTimeIntervals() {
    DataType dts = DataTypes.DayTimeIntervalType; // DAY TO SECOND
    long oneDay2h3m4s = ((24 + 2) * 3600 + 3 * 60 + 4) * 1_000_000L;
    assertThat(s("1 02:03:04", dts, ANSI)).isEqualTo(oneDay2h3m4s);
    assertThat(s("1 02:03:04.5", dts, ANSI)).isEqualTo(oneDay2h3m4s + 500_000);
    assertThat(s("-1 02:03:04", dts, ANSI)).isEqualTo(-oneDay2h3m4s);
    assertThat(s("INTERVAL '1 02:03:04' DAY TO SECOND", dts, ANSI)).isEqualTo(oneDay2h3m4s);
    assertThat(s("interval -'1 02:03:04' day to second", dts, ANSI)).isEqualTo(-oneDay2h3m4s);
    DataType hour = new DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.HOUR);
    assertThat(s("36", hour, ANSI)).isEqualTo(36 * 3_600_000_000L);
    DataType minSec =
        new DayTimeIntervalType(DayTimeIntervalType.MINUTE, DayTimeIntervalType.SECOND);
    assertThat(s("90:30", minSec, ANSI)).isEqualTo((90 * 60 + 30) * 1_000_000L);
    assertError(
        () -> s("1 25:00:00", dts, LEGACY),
        SluiceIllegalArgumentException.class,
        "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING",
        Map.of(
            "intervalStr",
            "day-time",
            "typeName",
            "INTERVAL DAY TO SECOND",
            "input",
            "1 25:00:00",
            "supportedFormat",
            "`[+|-]d h:m:s.n`, `INTERVAL [+|-]'[+|-]d h:m:s.n' DAY TO SECOND`"));
    assertThat(s("INTERVAL '1' HOUR", dts, TRY)).isNull();
  }

  @Test
  void yearMonthIntervals() {
    DataType ym = DataTypes.YearMonthIntervalType;
    assertThat(s("1-2", ym, ANSI)).isEqualTo(14);
    assertThat(s("-1-2", ym, ANSI)).isEqualTo(-14);
    assertThat(s("INTERVAL '3-0' YEAR TO MONTH", ym, ANSI)).isEqualTo(36);
    DataType year =
        new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.YEAR);
    assertThat(s("5", year, ANSI)).isEqualTo(60);
    assertThat(s("1-12", ym, TRY)).isNull();
  }

  @Property
  void longToStringToLongRoundTrips(@ForAll long x) {
    Cast toString = new Cast(col(0, LONG), STR, ANSI, true);
    Cast back = new Cast(toString, LONG, ANSI, true);
    assertThat(eval(back, batch(vec(LONG, x)))).containsExactly(x);
    assertThat(eval(toString, batch(vec(LONG, x)))).containsExactly(Long.toString(x));
  }

  @Property
  void timestampToStringToTimestampRoundTrips(
      @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L)
          long micros) {
    DataType ts = DataTypes.TimestampType;
    EvalContext tokyo = EvalContext.of("Asia/Tokyo", true);
    Cast back = new Cast(new Cast(col(0, ts), STR, ANSI, true), ts, ANSI, true);
    assertThat(eval(back, batch(vec(ts, micros)), tokyo)).containsExactly(micros);
  }
}
