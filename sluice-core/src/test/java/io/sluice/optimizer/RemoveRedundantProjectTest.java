package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

class RemoveRedundantProjectTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);
  private final Rule rule = new RemoveRedundantProject();

  @Test
  void removesAProjectionOfExactlyTheChildColumns() {
    assertThat(rule.apply(project(filter(gt(a, lit(1)), t), a, b)))
        .isEqualTo(filter(gt(a, lit(1)), t));
  }

  @Test
  void keepsProjectionsThatReorderDropOrRename() {
    LogicalPlan reorder = project(t, b, a);
    LogicalPlan drop = project(t, a);
    LogicalPlan rename = project(t, a.withName("A"), b);
    LogicalPlan compute = project(t, a, alias(b, "b2"));

    assertThat(rule.apply(reorder)).isSameAs(reorder);
    assertThat(rule.apply(drop)).isSameAs(drop);
    assertThat(rule.apply(rename)).isSameAs(rename);
    assertThat(rule.apply(compute)).isSameAs(compute);
  }
}
