package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LimitPushDown} and {@link CombineLimits}. */
class LimitRulesTest {
  private final AttributeReference a = intCol("a");
  private final LocalRelation t = relation(a);

  @Test
  void pushesALimitBelowADeterministicProjection() {
    Alias x = alias(add(a, lit(1)), "x");
    Sort sorted = new Sort(List.of(SortOrder.asc(a)), true, t);

    LogicalPlan after = new LimitPushDown().apply(new Limit(5, project(sorted, x)));

    assertSamePlan(after, project(new Limit(5, sorted), x));
  }

  @Test
  void keepsALimitAboveANonDeterministicProjection() {
    LogicalPlan plan = new Limit(5, project(t, alias(new Rand(0), "r")));
    assertThat(new LimitPushDown().apply(plan)).isSameAs(plan);
  }

  @Test
  void combinesLimitsIntoTheSmallest() {
    assertThat(new CombineLimits().apply(new Limit(10, new Limit(5, t))))
        .isEqualTo(new Limit(5, t));
    assertThat(new CombineLimits().apply(new Limit(3, new Limit(7, new Limit(5, t)))))
        .isEqualTo(new Limit(3, t));
  }
}
