package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.assertError;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.cast;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastDateTimeTest {
  private static final DataType TS = DataTypes.TimestampType;
  private static final DataType DATE = DataTypes.DateType;
  private static final EvalMode ANSI = EvalMode.ANSI;
  private static final EvalMode LEGACY = EvalMode.LEGACY;
  private static final EvalContext LA = EvalContext.of("America/Los_Angeles", true);

  @Test
  void timestampToNumbersIsSeconds() {
    assertThat(cast(1_500_000L, TS, DataTypes.LongType, ANSI)).isEqualTo(1L);
    assertThat(cast(-1L, TS, DataTypes.LongType, ANSI)).isEqualTo(-1L); // floor
    assertThat(cast(1_500_000L, TS, DataTypes.DoubleType, ANSI)).isEqualTo(1.5);
    assertThat(cast(1_500_000L, TS, DataTypes.FloatType, ANSI)).isEqualTo(1.5f);
    assertThat(cast(1_500_000L, TS, new DecimalType(5, 2), ANSI)).isEqualTo(new BigDecimal("1.50"));
    assertThat(cast(0L, TS, DataTypes.BooleanType, ANSI)).isEqualTo(false);
    long big = 3_000_000_000L * 1_000_000L;
    assertThat(cast(big, TS, DataTypes.IntegerType, LEGACY)).isEqualTo((int) 3_000_000_000L);
    assertThat(cast(big, TS, DataTypes.IntegerType, EvalMode.TRY)).isNull();
    assertError(
        () -> cast(big, TS, DataTypes.IntegerType, ANSI),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of(
            "value",
            "TIMESTAMP '2065-01-24 05:20:00'",
            "sourceType",
            "\"TIMESTAMP\"",
            "targetType",
            "\"INT\""));
  }

  @Test
  void timestampAndDateConvertInTheSessionZone() {
    long jan1at5utc = 1_577_854_800_000_000L; // 2020-01-01T05:00:00Z
    Cast toDate = new Cast(col(0, TS), DATE, ANSI, true);
    assertThat(eval(toDate, batch(vec(TS, jan1at5utc, null)), LA))
        .containsExactly((int) LocalDate.of(2019, 12, 31).toEpochDay(), null);
    assertThat(eval(toDate, batch(vec(TS, jan1at5utc)), EvalSupport.UTC))
        .containsExactly((int) LocalDate.of(2020, 1, 1).toEpochDay());
    assertThat(eval(toDate, batch(vec(TS, -1L)), EvalSupport.UTC)).containsExactly(-1);
    Cast toTs = new Cast(col(0, DATE), TS, ANSI, true);
    int jan1 = (int) LocalDate.of(2020, 1, 1).toEpochDay();
    assertThat(eval(toTs, batch(vec(DATE, jan1)), LA)).containsExactly(1_577_865_600_000_000L);
    assertThat(eval(toTs, batch(vec(DATE, jan1)), EvalSupport.UTC))
        .containsExactly(1_577_836_800_000_000L);
    assertThat(eval(toTs, batch(vec(DATE, jan1)), EvalContext.of("+05:30", true)))
        .containsExactly(1_577_836_800_000_000L - 19_800_000_000L);
  }

  @Test
  void dateToNumbersIsNullAsInLegacySpark() {
    assertThat(cast(5, DATE, DataTypes.IntegerType, LEGACY)).isNull();
    assertThat(cast(5, DATE, DataTypes.BooleanType, LEGACY)).isNull();
  }

  @Test
  void intervalsNarrowByTruncating() {
    long micros = ((24 + 2) * 3600 + 3 * 60 + 4) * 1_000_000L + 5;
    DataType dayHour = new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.HOUR);
    assertThat(cast(micros, DataTypes.DayTimeIntervalType, dayHour, ANSI))
        .isEqualTo(26 * 3_600_000_000L);
    assertThat(cast(-micros, DataTypes.DayTimeIntervalType, dayHour, ANSI))
        .isEqualTo(-26 * 3_600_000_000L);
    DataType year =
        new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.YEAR);
    assertThat(cast(14, DataTypes.YearMonthIntervalType, year, ANSI)).isEqualTo(12);
  }

  @Test
  void singleFieldIntervalsAndIntegers() {
    DataType hour = new DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.HOUR);
    assertThat(cast(5, DataTypes.IntegerType, hour, ANSI)).isEqualTo(5 * 3_600_000_000L);
    assertThat(cast(5 * 3_600_000_000L + 1, hour, DataTypes.IntegerType, ANSI)).isEqualTo(5);
    DataType year =
        new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.YEAR);
    assertThat(cast((byte) 2, DataTypes.ByteType, year, ANSI)).isEqualTo(24);
    assertThat(cast(25, year, DataTypes.LongType, ANSI)).isEqualTo(2L);
    assertError(
        () -> cast(Long.MAX_VALUE, DataTypes.LongType, hour, LEGACY),
        SluiceArithmeticException.class,
        "CAST_OVERFLOW",
        Map.of("targetType", "\"INTERVAL HOUR\""));
    assertThat(cast(Long.MAX_VALUE, DataTypes.LongType, hour, EvalMode.TRY)).isNull();
  }
}
