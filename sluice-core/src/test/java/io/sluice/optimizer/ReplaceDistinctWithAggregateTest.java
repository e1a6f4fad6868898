package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaceDistinctWithAggregateTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);

  @Test
  void distinctBecomesAggregateGroupingByEveryColumn() {
    LogicalPlan after = new ReplaceDistinctWithAggregate().apply(new Distinct(t));

    assertSamePlan(after, new Aggregate(List.of(a, b), List.of(a, b), t));
    assertThat(after).isEqualTo(new Aggregate(List.of(a, b), List.of(a, b), t));
  }

  @Test
  void dropDuplicatesIsLeftForThePlanner() {
    LogicalPlan plan = new Deduplicate(List.of(a), t);
    assertThat(new ReplaceDistinctWithAggregate().apply(plan)).isSameAs(plan);
  }
}
