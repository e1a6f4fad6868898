package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.lit;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicEvaluatorsTest {
  private static final DataType BOOL = DataTypes.BooleanType;
  private static final DataType INT = DataTypes.IntegerType;

  /** All nine combinations of true, false and null. */
  private static ColumnBatch truthTable() {
    return batch(
        vec(BOOL, true, true, true, false, false, false, null, null, null),
        vec(BOOL, true, false, null, true, false, null, true, false, null));
  }

  @Test
  void andIsThreeValued() {
    assertThat(eval(new And(col(0, BOOL), col(1, BOOL)), truthTable()))
        .containsExactly(true, false, null, false, false, false, null, false, null);
  }

  @Test
  void orIsThreeValued() {
    assertThat(eval(new Or(col(0, BOOL), col(1, BOOL)), truthTable()))
        .containsExactly(true, true, true, true, false, null, true, null, null);
  }

  @Test
  void andWithoutNulls() {
    ColumnBatch b = batch(vec(BOOL, true, true, false), vec(BOOL, true, false, true));
    assertThat(eval(new And(col(0, BOOL), col(1, BOOL)), b)).containsExactly(true, false, false);
    assertThat(eval(new Or(col(0, BOOL), col(1, BOOL)), b)).containsExactly(true, true, true);
  }

  @Test
  void rightSideIsOnlyEvaluatedWhereTheLeftDoesNotDecide() {
    // x <> 0 AND 10 / x > 1 must not divide by zero in ANSI mode (Spark short-circuits).
    DataType d = DataTypes.DoubleType;
    ColumnBatch b = batch(vec(d, 0.0, 5.0, 20.0, null));
    Expression nonZero = new Not(new Comparison(Comparison.Op.EQ, col(0, d), Literal.of(0.0)));
    Expression big =
        new Comparison(
            Comparison.Op.GT,
            new BinaryArithmetic(
                BinaryArithmetic.Op.DIVIDE, Literal.of(10.0), col(0, d), EvalMode.ANSI),
            Literal.of(1.0));
    assertThat(eval(new And(nonZero, big), b)).containsExactly(false, true, false, null);
    Expression zero = new Comparison(Comparison.Op.EQ, col(0, d), Literal.of(0.0));
    assertThat(eval(new Or(zero, big), b)).containsExactly(true, true, false, null);
    // Without the guard the division fails.
    assertThatThrownBy(() -> eval(new And(big, nonZero), b))
        .isInstanceOf(SluiceArithmeticException.class);
  }

  @Test
  void notAndNullChecks() {
    ColumnBatch b = batch(vec(BOOL, true, false, null));
    assertThat(eval(new Not(col(0, BOOL)), b)).containsExactly(false, true, null);
    assertThat(eval(new IsNull(col(0, BOOL)), b)).containsExactly(false, false, true);
    assertThat(eval(new IsNotNull(col(0, BOOL)), b)).containsExactly(true, true, false);
    ColumnBatch noNulls = batch(vec(INT, 1, 2));
    assertThat(eval(new IsNull(col(0, INT)), noNulls)).containsExactly(false, false);
    assertThat(eval(new IsNotNull(col(0, INT)), noNulls)).containsExactly(true, true);
  }

  @Test
  void inWithLiteralsFollowsSqlNullSemantics() {
    ColumnBatch b = batch(vec(INT, 1, 5, null));
    assertThat(eval(new In(col(0, INT), List.of(Literal.of(1), Literal.of(2))), b))
        .containsExactly(true, false, null);
    Expression withNull = new In(col(0, INT), List.of(Literal.of(1), lit(null, INT)));
    assertThat(eval(withNull, b)).containsExactly(true, null, null);
    DataType l = DataTypes.LongType;
    assertThat(
            eval(
                new In(col(0, l), List.of(Literal.of(7L), Literal.of(-3L))),
                batch(vec(l, -3L, 8L))))
        .containsExactly(true, false);
    DataType s = DataTypes.StringType;
    assertThat(
            eval(
                new In(col(0, s), List.of(Literal.of("b"), Literal.of("é"), Literal.of(""))),
                batch(vec(s, "é", "a", "", "bb"))))
        .containsExactly(true, false, true, false);
  }

  @Test
  void inWithColumnsAndOtherTypes() {
    ColumnBatch b = batch(vec(INT, 1, 2, 3, 4), vec(INT, 9, 2, null, null), vec(INT, 1, 8, 3, 8));
    Expression e = new In(col(0, INT), List.of(col(1, INT), col(2, INT)));
    assertThat(eval(e, b)).containsExactly(true, true, true, null);
    DataType d = DataTypes.DoubleType;
    assertThat(
            eval(
                new In(col(0, d), List.of(Literal.of(Double.NaN), Literal.of(0.0))),
                batch(vec(d, Double.NaN, -0.0, 1.0))))
        .containsExactly(true, true, false);
  }
}
