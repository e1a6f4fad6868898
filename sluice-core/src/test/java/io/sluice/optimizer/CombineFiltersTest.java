package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

class CombineFiltersTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);
  private final Rule rule = new CombineFilters();

  @Test
  void mergesWithTheLowerConditionFirst() {
    Expression lower = gt(a, lit(0));
    Expression upper = gt(b, lit(1));

    LogicalPlan after = rule.apply(filter(upper, filter(lower, t)));

    assertSamePlan(after, filter(and(lower, upper), t));
  }

  @Test
  void dropsUpperConjunctsTheLowerFilterHas() {
    LogicalPlan before = filter(and(gt(a, lit(0)), gt(b, lit(1))), filter(gt(a, lit(0)), t));

    assertSamePlan(rule.apply(before), filter(and(gt(a, lit(0)), gt(b, lit(1))), t));
  }

  @Test
  void mergesChainsOfThree() {
    LogicalPlan before = filter(gt(b, lit(3)), filter(gt(b, lit(2)), filter(gt(a, lit(1)), t)));

    assertSamePlan(
        rule.apply(before), filter(and(and(gt(a, lit(1)), gt(b, lit(2))), gt(b, lit(3))), t));
  }

  @Test
  void keepsANonDeterministicLowerFilterApart() {
    LogicalPlan plan = filter(gt(a, lit(0)), filter(gt(new Rand(1), lit(0)), t));
    assertThat(rule.apply(plan)).isSameAs(plan);
  }
}
