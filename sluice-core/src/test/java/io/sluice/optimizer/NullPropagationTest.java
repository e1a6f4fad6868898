package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class NullPropagationTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference k = notNullInt("k");
  private final LocalRelation t = relation(a, k);
  private static final Literal NULL_INT = new Literal(null, DataTypes.IntegerType);

  private Expression rewritten(Expression e) {
    Project after = (Project) new NullPropagation().apply(project(t, alias(e, "x")));
    return ((Alias) after.projectList().get(0)).child();
  }

  @Test
  void nullIntolerantOperatorsWithANullInputAreNull() {
    assertThat(rewritten(add(a, NULL_INT))).isEqualTo(NULL_INT);
    assertThat(rewritten(eq(NULL_INT, a))).isEqualTo(new Literal(null, DataTypes.BooleanType));
    assertThat(rewritten(Cast.user(Literal.NULL, DataTypes.LongType, EvalMode.ANSI)))
        .isEqualTo(new Literal(null, DataTypes.LongType));
    assertThat(rewritten(new In(NULL_INT, List.of(lit(1), lit(2)))))
        .isEqualTo(new Literal(null, DataTypes.BooleanType));
    // nested: (a + NULL) * 2
    assertThat(rewritten(mul(add(a, NULL_INT), lit(2)))).isEqualTo(NULL_INT);
  }

  @Test
  void nullTestsOnColumnsThatCannotBeNull() {
    assertThat(rewritten(new IsNull(k))).isEqualTo(Literal.FALSE);
    assertThat(rewritten(new IsNotNull(k))).isEqualTo(Literal.TRUE);
    assertThat(rewritten(new IsNull(a))).isEqualTo(new IsNull(a));
    assertThat(rewritten(new IsNull(NULL_INT))).isEqualTo(Literal.TRUE);
  }

  @Test
  void nullSafeEqualityWithNull() {
    Expression e = new Comparison(Comparison.Op.NULL_SAFE_EQ, a, NULL_INT);
    assertThat(rewritten(e)).isEqualTo(new IsNull(a));
  }

  @Test
  void coalesceDropsNullsAndArgumentsAfterANonNullableOne() {
    assertThat(rewritten(new Coalesce(List.of(NULL_INT, a, k, lit(3)))))
        .isEqualTo(new Coalesce(List.of(a, k)));
    assertThat(rewritten(new Coalesce(List.of(NULL_INT, a)))).isEqualTo(a);
    assertThat(rewritten(new Coalesce(List.of(NULL_INT, NULL_INT)))).isEqualTo(NULL_INT);
    Coalesce kept = new Coalesce(List.of(a, lit(0)));
    assertThat(rewritten(kept)).isSameAs(kept);
  }

  @Test
  void nullabilityComesFromTheInputNotTheReference() {
    // k is not nullable in its relation, but the right side of a left outer join is
    AttributeReference id = notNullInt("id");
    LocalRelation left = relation(id);
    LogicalPlan join = new Join(left, t, JoinType.LEFT_OUTER, eq(id, k), List.of());
    LogicalPlan plan = project(join, alias(new IsNull(k), "missing"));

    assertThat(new NullPropagation().apply(plan)).isSameAs(plan);
  }
}
