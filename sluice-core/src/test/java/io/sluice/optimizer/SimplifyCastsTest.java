package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import org.junit.jupiter.api.Test;

class SimplifyCastsTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference d = col("d", new DecimalType(10, 2));
  private final LocalRelation t = relation(a, d);

  @Test
  void removesCastsToTheSameType() {
    Alias x = alias(Cast.user(a, DataTypes.IntegerType, EvalMode.ANSI), "x");
    Alias y = alias(Cast.implicit(d, new DecimalType(10, 2), EvalMode.ANSI), "y");

    LogicalPlan after = new SimplifyCasts().apply(project(t, x, y));

    assertSamePlan(after, project(t, realias(a, x), realias(d, y)));
  }

  @Test
  void keepsCastsThatChangeTheType() {
    LogicalPlan plan =
        project(
            t,
            alias(Cast.user(a, DataTypes.LongType, EvalMode.ANSI), "x"),
            alias(Cast.user(d, new DecimalType(12, 2), EvalMode.ANSI), "y"));
    assertThat(new SimplifyCasts().apply(plan)).isSameAs(plan);
  }
}
