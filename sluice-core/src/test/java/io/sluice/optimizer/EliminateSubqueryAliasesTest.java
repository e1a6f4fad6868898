package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.SubqueryAlias;
import java.util.List;
import org.junit.jupiter.api.Test;

class EliminateSubqueryAliasesTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);

  @Test
  void removesNestedAliasesKeepingReferences() {
    AttributeReference qa = a.withQualifier(List.of("t"));
    LogicalPlan before = project(new SubqueryAlias("u", new SubqueryAlias("t", t)), qa);

    LogicalPlan after = new EliminateSubqueryAliases().apply(before);

    assertSamePlan(after, project(t, qa));
    assertThat(signature(after)).isEqualTo(signature(before));
  }

  @Test
  void leavesPlansWithoutAliasesAsTheyAre() {
    LogicalPlan plan = project(t, a);
    assertThat(new EliminateSubqueryAliases().apply(plan)).isSameAs(plan);
  }
}
