package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferFiltersFromConstraintsTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final AttributeReference c = intCol("c");
  private final LocalRelation left = relation(a, b);
  private final LocalRelation right = relation(c);
  private final Rule rule = new InferFiltersFromConstraints();

  private static Join join(LogicalPlan l, LogicalPlan r, JoinType type, Expression on) {
    return new Join(l, r, type, on, List.of());
  }

  @Test
  void innerJoinKeysMustNotBeNullOnBothSides() {
    LogicalPlan after = rule.apply(join(left, right, JoinType.INNER, eq(add(a, lit(1)), c)));

    assertSamePlan(
        after,
        join(
            filter(new IsNotNull(a), left),
            filter(new IsNotNull(c), right),
            JoinType.INNER,
            eq(add(a, lit(1)), c)));
  }

  @Test
  void onlyOnInputsWhoseUnmatchedRowsAreDropped() {
    Expression on = eq(a, c);
    assertSamePlan(
        rule.apply(join(left, right, JoinType.LEFT_OUTER, on)),
        join(left, filter(new IsNotNull(c), right), JoinType.LEFT_OUTER, on));
    assertSamePlan(
        rule.apply(join(left, right, JoinType.LEFT_ANTI, on)),
        join(left, filter(new IsNotNull(c), right), JoinType.LEFT_ANTI, on));
    assertSamePlan(
        rule.apply(join(left, right, JoinType.RIGHT_OUTER, on)),
        join(filter(new IsNotNull(a), left), right, JoinType.RIGHT_OUTER, on));
    LogicalPlan full = join(left, right, JoinType.FULL_OUTER, on);
    assertThat(rule.apply(full)).isSameAs(full);
  }

  @Test
  void nothingForNullSafeEqualityOrNonNullableColumns() {
    LogicalPlan nullSafe =
        join(
            left,
            right,
            JoinType.INNER,
            new io.sluice.plan.expr.Comparison(
                io.sluice.plan.expr.Comparison.Op.NULL_SAFE_EQ, a, c));
    assertThat(rule.apply(nullSafe)).isSameAs(nullSafe);

    AttributeReference k = notNullInt("k");
    LogicalPlan nonNullable =
        join(relation(k), relation(notNullInt("j")), JoinType.INNER, eq(k, lit(1)));
    assertThat(rule.apply(nonNullable)).isSameAs(nonNullable);
  }

  @Test
  void idempotentEvenAfterTheFilterWasPushedBelowAProjection() {
    Alias key = alias(add(b, lit(1)), "key");
    LogicalPlan input = project(filter(new IsNotNull(add(b, lit(1))), left), key);
    LogicalPlan plan =
        join(input, filter(gt(c, lit(0)), right), JoinType.INNER, eq(key.toAttribute(), c));

    // key is known non-null through its alias, c through the strict comparison c > 0
    assertThat(rule.apply(plan)).isSameAs(plan);
  }
}
