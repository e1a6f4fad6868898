package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.lit;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.CaseWhen.Branch;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionalEvaluatorsTest {
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType STR = DataTypes.StringType;

  private static Expression gt(Expression e, int v) {
    return new Comparison(Comparison.Op.GT, e, Literal.of(v));
  }

  @Test
  void caseWhenTakesTheFirstMatchingBranch() {
    ColumnBatch b = batch(vec(INT, 1, 5, 10, null));
    Expression e =
        new CaseWhen(
            List.of(
                new Branch(gt(col(0, INT), 7), Literal.of("big")),
                new Branch(gt(col(0, INT), 3), Literal.of("mid"))),
            Literal.of("small"));
    assertThat(eval(e, b)).containsExactly("small", "mid", "big", "small");
    Expression noElse = new CaseWhen(List.of(new Branch(gt(col(0, INT), 3), col(0, INT))), null);
    assertThat(eval(noElse, b)).containsExactly(null, 5, 10, null);
  }

  @Test
  void caseWhenEvaluatesValuesOnlyOnTheirRows() {
    // CASE WHEN x = 0 THEN NULL ELSE 10 div x END: no division by zero in ANSI mode.
    DataType l = DataTypes.LongType;
    ColumnBatch b = batch(vec(l, 0L, 5L, 0L, 2L));
    Expression e =
        new CaseWhen(
            List.of(
                new Branch(
                    new Comparison(Comparison.Op.EQ, col(0, l), Literal.of(0L)), lit(null, l))),
            new BinaryArithmetic(
                BinaryArithmetic.Op.INTEGRAL_DIVIDE, Literal.of(10L), col(0, l), EvalMode.ANSI));
    assertThat(eval(e, b)).containsExactly(null, 2L, null, 5L);
    // ...and a later condition that would fail is not evaluated where an earlier one matched.
    Expression guardedCondition =
        new CaseWhen(
            List.of(
                new Branch(
                    new Comparison(Comparison.Op.EQ, col(0, l), Literal.of(0L)), Literal.of(-1L)),
                new Branch(
                    new Comparison(
                        Comparison.Op.GT,
                        new BinaryArithmetic(
                            BinaryArithmetic.Op.INTEGRAL_DIVIDE,
                            Literal.of(10L),
                            col(0, l),
                            EvalMode.ANSI),
                        Literal.of(3L)),
                    Literal.of(1L))),
            Literal.of(0L));
    assertThat(eval(guardedCondition, b)).containsExactly(-1L, 0L, -1L, 1L);
  }

  @Test
  void caseWhenOnVariableWidthAndDecimalValues() {
    DecimalType d = new DecimalType(5, 1);
    ColumnBatch b =
        batch(vec(INT, 1, 2, 3), vec(d, new BigDecimal("1.5"), null, new BigDecimal("3.5")));
    Expression e =
        new CaseWhen(
            List.of(new Branch(gt(col(0, INT), 1), col(1, d))), lit(new BigDecimal("0.0"), d));
    assertThat(eval(e, b)).containsExactly(new BigDecimal("0.0"), null, new BigDecimal("3.5"));
    DataType arr = new ArrayType(INT, true);
    Expression a =
        new CaseWhen(
            List.of(new Branch(gt(col(0, INT), 2), lit(new Object[] {1, null}, arr))),
            lit(new Object[] {}, arr));
    List<Object> out = eval(a, b);
    assertThat((Object[]) out.get(0)).isEmpty();
    assertThat((Object[]) out.get(2)).containsExactly(1, null);
  }

  @Test
  void coalesceTakesTheFirstNonNull() {
    ColumnBatch b = batch(vec(STR, "a", null, null), vec(STR, "x", "b", null));
    Expression e = new Coalesce(List.of(col(0, STR), col(1, STR), Literal.of("z")));
    assertThat(eval(e, b)).containsExactly("a", "b", "z");
    assertThat(eval(new Coalesce(List.of(col(0, STR), col(1, STR))), b))
        .containsExactly("a", "b", null);
    assertThat(eval(new Coalesce(List.of(col(1, STR))), b)).containsExactly("x", "b", null);
  }

  @Test
  void coalesceEvaluatesLaterArgumentsOnlyWhereNeeded() {
    // coalesce(s, CAST('oops' AS INT)) must not fail on rows where s is not null.
    ColumnBatch b = batch(vec(INT, 1, 2), vec(STR, "oops", "oops"));
    Expression e =
        new Coalesce(List.of(col(0, INT), new Cast(col(1, STR), INT, EvalMode.ANSI, true)));
    assertThat(eval(e, b)).containsExactly(1, 2);
  }
}
