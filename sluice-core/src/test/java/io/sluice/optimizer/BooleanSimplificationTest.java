package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

class BooleanSimplificationTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);
  private final Expression p = gt(a, lit(1));
  private final Expression q = lt(b, lit(2));
  private static final Literal NULL_BOOL = new Literal(null, DataTypes.BooleanType);

  private Expression simplified(Expression condition) {
    LogicalPlan after = new BooleanSimplification().apply(filter(condition, t));
    return ((io.sluice.plan.logical.Filter) after).condition();
  }

  @Test
  void andWithConstants() {
    assertThat(simplified(and(Literal.TRUE, p))).isEqualTo(p);
    assertThat(simplified(and(p, Literal.TRUE))).isEqualTo(p);
    assertThat(simplified(and(Literal.FALSE, p))).isEqualTo(Literal.FALSE);
    assertThat(simplified(and(p, Literal.FALSE))).isEqualTo(Literal.FALSE);
    // false AND NULL is false in three-valued logic
    assertThat(simplified(and(NULL_BOOL, Literal.FALSE))).isEqualTo(Literal.FALSE);
  }

  @Test
  void orWithConstants() {
    assertThat(simplified(new Or(p, Literal.TRUE))).isEqualTo(Literal.TRUE);
    assertThat(simplified(new Or(Literal.TRUE, p))).isEqualTo(Literal.TRUE);
    assertThat(simplified(new Or(Literal.FALSE, p))).isEqualTo(p);
    assertThat(simplified(new Or(p, Literal.FALSE))).isEqualTo(p);
  }

  @Test
  void nullIsNotTreatedAsFalse() {
    // NULL AND p is null or false, NULL OR p is null or true: neither is a constant
    assertThat(simplified(and(NULL_BOOL, p))).isEqualTo(and(NULL_BOOL, p));
    assertThat(simplified(new Or(NULL_BOOL, p))).isEqualTo(new Or(NULL_BOOL, p));
  }

  @Test
  void negations() {
    assertThat(simplified(new Not(new Not(p)))).isEqualTo(p);
    assertThat(simplified(new Not(gt(a, lit(1)))))
        .isEqualTo(new Comparison(Comparison.Op.LE, a, lit(1)));
    assertThat(simplified(new Not(lt(a, lit(1)))))
        .isEqualTo(new Comparison(Comparison.Op.GE, a, lit(1)));
    assertThat(simplified(new Not(new IsNull(a)))).isEqualTo(new IsNotNull(a));
    assertThat(simplified(new Not(Literal.TRUE))).isEqualTo(Literal.FALSE);
    Expression notEq = new Not(eq(a, lit(1)));
    assertThat(simplified(notEq)).isEqualTo(notEq);
  }

  @Test
  void repeatedDeterministicOperand() {
    assertThat(simplified(and(p, p))).isEqualTo(p);
    assertThat(simplified(new Or(q, q))).isEqualTo(q);
    Expression random = gt(new Rand(1), lit(0));
    assertThat(simplified(and(random, random))).isEqualTo(and(random, random));
  }

  @Test
  void goldenPlan() {
    LogicalPlan before = filter(and(Literal.TRUE, new Not(gt(a, lit(1)))), t);
    assertSamePlan(
        new BooleanSimplification().apply(before),
        filter(new Comparison(Comparison.Op.LE, a, lit(1)), t));
  }
}
