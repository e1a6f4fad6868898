package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.assertError;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.evalOne;
import static io.sluice.exec.expr.EvalSupport.lit;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ArithmeticEvaluatorsTest {
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType DOUBLE = DataTypes.DoubleType;

  private static BinaryArithmetic op(Op op, Expression l, Expression r, EvalMode mode) {
    return new BinaryArithmetic(op, l, r, mode);
  }

  private static Object ints(Op o, int a, int b, EvalMode mode) {
    return evalOne(op(o, Literal.of(a), Literal.of(b), mode));
  }

  @Test
  void intArithmeticWithNullsPropagates() {
    ColumnBatch b = batch(vec(INT, 1, null, 3, 4), vec(INT, 10, 20, null, -4));
    assertThat(eval(op(Op.ADD, col(0, INT), col(1, INT), EvalMode.ANSI), b))
        .containsExactly(11, null, null, 0);
    assertThat(eval(op(Op.SUBTRACT, col(0, INT), col(1, INT), EvalMode.ANSI), b))
        .containsExactly(-9, null, null, 8);
    assertThat(eval(op(Op.MULTIPLY, col(0, INT), col(1, INT), EvalMode.ANSI), b))
        .containsExactly(10, null, null, -16);
  }

  @Test
  void intOverflowPerMode() {
    assertThat(ints(Op.ADD, Integer.MAX_VALUE, 1, EvalMode.LEGACY)).isEqualTo(Integer.MIN_VALUE);
    assertThat(ints(Op.ADD, Integer.MAX_VALUE, 1, EvalMode.TRY)).isNull();
    assertError(
        () -> ints(Op.ADD, Integer.MAX_VALUE, 1, EvalMode.ANSI),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of(
            "message",
            "integer overflow",
            "alternative",
            " Use 'try_add' to tolerate overflow and return NULL instead.",
            "config",
            "\"spark.sql.ansi.enabled\""));
    assertError(
        () -> ints(Op.MULTIPLY, 1 << 20, 1 << 12, EvalMode.ANSI),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of("alternative", " Use 'try_multiply' to tolerate overflow and return NULL instead."));
    assertThat(ints(Op.SUBTRACT, Integer.MIN_VALUE, 1, EvalMode.LEGACY))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void overflowInNullRowsIsIgnored() {
    // Row 1 is null but its stored value would overflow: no error may be raised for it.
    IntVector a =
        new IntVector(INT, new int[] {1, Integer.MAX_VALUE}, new boolean[] {false, true}, 2);
    ColumnBatch b = batch(a, vec(INT, 1, 1));
    assertThat(eval(op(Op.ADD, col(0, INT), col(1, INT), EvalMode.ANSI), b))
        .containsExactly(2, null);
    IntVector zero = new IntVector(INT, new int[] {2, 0}, new boolean[] {false, true}, 2);
    assertThat(
            eval(
                op(Op.REMAINDER, col(1, INT), col(0, INT), EvalMode.ANSI),
                batch(zero, vec(INT, 5, 5))))
        .containsExactly(1, null);
  }

  @Test
  void longOverflow() {
    Expression add = op(Op.ADD, Literal.of(Long.MAX_VALUE), Literal.of(1L), EvalMode.ANSI);
    assertError(
        () -> evalOne(add),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of("message", "long overflow"));
    assertThat(
            evalOne(op(Op.MULTIPLY, Literal.of(Long.MAX_VALUE), Literal.of(2L), EvalMode.LEGACY)))
        .isEqualTo(-2L);
    assertThat(evalOne(op(Op.MULTIPLY, Literal.of(Long.MAX_VALUE), Literal.of(2L), EvalMode.TRY)))
        .isNull();
    assertThat(
            evalOne(
                op(
                    Op.MULTIPLY,
                    Literal.of(-3_000_000_000L),
                    Literal.of(3_000_000_000L),
                    EvalMode.ANSI)))
        .isEqualTo(-9_000_000_000_000_000_000L);
  }

  @Test
  void byteAndShortOverflowNameTheOperands() {
    Expression add =
        op(
            Op.ADD,
            lit((byte) 100, DataTypes.ByteType),
            lit((byte) 100, DataTypes.ByteType),
            EvalMode.ANSI);
    assertError(
        () -> evalOne(add),
        SluiceArithmeticException.class,
        "BINARY_ARITHMETIC_OVERFLOW",
        Map.of("value1", "100Y", "symbol", "+", "value2", "100Y", "functionName", "`try_add`"));
    Expression mul =
        op(
            Op.MULTIPLY,
            lit((short) 300, DataTypes.ShortType),
            lit((short) 300, DataTypes.ShortType),
            EvalMode.ANSI);
    assertError(
        () -> evalOne(mul),
        SluiceArithmeticException.class,
        "BINARY_ARITHMETIC_OVERFLOW",
        Map.of(
            "value1", "300S", "symbol", "*", "value2", "300S", "functionName", "`try_multiply`"));
    assertThat(
            evalOne(
                op(
                    Op.ADD,
                    lit((byte) 100, DataTypes.ByteType),
                    lit((byte) 100, DataTypes.ByteType),
                    EvalMode.LEGACY)))
        .isEqualTo((byte) -56);
    assertThat(
            evalOne(
                op(
                    Op.ADD,
                    lit((byte) 100, DataTypes.ByteType),
                    lit((byte) 27, DataTypes.ByteType),
                    EvalMode.ANSI)))
        .isEqualTo((byte) 127);
  }

  @Test
  void divisionByZero() {
    Expression div = op(Op.DIVIDE, Literal.of(1.0), Literal.of(0.0), EvalMode.ANSI);
    assertError(
        () -> evalOne(div),
        SluiceArithmeticException.class,
        "DIVIDE_BY_ZERO",
        Map.of("config", "\"spark.sql.ansi.enabled\""));
    assertThat(evalOne(op(Op.DIVIDE, Literal.of(1.0), Literal.of(0.0), EvalMode.LEGACY))).isNull();
    assertThat(evalOne(op(Op.DIVIDE, Literal.of(1.0), Literal.of(-0.0), EvalMode.TRY))).isNull();
    assertThat(evalOne(op(Op.DIVIDE, Literal.of(1.0), Literal.of(4.0), EvalMode.ANSI)))
        .isEqualTo(0.25);
    assertThat(ints(Op.REMAINDER, 7, 0, EvalMode.LEGACY)).isNull();
    assertThat(ints(Op.PMOD, 7, 0, EvalMode.TRY)).isNull();
    assertThatThrownBy(() -> ints(Op.REMAINDER, 7, 0, EvalMode.ANSI))
        .isInstanceOf(SluiceArithmeticException.class)
        .hasMessageContaining("DIVIDE_BY_ZERO");
    assertThatThrownBy(
            () -> evalOne(op(Op.INTEGRAL_DIVIDE, Literal.of(7L), Literal.of(0L), EvalMode.ANSI)))
        .hasMessageContaining("DIVIDE_BY_ZERO");
  }

  @Test
  void remainderPmodAndDiv() {
    assertThat(ints(Op.REMAINDER, -7, 3, EvalMode.ANSI)).isEqualTo(-1);
    assertThat(ints(Op.PMOD, -7, 3, EvalMode.ANSI)).isEqualTo(2);
    assertThat(ints(Op.PMOD, 7, -3, EvalMode.ANSI)).isEqualTo(1);
    assertThat(evalOne(op(Op.INTEGRAL_DIVIDE, Literal.of(-7L), Literal.of(2L), EvalMode.ANSI)))
        .isEqualTo(-3L);
    // div over ints widens to bigint
    assertThat(evalOne(op(Op.INTEGRAL_DIVIDE, Literal.of(7), Literal.of(2), EvalMode.ANSI)))
        .isEqualTo(3L);
    assertThat(evalOne(op(Op.PMOD, Literal.of(-7.5), Literal.of(2.0), EvalMode.ANSI)))
        .isEqualTo(0.5);
    assertThat(evalOne(op(Op.REMAINDER, Literal.of(-7.5), Literal.of(2.0), EvalMode.ANSI)))
        .isEqualTo(-1.5);
  }

  @Test
  void integralDivideOverflow() {
    Expression e =
        op(Op.INTEGRAL_DIVIDE, Literal.of(Long.MIN_VALUE), Literal.of(-1L), EvalMode.ANSI);
    assertError(
        () -> evalOne(e),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of(
            "message",
            "Overflow in integral divide",
            "alternative",
            " Use 'try_divide' to tolerate overflow and return NULL instead."));
    assertThat(
            evalOne(
                op(
                    Op.INTEGRAL_DIVIDE,
                    Literal.of(Long.MIN_VALUE),
                    Literal.of(-1L),
                    EvalMode.LEGACY)))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void doublesAndFloats() {
    ColumnBatch b = batch(vec(DOUBLE, 1.5, null, Double.NaN), vec(DOUBLE, 2.0, 1.0, 1.0));
    assertThat(eval(op(Op.MULTIPLY, col(0, DOUBLE), col(1, DOUBLE), EvalMode.ANSI), b))
        .containsExactly(3.0, null, Double.NaN);
    DataType f = DataTypes.FloatType;
    assertThat(evalOne(op(Op.ADD, lit(1.5f, f), lit(2.25f, f), EvalMode.ANSI))).isEqualTo(3.75f);
    assertThat(evalOne(op(Op.DIVIDE, lit(1f, f), lit(0f, f), EvalMode.LEGACY))).isNull();
    assertThat(
            evalOne(
                op(
                    Op.ADD,
                    Literal.of(Double.MAX_VALUE),
                    Literal.of(Double.MAX_VALUE),
                    EvalMode.ANSI)))
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void decimalResultTypesAndValues() {
    DecimalType d52 = new DecimalType(5, 2);
    DecimalType d31 = new DecimalType(3, 1);
    ColumnBatch b =
        batch(
            vec(d52, new BigDecimal("123.45"), new BigDecimal("-0.01"), null),
            vec(d31, new BigDecimal("10.5"), new BigDecimal("0.5"), new BigDecimal("1.0")));
    Expression add = op(Op.ADD, col(0, d52), col(1, d31), EvalMode.ANSI);
    assertThat(add.dataType()).isEqualTo(new DecimalType(6, 2));
    assertThat(eval(add, b))
        .containsExactly(new BigDecimal("133.95"), new BigDecimal("0.49"), null);
    Expression mul = op(Op.MULTIPLY, col(0, d52), col(1, d31), EvalMode.ANSI);
    assertThat(eval(mul, b))
        .containsExactly(new BigDecimal("1296.225"), new BigDecimal("-0.005"), null);
    Expression div = op(Op.DIVIDE, col(0, d52), col(1, d31), EvalMode.ANSI);
    assertThat(div.dataType()).isEqualTo(new DecimalType(10, 6));
    assertThat(eval(div, b))
        .containsExactly(new BigDecimal("11.757143"), new BigDecimal("-0.020000"), null);
    Expression rem = op(Op.REMAINDER, col(0, d52), col(1, d31), EvalMode.ANSI);
    assertThat(eval(rem, b)).containsExactly(new BigDecimal("7.95"), new BigDecimal("-0.01"), null);
    Expression pmod = op(Op.PMOD, col(0, d52), col(1, d31), EvalMode.ANSI);
    assertThat(eval(pmod, b).get(1)).isEqualTo(new BigDecimal("0.49"));
  }

  @Test
  void decimalOverflowAndDivisionByZero() {
    DecimalType big = new DecimalType(38, 0);
    BigDecimal nines = new BigDecimal("9".repeat(38));
    Expression add = op(Op.ADD, lit(nines, big), lit(BigDecimal.ONE, big), EvalMode.ANSI);
    assertError(
        () -> evalOne(add),
        SluiceArithmeticException.class,
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        Map.of("value", "1" + "0".repeat(38), "precision", "38", "scale", "0"));
    assertThat(evalOne(op(Op.ADD, lit(nines, big), lit(BigDecimal.ONE, big), EvalMode.LEGACY)))
        .isNull();
    assertThat(evalOne(op(Op.ADD, lit(nines, big), lit(BigDecimal.ONE, big), EvalMode.TRY)))
        .isNull();
    DecimalType d = new DecimalType(4, 2);
    Expression div = op(Op.DIVIDE, lit(BigDecimal.ONE, d), lit(BigDecimal.ZERO, d), EvalMode.ANSI);
    assertThatThrownBy(() -> evalOne(div)).hasMessageContaining("DIVIDE_BY_ZERO");
    assertThat(
            evalOne(
                op(Op.DIVIDE, lit(BigDecimal.ONE, d), lit(BigDecimal.ZERO, d), EvalMode.LEGACY)))
        .isNull();
  }

  @Test
  void decimalPrecisionLossRoundsHalfUp() {
    DecimalType d = new DecimalType(38, 10);
    Expression mul =
        op(
            Op.MULTIPLY,
            lit(new BigDecimal("1.0000000005"), d),
            lit(new BigDecimal("1.0000000001"), d),
            EvalMode.ANSI);
    assertThat(mul.dataType()).isEqualTo(new DecimalType(38, 6));
    assertThat(evalOne(mul)).isEqualTo(new BigDecimal("1.000000"));
    Expression div =
        op(
            Op.DIVIDE,
            lit(BigDecimal.ONE, new DecimalType(1, 0)),
            lit(new BigDecimal(3), new DecimalType(1, 0)),
            EvalMode.ANSI);
    assertThat(evalOne(div)).isEqualTo(new BigDecimal("0.333333"));
    Expression div2 =
        op(
            Op.DIVIDE,
            lit(new BigDecimal(2), new DecimalType(1, 0)),
            lit(new BigDecimal(3), new DecimalType(1, 0)),
            EvalMode.ANSI);
    assertThat(evalOne(div2)).isEqualTo(new BigDecimal("0.666667"));
  }

  @Test
  void decimalIntegralDivide() {
    DecimalType d = new DecimalType(10, 2);
    assertThat(
            evalOne(
                op(
                    Op.INTEGRAL_DIVIDE,
                    lit(new BigDecimal("7.50"), d),
                    lit(new BigDecimal("-2.00"), d),
                    EvalMode.ANSI)))
        .isEqualTo(-3L);
  }

  @Test
  void intervalsAndTimestamps() {
    DataType ym = DataTypes.YearMonthIntervalType;
    assertThat(evalOne(op(Op.ADD, lit(14, ym), lit(-2, ym), EvalMode.ANSI))).isEqualTo(12);
    assertError(
        () -> evalOne(op(Op.ADD, lit(Integer.MAX_VALUE, ym), lit(1, ym), EvalMode.LEGACY)),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of("message", "integer overflow"));
    assertThat(evalOne(op(Op.ADD, lit(Integer.MAX_VALUE, ym), lit(1, ym), EvalMode.TRY))).isNull();
    DayTimeIntervalType dt = DataTypes.DayTimeIntervalType;
    assertThat(evalOne(op(Op.SUBTRACT, lit(5_000_000L, dt), lit(2_000_000L, dt), EvalMode.ANSI)))
        .isEqualTo(3_000_000L);
    assertThat(
            evalOne(
                op(
                    Op.ADD,
                    lit(1_000_000L, DataTypes.TimestampType),
                    lit(86_400_000_000L, dt),
                    EvalMode.ANSI)))
        .isEqualTo(86_401_000_000L);
    assertThat(new YearMonthIntervalType((byte) 0, (byte) 1)).isEqualTo(ym);
  }

  @Test
  void unaryMinus() {
    assertThat(evalOne(new UnaryMinus(Literal.of(5), EvalMode.ANSI))).isEqualTo(-5);
    assertThat(evalOne(new UnaryMinus(Literal.of(Integer.MIN_VALUE), EvalMode.LEGACY)))
        .isEqualTo(Integer.MIN_VALUE);
    assertThat(evalOne(new UnaryMinus(Literal.of(Long.MIN_VALUE), EvalMode.TRY))).isNull();
    assertError(
        () -> evalOne(new UnaryMinus(Literal.of(Integer.MIN_VALUE), EvalMode.ANSI)),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of("message", "integer overflow", "alternative", ""));
    assertError(
        () -> evalOne(new UnaryMinus(lit((byte) -128, DataTypes.ByteType), EvalMode.ANSI)),
        SluiceArithmeticException.class,
        "ARITHMETIC_OVERFLOW",
        Map.of("message", "- -128Y caused overflow"));
    assertThat(
            evalOne(
                new UnaryMinus(lit(new BigDecimal("1.25"), new DecimalType(3, 2)), EvalMode.ANSI)))
        .isEqualTo(new BigDecimal("-1.25"));
    assertThat(eval(new UnaryMinus(col(0, DOUBLE), EvalMode.ANSI), batch(vec(DOUBLE, 1.0, null))))
        .containsExactly(-1.0, null);
  }

  @Test
  void integerDivisionWithSlashIsACompileError() {
    Expression e = op(Op.DIVIDE, Literal.of(1), Literal.of(2), EvalMode.ANSI);
    assertThatThrownBy(() -> ExpressionCompiler.compile(e, EvalSupport.UTC))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("(1 / 2)");
  }

  @Property
  void legacyIntArithmeticIsJavas(@ForAll int a, @ForAll int b) {
    ColumnBatch batch = batch(vec(INT, a), vec(INT, b));
    List<Object> r =
        Arrays.asList(
            eval(op(Op.ADD, col(0, INT), col(1, INT), EvalMode.LEGACY), batch).get(0),
            eval(op(Op.SUBTRACT, col(0, INT), col(1, INT), EvalMode.LEGACY), batch).get(0),
            eval(op(Op.MULTIPLY, col(0, INT), col(1, INT), EvalMode.LEGACY), batch).get(0),
            eval(op(Op.REMAINDER, col(0, INT), col(1, INT), EvalMode.LEGACY), batch).get(0));
    assertThat(r).containsExactly(a + b, a - b, a * b, b == 0 ? null : a % b);
  }

  @Property
  void ansiLongAdditionIsExactOrFails(@ForAll long a, @ForAll long b) {
    Expression e = op(Op.ADD, col(0, LONG), col(1, LONG), EvalMode.ANSI);
    ColumnBatch batch = batch(vec(LONG, a), vec(LONG, b));
    long exact;
    try {
      exact = Math.addExact(a, b);
    } catch (ArithmeticException ex) {
      assertThatThrownBy(() -> eval(e, batch)).isInstanceOf(SluiceArithmeticException.class);
      return;
    }
    assertThat(eval(e, batch)).containsExactly(exact);
  }
}
