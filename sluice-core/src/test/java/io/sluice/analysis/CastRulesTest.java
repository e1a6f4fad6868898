package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.EvalMode;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastRulesTest {
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType DOUBLE = DataTypes.DoubleType;
  private static final DataType STRING = DataTypes.StringType;
  private static final DataType BOOL = DataTypes.BooleanType;
  private static final DataType DATE = DataTypes.DateType;
  private static final DataType TS = DataTypes.TimestampType;
  private static final DataType BIN = DataTypes.BinaryType;
  private static final DataType DEC = new DecimalType(10, 2);

  @Test
  void everythingCastsToStringAndNullCastsToEverything() {
    for (DataType t :
        List.of(
            INT,
            DOUBLE,
            BOOL,
            DATE,
            TS,
            BIN,
            DEC,
            DataTypes.DayTimeIntervalType,
            new ArrayType(INT, true))) {
      assertThat(CastRules.canCast(t, STRING)).as(t.sql()).isTrue();
      assertThat(CastRules.canAnsiCast(t, STRING)).as(t.sql()).isTrue();
      assertThat(CastRules.canAnsiCast(DataTypes.NullType, t)).as(t.sql()).isTrue();
    }
  }

  @Test
  void ansiForbidsDatetimeAndBooleanConversionsLegacyAllows() {
    List<DataType[]> legacyOnly =
        List.of(
            new DataType[] {DATE, INT},
            new DataType[] {DATE, BOOL},
            new DataType[] {TS, BOOL},
            new DataType[] {BOOL, TS},
            new DataType[] {INT, BIN},
            new DataType[] {DATE, DOUBLE});
    for (DataType[] pair : legacyOnly) {
      assertThat(CastRules.canCast(pair[0], pair[1]))
          .as(pair[0].sql() + "->" + pair[1].sql())
          .isTrue();
      assertThat(CastRules.canAnsiCast(pair[0], pair[1]))
          .as(pair[0].sql() + "->" + pair[1].sql())
          .isFalse();
    }
  }

  @Test
  void bothAllowNumbersStringsAndTimestamps() {
    List<DataType[]> both =
        List.of(
            new DataType[] {STRING, INT},
            new DataType[] {DOUBLE, INT},
            new DataType[] {INT, BOOL},
            new DataType[] {BOOL, LONG},
            new DataType[] {STRING, DATE},
            new DataType[] {TS, DATE},
            new DataType[] {DATE, TS},
            new DataType[] {LONG, TS},
            new DataType[] {TS, LONG},
            new DataType[] {STRING, BIN},
            new DataType[] {STRING, DataTypes.CalendarIntervalType},
            new DataType[] {INT, DataTypes.YearMonthIntervalType},
            new DataType[] {DataTypes.DayTimeIntervalType, DEC});
    for (DataType[] pair : both) {
      assertThat(CastRules.canCast(pair[0], pair[1]))
          .as(pair[0].sql() + "->" + pair[1].sql())
          .isTrue();
      assertThat(CastRules.canAnsiCast(pair[0], pair[1]))
          .as(pair[0].sql() + "->" + pair[1].sql())
          .isTrue();
    }
  }

  @Test
  void neitherAllows() {
    List<DataType[]> neither =
        List.of(
            new DataType[] {BIN, INT},
            new DataType[] {INT, DATE},
            new DataType[] {DOUBLE, DATE},
            new DataType[] {DataTypes.CalendarIntervalType, INT},
            new DataType[] {BOOL, DATE},
            new DataType[] {new MapType(INT, INT, true), INT},
            new DataType[] {new ArrayType(INT, true), new MapType(INT, INT, true)});
    for (DataType[] pair : neither) {
      assertThat(CastRules.canCast(pair[0], pair[1]))
          .as(pair[0].sql() + "->" + pair[1].sql())
          .isFalse();
      assertThat(CastRules.canAnsiCast(pair[0], pair[1]))
          .as(pair[0].sql() + "->" + pair[1].sql())
          .isFalse();
    }
  }

  @Test
  void complexTypesCastElementWiseAndRespectNullability() {
    DataType strings = new ArrayType(STRING, false);
    assertThat(CastRules.canAnsiCast(strings, new ArrayType(INT, true))).isTrue();
    // Legacy string-to-int may yield null, so the target must allow null elements.
    assertThat(CastRules.canCast(strings, new ArrayType(INT, false))).isFalse();
    assertThat(CastRules.canAnsiCast(strings, new ArrayType(INT, false))).isTrue();
    assertThat(CastRules.canTryCast(strings, new ArrayType(INT, false))).isFalse();
    StructType from = new StructType().add("a", INT).add("b", STRING);
    assertThat(CastRules.canCast(from, new StructType().add("x", LONG).add("y", STRING))).isTrue();
    assertThat(CastRules.canCast(from, new StructType().add("x", LONG))).isFalse();
    assertThat(CastRules.canCast(new MapType(STRING, INT, false), new MapType(INT, INT, false)))
        .as("keys may not become null")
        .isFalse();
  }

  @Test
  void modeSelectsTheMatrix() {
    assertThat(CastRules.canCast(DATE, INT, EvalMode.LEGACY)).isTrue();
    assertThat(CastRules.canCast(DATE, INT, EvalMode.ANSI)).isFalse();
    assertThat(CastRules.canCast(DATE, INT, EvalMode.TRY)).isFalse();
  }

  @Test
  void storeAssignmentAllowsNumbersAndDatetimesButNotStringsToNumbers() {
    assertThat(CastRules.canAnsiStoreAssign(DOUBLE, INT)).isTrue();
    assertThat(CastRules.canAnsiStoreAssign(DATE, TS)).isTrue();
    assertThat(CastRules.canAnsiStoreAssign(INT, STRING)).isTrue();
    assertThat(CastRules.canAnsiStoreAssign(STRING, INT)).isFalse();
    assertThat(CastRules.canAnsiStoreAssign(BOOL, INT)).isFalse();
  }

  @Test
  void forceNullable() {
    assertThat(CastRules.forceNullable(STRING, INT)).isTrue();
    assertThat(CastRules.forceNullable(INT, LONG)).isFalse();
    assertThat(CastRules.forceNullable(LONG, new DecimalType(10, 0))).isTrue();
    assertThat(CastRules.forceNullable(INT, new DecimalType(10, 0))).isFalse();
    assertThat(CastRules.forceNullable(DOUBLE, INT)).isTrue();
    assertThat(CastRules.forceNullable(DATE, TS)).isFalse();
  }
}
