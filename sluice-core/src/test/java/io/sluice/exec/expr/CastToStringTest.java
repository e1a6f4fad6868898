package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.UTC;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.cast;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapValue;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CastToStringTest {
  private static final DataType STR = DataTypes.StringType;

  private static Object str(Object v, DataType from) {
    return cast(v, from, STR, EvalMode.ANSI);
  }

  private static List<String> strings(BytesVector v) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) out.add(v.isNullAt(i) ? null : v.getString(i));
    return out;
  }

  @Test
  void integralsAndBooleans() {
    assertThat(str(0, DataTypes.IntegerType)).isEqualTo("0");
    assertThat(str(-42, DataTypes.IntegerType)).isEqualTo("-42");
    assertThat(str(Long.MIN_VALUE, DataTypes.LongType)).isEqualTo("-9223372036854775808");
    assertThat(str((byte) -128, DataTypes.ByteType)).isEqualTo("-128");
    assertThat(str((short) 300, DataTypes.ShortType)).isEqualTo("300");
    assertThat(str(true, DataTypes.BooleanType)).isEqualTo("true");
    assertThat(str(false, DataTypes.BooleanType)).isEqualTo("false");
  }

  @Test
  void floatingPointAsJavaPrintsIt() {
    DataType d = DataTypes.DoubleType;
    assertThat(str(1e10, d)).isEqualTo("1.0E10");
    assertThat(str(0.1, d)).isEqualTo("0.1");
    assertThat(str(1.0, d)).isEqualTo("1.0");
    assertThat(str(-0.0, d)).isEqualTo("-0.0");
    assertThat(str(Double.NaN, d)).isEqualTo("NaN");
    assertThat(str(Double.NEGATIVE_INFINITY, d)).isEqualTo("-Infinity");
    assertThat(str(1e-5, d)).isEqualTo("1.0E-5");
    assertThat(str(1.5f, DataTypes.FloatType)).isEqualTo("1.5");
    assertThat(str(0.1f, DataTypes.FloatType)).isEqualTo("0.1");
  }

  @Test
  void decimalsArePlainAndKeepTheirScale() {
    assertThat(str(new BigDecimal("1.50"), new DecimalType(3, 2))).isEqualTo("1.50");
    assertThat(str(new BigDecimal("-0.05"), new DecimalType(3, 2))).isEqualTo("-0.05");
    assertThat(str(new BigDecimal("0"), new DecimalType(3, 2))).isEqualTo("0.00");
    assertThat(str(new BigDecimal("123"), new DecimalType(3, 0))).isEqualTo("123");
    assertThat(str(new BigDecimal("0.0000000001"), new DecimalType(18, 10)))
        .isEqualTo("0.0000000001");
    assertThat(str(new BigDecimal("-123456789012345678901234.5678901234"), new DecimalType(38, 10)))
        .isEqualTo("-123456789012345678901234.5678901234");
    assertThat(str(new BigDecimal("1E-20"), new DecimalType(38, 20)))
        .isEqualTo("0.00000000000000000001");
  }

  @Test
  void datesAndTimestampsInTheSessionZone() {
    assertThat(str((int) LocalDate.of(2024, 2, 29).toEpochDay(), DataTypes.DateType))
        .isEqualTo("2024-02-29");
    Cast c = new Cast(col(0, DataTypes.TimestampType), STR, EvalMode.ANSI, true);
    assertThat(
            eval(
                c,
                batch(vec(DataTypes.TimestampType, 0L, 1_500_000L, null)),
                EvalContext.of("America/Los_Angeles", true)))
        .containsExactly("1969-12-31 16:00:00", "1969-12-31 16:00:01.5", null);
  }

  @Test
  void binaryIsItsText() {
    assertThat(str("hé".getBytes(StandardCharsets.UTF_8), DataTypes.BinaryType)).isEqualTo("hé");
  }

  @Test
  void intervals() {
    long micros = ((24 + 2) * 3600 + 3 * 60 + 4) * 1_000_000L;
    assertThat(str(micros, DataTypes.DayTimeIntervalType))
        .isEqualTo("INTERVAL '1 02:03:04' DAY TO SECOND");
    assertThat(str(-micros - 500_000, DataTypes.DayTimeIntervalType))
        .isEqualTo("INTERVAL '-1 02:03:04.5' DAY TO SECOND");
    DataType hour = new DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.HOUR);
    assertThat(str(7_200_000_000L, hour)).isEqualTo("INTERVAL '2' HOUR");
    assertThat(str(14, DataTypes.YearMonthIntervalType)).isEqualTo("INTERVAL '1-2' YEAR TO MONTH");
    DataType month =
        new YearMonthIntervalType(YearMonthIntervalType.MONTH, YearMonthIntervalType.MONTH);
    assertThat(str(-3, month)).isEqualTo("INTERVAL '-3' MONTH");
  }

  @Test
  void complexTypes() {
    DataType arr = new ArrayType(DataTypes.IntegerType, true);
    assertThat(str(new Object[] {1, 2, null}, arr)).isEqualTo("[1, 2, null]");
    assertThat(str(new Object[] {}, arr)).isEqualTo("[]");
    StructType st =
        new StructType(
            List.of(new StructField("a", DataTypes.IntegerType), new StructField("b", STR)));
    assertThat(str(new Object[] {1, "a"}, st)).isEqualTo("{1, a}");
    assertThat(str(new Object[] {null, "a"}, st)).isEqualTo("{null, a}");
    DataType map = new MapType(STR, DataTypes.IntegerType, true);
    assertThat(str(new MapValue(new Object[] {"a", "b"}, new Object[] {1, null}), map))
        .isEqualTo("{a -> 1, b -> null}");
    DataType nested = new ArrayType(st, true);
    assertThat(str(new Object[] {new Object[] {1, "x"}, null}, nested)).isEqualTo("[{1, x}, null]");
    DataType arrOfArr = new ArrayType(new ArrayType(STR, true), true);
    assertThat(str(new Object[] {new Object[] {"a", null}, new Object[] {}}, arrOfArr))
        .isEqualTo("[[a, null], []]");
  }

  @Test
  void nullRowsStayNull() {
    Cast c = new Cast(col(0, DataTypes.IntegerType), STR, EvalMode.ANSI, true);
    assertThat(eval(c, batch(vec(DataTypes.IntegerType, 1, null, 3))))
        .containsExactly("1", null, "3");
  }

  @Test
  void castToStringHelperForShow() {
    ColumnVector v = vec(DataTypes.DoubleType, 1.0, null);
    assertThat(strings(CastToString.castToString(v, UTC))).containsExactly("1.0", null);
    assertThat(strings(CastToString.toPrettyString(v, UTC))).containsExactly("1.0", "NULL");
    DataType arr = new ArrayType(DataTypes.IntegerType, true);
    ColumnVector a = vec(arr, new Object[] {1, null}, null);
    assertThat(strings(CastToString.toPrettyString(a, UTC))).containsExactly("[1, NULL]", "NULL");
    ColumnVector bin = vec(DataTypes.BinaryType, new byte[] {1, (byte) 0xff}, new byte[0]);
    assertThat(strings(CastToString.toPrettyString(bin, UTC))).containsExactly("[01 FF]", "[]");
    ColumnVector ts = vec(DataTypes.TimestampType, 86_400_000_000L);
    assertThat(strings(CastToString.castToString(ts, EvalContext.of("UTC", true))))
        .containsExactly("1970-01-02 00:00:00");
  }

  @Test
  void binaryAndStringKeepTheirBytesRowByRowWithNulls() {
    ColumnVector bin =
        vec(
            DataTypes.BinaryType,
            "hé".getBytes(StandardCharsets.UTF_8),
            null,
            new byte[0],
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    Cast c = new Cast(col(0, DataTypes.BinaryType), STR, EvalMode.ANSI, true);
    assertThat(eval(c, batch(bin))).containsExactly("hé", null, "", "{\"a\":1}");
    ColumnVector s = vec(STR, "x", null, "yz");
    assertThat(strings(CastToString.castToString(s, UTC))).containsExactly("x", null, "yz");
    assertThat(strings(CastToString.toPrettyString(s, UTC))).containsExactly("x", "NULL", "yz");
  }

  @Property
  void intToStringIsJavas(@ForAll int x) {
    assertThat(str(x, DataTypes.IntegerType)).isEqualTo(Integer.toString(x));
  }

  @Property
  void doubleToStringIsJavas(@ForAll double x) {
    assertThat(str(x, DataTypes.DoubleType)).isEqualTo(Double.toString(x));
  }

  @Property
  void compactDecimalToStringIsPlain(@ForAll long unscaled, @ForAll("scales") int scale) {
    BigDecimal d = BigDecimal.valueOf(unscaled, scale);
    if (d.precision() > 18) return;
    assertThat(str(d, new DecimalType(18, scale))).isEqualTo(d.toPlainString());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> scales() {
    return net.jqwik.api.Arbitraries.integers().between(0, 18);
  }
}
