package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.assertError;
import static io.sluice.exec.expr.EvalSupport.cast;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceDateTimeException;
import io.sluice.exec.expr.EvalSupport.Bytes;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastNumericTest {
  private static final DataType BYTE = DataTypes.ByteType;
  private static final DataType SHORT = DataTypes.ShortType;
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType FLOAT = DataTypes.FloatType;
  private static final DataType DOUBLE = DataTypes.DoubleType;
  private static final DataType BOOL = DataTypes.BooleanType;
  private static final DataType TS = DataTypes.TimestampType;
  private static final EvalMode ANSI = EvalMode.ANSI;
  private static final EvalMode LEGACY = EvalMode.LEGACY;
  private static final EvalMode TRY = EvalMode.TRY;

  @Test
  void integralWidensAndNarrows() {
    assertThat(cast(7, INT, LONG, ANSI)).isEqualTo(7L);
    assertThat(cast((byte) -3, BYTE, INT, ANSI)).isEqualTo(-3);
    assertThat(cast(100L, LONG, BYTE, ANSI)).isEqualTo((byte) 100);
    assertThat(cast(3_000_000_000L, LONG, INT, LEGACY)).isEqualTo((int) 3_000_000_000L);
    assertThat(cast(300, INT, BYTE, LEGACY)).isEqualTo((byte) 44);
    assertThat(cast(70000, INT, SHORT, LEGACY)).isEqualTo((short) 70000);
    assertThat(cast(3_000_000_000L, LONG, INT, TRY)).isNull();
    assertError(
        () -> cast(3_000_000_000L, LONG, INT, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of("value", "3000000000L", "sourceType", "\"BIGINT\"", "targetType", "\"INT\""));
    assertError(
        () -> cast(-129, INT, BYTE, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of("value", "-129", "sourceType", "\"INT\"", "targetType", "\"TINYINT\""));
  }

  @Test
  void fractionalToIntegralTruncatesTowardZero() {
    assertThat(cast(1.9, DOUBLE, INT, ANSI)).isEqualTo(1);
    assertThat(cast(-1.9, DOUBLE, INT, ANSI)).isEqualTo(-1);
    assertThat(cast(2.5f, FLOAT, LONG, ANSI)).isEqualTo(2L);
    assertThat(cast(9.223372036854776E18, DOUBLE, LONG, ANSI)).isEqualTo(Long.MAX_VALUE);
    assertThat(cast(2147483647.9, DOUBLE, INT, ANSI)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void fractionalOverflowPerMode() {
    assertError(
        () -> cast(1e10, DOUBLE, INT, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of("value", "1.0E10D", "sourceType", "\"DOUBLE\"", "targetType", "\"INT\""));
    assertError(
        () -> cast(Double.NaN, DOUBLE, LONG, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of("value", "CAST('NaN' AS DOUBLE)"));
    assertThat(cast(1e10, DOUBLE, INT, LEGACY)).isEqualTo(Integer.MAX_VALUE);
    assertThat(cast(-1e30, DOUBLE, LONG, LEGACY)).isEqualTo(Long.MIN_VALUE);
    assertThat(cast(Double.NaN, DOUBLE, INT, LEGACY)).isEqualTo(0);
    assertThat(cast(300.7, DOUBLE, BYTE, LEGACY)).isEqualTo((byte) 44);
    assertThat(cast(1e10, DOUBLE, INT, TRY)).isNull();
    assertThat(cast(1e10f, FLOAT, SHORT, TRY)).isNull();
  }

  @Test
  void toFloatingPoint() {
    assertThat(cast(3, INT, DOUBLE, ANSI)).isEqualTo(3.0);
    assertThat(cast(Long.MAX_VALUE, LONG, FLOAT, ANSI)).isEqualTo((float) Long.MAX_VALUE);
    assertThat(cast(0.1f, FLOAT, DOUBLE, ANSI)).isEqualTo((double) 0.1f);
    assertThat(cast(1e300, DOUBLE, FLOAT, ANSI)).isEqualTo(Float.POSITIVE_INFINITY);
  }

  @Test
  void booleans() {
    assertThat(cast(0, INT, BOOL, ANSI)).isEqualTo(false);
    assertThat(cast(-2L, LONG, BOOL, ANSI)).isEqualTo(true);
    assertThat(cast(0.0, DOUBLE, BOOL, ANSI)).isEqualTo(false);
    assertThat(cast(Double.NaN, DOUBLE, BOOL, ANSI)).isEqualTo(true);
    assertThat(cast(new BigDecimal("0.00"), new DecimalType(3, 2), BOOL, ANSI)).isEqualTo(false);
    assertThat(cast(true, BOOL, INT, ANSI)).isEqualTo(1);
    assertThat(cast(false, BOOL, BYTE, ANSI)).isEqualTo((byte) 0);
    assertThat(cast(true, BOOL, DOUBLE, ANSI)).isEqualTo(1.0);
    assertThat(cast(true, BOOL, new DecimalType(3, 1), ANSI)).isEqualTo(new BigDecimal("1.0"));
    assertThat(cast(true, BOOL, TS, LEGACY)).isEqualTo(1L);
  }

  @Test
  void toDecimal() {
    DecimalType d52 = new DecimalType(5, 2);
    assertThat(cast(123, INT, d52, ANSI)).isEqualTo(new BigDecimal("123.00"));
    assertThat(cast(-999L, LONG, d52, ANSI)).isEqualTo(new BigDecimal("-999.00"));
    assertError(
        () -> cast(1234, INT, d52, ANSI),
        SluiceArithmeticException.class,
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        Map.of("value", "1234", "precision", "5", "scale", "2"));
    assertThat(cast(1234, INT, d52, LEGACY)).isNull();
    assertThat(cast(1234, INT, d52, TRY)).isNull();
    assertThat(cast(Long.MIN_VALUE, LONG, new DecimalType(20, 0), ANSI))
        .isEqualTo(new BigDecimal(Long.MIN_VALUE));
    DecimalType d32 = new DecimalType(3, 2);
    assertThat(cast(0.1, DOUBLE, d32, ANSI)).isEqualTo(new BigDecimal("0.10"));
    assertThat(cast(1.005, DOUBLE, d32, ANSI)).isEqualTo(new BigDecimal("1.01"));
    assertThat(cast(Double.NaN, DOUBLE, d32, ANSI)).isNull();
    assertThat(cast(Double.POSITIVE_INFINITY, DOUBLE, d32, ANSI)).isNull();
    assertThat(cast(0.1f, FLOAT, new DecimalType(10, 9), ANSI))
        .isEqualTo(new BigDecimal("0.100000001"));
    assertThat(cast(12.5, DOUBLE, d32, LEGACY)).isNull();
  }

  @Test
  void fromDecimal() {
    DecimalType d = new DecimalType(4, 2);
    assertThat(cast(new BigDecimal("12.99"), d, INT, ANSI)).isEqualTo(12);
    assertThat(cast(new BigDecimal("-12.99"), d, LONG, ANSI)).isEqualTo(-12L);
    assertThat(cast(new BigDecimal("12.25"), d, DOUBLE, ANSI)).isEqualTo(12.25);
    assertThat(cast(new BigDecimal("12.25"), d, FLOAT, ANSI)).isEqualTo(12.25f);
    DecimalType d11 = new DecimalType(11, 0);
    assertError(
        () -> cast(new BigDecimal("10000000000"), d11, INT, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of(
            "value", "10000000000BD", "sourceType", "\"DECIMAL(11,0)\"", "targetType", "\"INT\""));
    assertThat(cast(new BigDecimal("10000000000"), d11, INT, LEGACY)).isEqualTo(1410065408);
    assertThat(cast(new BigDecimal("10000000000"), d11, INT, TRY)).isNull();
    assertThat(cast(new BigDecimal("1.5"), new DecimalType(2, 1), TS, ANSI)).isEqualTo(1_500_000L);
  }

  @Test
  void decimalToDecimal() {
    assertThat(cast(new BigDecimal("1.255"), new DecimalType(4, 3), new DecimalType(3, 2), ANSI))
        .isEqualTo(new BigDecimal("1.26"));
    assertThat(cast(new BigDecimal("-1.255"), new DecimalType(4, 3), new DecimalType(3, 2), ANSI))
        .isEqualTo(new BigDecimal("-1.26"));
    assertThat(cast(new BigDecimal("123.4"), new DecimalType(4, 1), new DecimalType(10, 5), ANSI))
        .isEqualTo(new BigDecimal("123.40000"));
    assertError(
        () -> cast(new BigDecimal("123.4"), new DecimalType(4, 1), new DecimalType(3, 1), ANSI),
        SluiceArithmeticException.class,
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        Map.of("value", "123.4", "precision", "3", "scale", "1"));
    assertThat(cast(new BigDecimal("123.4"), new DecimalType(4, 1), new DecimalType(3, 1), LEGACY))
        .isNull();
    assertThat(cast(new BigDecimal("99.99"), new DecimalType(4, 2), new DecimalType(3, 1), LEGACY))
        .isNull(); // rounds to 100.0
    BigDecimal big = new BigDecimal("12345678901234567890.123");
    assertThat(cast(big, new DecimalType(38, 3), new DecimalType(25, 1), ANSI))
        .isEqualTo(new BigDecimal("12345678901234567890.1"));
  }

  @Test
  void numbersToTimestampAreSeconds() {
    assertThat(cast(1, INT, TS, ANSI)).isEqualTo(1_000_000L);
    assertThat(cast(-2L, LONG, TS, ANSI)).isEqualTo(-2_000_000L);
    assertThat(cast(1.5, DOUBLE, TS, ANSI)).isEqualTo(1_500_000L);
    assertError(
        () -> cast(Long.MAX_VALUE, LONG, TS, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of("targetType", "\"TIMESTAMP\""));
    assertThat(cast(Long.MAX_VALUE, LONG, TS, LEGACY)).isEqualTo(Long.MAX_VALUE);
    assertThat(cast(Long.MAX_VALUE, LONG, TS, TRY)).isNull();
    assertError(
        () -> cast(Double.NaN, DOUBLE, TS, ANSI),
        SluiceDateTimeException.class,
        "CAST_INVALID_INPUT",
        Map.of("sourceType", "\"DOUBLE\"", "targetType", "\"TIMESTAMP\""));
    assertThat(cast(Double.NaN, DOUBLE, TS, LEGACY)).isNull();
    assertThat(cast(1e300, DOUBLE, TS, LEGACY)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void integralToBinaryIsBigEndian() {
    assertThat(cast(1, INT, DataTypes.BinaryType, LEGACY))
        .isEqualTo(new Bytes(new byte[] {0, 0, 0, 1}));
    assertThat(cast((short) -2, SHORT, DataTypes.BinaryType, LEGACY))
        .isEqualTo(new Bytes(new byte[] {(byte) 0xff, (byte) 0xfe}));
    assertThat(cast(258L, LONG, DataTypes.BinaryType, LEGACY))
        .isEqualTo(new Bytes(new byte[] {0, 0, 0, 0, 0, 0, 1, 2}));
  }
}
