package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Comparison.Op;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ComparisonEvaluatorsTest {

  private static List<Object> cmp(Op op, DataType t, ColumnBatch b) {
    return eval(new Comparison(op, col(0, t), col(1, t)), b);
  }

  @Test
  void intsWithNulls() {
    DataType t = DataTypes.IntegerType;
    ColumnBatch b = batch(vec(t, 1, 2, 3, null, null), vec(t, 2, 2, 2, 1, null));
    assertThat(cmp(Op.EQ, t, b)).containsExactly(false, true, false, null, null);
    assertThat(cmp(Op.LT, t, b)).containsExactly(true, false, false, null, null);
    assertThat(cmp(Op.LE, t, b)).containsExactly(true, true, false, null, null);
    assertThat(cmp(Op.GT, t, b)).containsExactly(false, false, true, null, null);
    assertThat(cmp(Op.GE, t, b)).containsExactly(false, true, true, null, null);
    assertThat(cmp(Op.NULL_SAFE_EQ, t, b)).containsExactly(false, true, false, false, true);
  }

  @Test
  void doublesOrderNaNAboveEverythingAndEqualToItself() {
    DataType t = DataTypes.DoubleType;
    double nan = Double.NaN;
    double inf = Double.POSITIVE_INFINITY;
    ColumnBatch b = batch(vec(t, nan, nan, 1.0, inf, -0.0), vec(t, nan, inf, nan, nan, 0.0));
    assertThat(cmp(Op.EQ, t, b)).containsExactly(true, false, false, false, true);
    assertThat(cmp(Op.LT, t, b)).containsExactly(false, false, true, true, false);
    assertThat(cmp(Op.LE, t, b)).containsExactly(true, false, true, true, true);
    assertThat(cmp(Op.GT, t, b)).containsExactly(false, true, false, false, false);
    assertThat(cmp(Op.GE, t, b)).containsExactly(true, true, false, false, true);
    DataType f = DataTypes.FloatType;
    ColumnBatch fb = batch(vec(f, Float.NaN, -0.0f), vec(f, 1.0f, 0.0f));
    assertThat(cmp(Op.GT, f, fb)).containsExactly(true, false);
    assertThat(cmp(Op.EQ, f, fb)).containsExactly(false, true);
  }

  @Test
  void stringsCompareAsUnsignedUtf8() {
    DataType t = DataTypes.StringType;
    ColumnBatch b = batch(vec(t, "a", "é", "abc", "", null), vec(t, "b", "z", "ab", "", "x"));
    assertThat(cmp(Op.LT, t, b)).containsExactly(true, false, false, false, null);
    assertThat(cmp(Op.EQ, t, b)).containsExactly(false, false, false, true, null);
    assertThat(cmp(Op.GT, t, b)).containsExactly(false, true, true, false, null);
  }

  @Test
  void decimalsOfDifferentScaleCompareByValue() {
    DataType a = new DecimalType(5, 2);
    DataType c = new DecimalType(25, 3);
    ColumnBatch b =
        batch(
            vec(a, new BigDecimal("1.50"), new BigDecimal("2.00")),
            vec(c, new BigDecimal("1.500"), new BigDecimal("1.999")));
    assertThat(eval(new Comparison(Op.EQ, col(0, a), col(1, c)), b)).containsExactly(true, false);
    assertThat(eval(new Comparison(Op.GT, col(0, a), col(1, c)), b)).containsExactly(false, true);
  }

  @Test
  void otherAtomicTypes() {
    DataType bool = DataTypes.BooleanType;
    assertThat(cmp(Op.LT, bool, batch(vec(bool, false, true), vec(bool, true, true))))
        .containsExactly(true, false);
    DataType ts = DataTypes.TimestampType;
    assertThat(cmp(Op.GE, ts, batch(vec(ts, 5L, 4L), vec(ts, 5L, 5L))))
        .containsExactly(true, false);
    DataType date = DataTypes.DateType;
    assertThat(cmp(Op.LT, date, batch(vec(date, -1), vec(date, 0)))).containsExactly(true);
    DataType bin = DataTypes.BinaryType;
    assertThat(cmp(Op.LT, bin, batch(vec(bin, new byte[] {1}), vec(bin, new byte[] {(byte) 0x80}))))
        .containsExactly(true);
    DataType by = DataTypes.ByteType;
    assertThat(cmp(Op.LT, by, batch(vec(by, (byte) -1), vec(by, (byte) 1)))).containsExactly(true);
    DataType sh = DataTypes.ShortType;
    assertThat(cmp(Op.EQ, sh, batch(vec(sh, (short) 7), vec(sh, (short) 7)))).containsExactly(true);
  }

  @Test
  void structsAndArraysCompareLexicographicallyWithNullsFirst() {
    DataType arr = new ArrayType(DataTypes.IntegerType, true);
    ColumnBatch b =
        batch(
            vec(
                arr,
                new Object[] {1, 2},
                new Object[] {1},
                new Object[] {null, 5},
                new Object[] {}),
            vec(arr, new Object[] {1, 3}, new Object[] {1, 0}, new Object[] {0}, new Object[] {}));
    assertThat(cmp(Op.LT, arr, b)).containsExactly(true, true, true, false);
    assertThat(cmp(Op.EQ, arr, b)).containsExactly(false, false, false, true);
    StructType st =
        new StructType(
            List.of(
                new StructField("a", DataTypes.IntegerType),
                new StructField("b", DataTypes.StringType)));
    ColumnBatch s =
        batch(
            vec(st, new Object[] {1, "x"}, new Object[] {1, "y"}),
            vec(st, new Object[] {1, "x"}, new Object[] {1, "a"}));
    assertThat(cmp(Op.EQ, st, s)).containsExactly(true, false);
    assertThat(cmp(Op.GT, st, s)).containsExactly(false, true);
  }

  @Test
  void comparingWithAnUntypedNull() {
    DataType t = DataTypes.IntegerType;
    ColumnBatch b = batch(vec(t, 1, null));
    assertThat(eval(new Comparison(Op.EQ, col(0, t), io.sluice.plan.expr.Literal.NULL), b))
        .containsExactly(null, null);
    assertThat(
            eval(new Comparison(Op.NULL_SAFE_EQ, io.sluice.plan.expr.Literal.NULL, col(0, t)), b))
        .containsExactly(false, true);
  }

  @Test
  void mapsCannotBeCompared() {
    DataType m = new MapType(DataTypes.StringType, DataTypes.IntegerType, true);
    assertThatThrownBy(
            () ->
                ExpressionCompiler.compile(
                    new Comparison(Op.EQ, col(0, m), col(1, m)), EvalSupport.UTC))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("map");
  }

  @Property
  void longComparisonsMatchJava(@ForAll long x, @ForAll long y) {
    DataType t = DataTypes.LongType;
    ColumnBatch b = batch(vec(t, x), vec(t, y));
    assertThat(cmp(Op.LT, t, b)).containsExactly(x < y);
    assertThat(cmp(Op.GE, t, b)).containsExactly(x >= y);
    assertThat(cmp(Op.EQ, t, b)).containsExactly(x == y);
  }

  @Property
  void doubleComparisonsAgreeWithSparkOrder(@ForAll double x, @ForAll double y) {
    DataType t = DataTypes.DoubleType;
    ColumnBatch b = batch(vec(t, x), vec(t, y));
    int c = RowComparators.compareDoubles(x, y);
    assertThat(cmp(Op.LT, t, b)).containsExactly(c < 0);
    assertThat(cmp(Op.LE, t, b)).containsExactly(c <= 0);
    assertThat(cmp(Op.GT, t, b)).containsExactly(c > 0);
    assertThat(cmp(Op.GE, t, b)).containsExactly(c >= 0);
    assertThat(cmp(Op.EQ, t, b)).containsExactly(c == 0);
    // The order is Java's, except that -0.0 equals 0.0.
    int expected = (x == 0 && y == 0) ? 0 : Double.compare(x, y);
    assertThat(Integer.signum(c)).isEqualTo(Integer.signum(expected));
  }
}
