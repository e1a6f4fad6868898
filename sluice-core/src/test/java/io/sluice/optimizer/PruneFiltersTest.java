package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneFiltersTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LogicalPlan t = project(relation(a, b), a, b);
  private final Rule rule = new PruneFilters();

  @Test
  void alwaysTrueFilterGoes() {
    assertThat(rule.apply(filter(Literal.TRUE, t))).isSameAs(t);
  }

  @Test
  void falseOrNullFilterBecomesAnEmptyRelationWithTheSameOutput() {
    for (Literal never : List.of(Literal.FALSE, new Literal(null, DataTypes.BooleanType))) {
      LogicalPlan after = rule.apply(filter(never, t));
      assertThat(after).isEqualTo(new LocalRelation(List.of(a, b), List.of()));
      assertThat(signature(after)).isEqualTo(signature(t));
    }
  }

  @Test
  void otherConditionsStay() {
    LogicalPlan plan = filter(gt(a, lit(1)), t);
    assertThat(rule.apply(plan)).isSameAs(plan);
  }
}
