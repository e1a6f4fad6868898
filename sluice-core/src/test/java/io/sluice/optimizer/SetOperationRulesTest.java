package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

/** The rules that run EXCEPT and INTERSECT, as golden before/after plans. */
class SetOperationRulesTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final AttributeReference c = intCol("c");
  private final AttributeReference d = intCol("d");
  private final LocalRelation left = relation(a, b);
  private final LocalRelation right = relation(c, d);

  @Test
  void intersectBecomesDistinctLeftSemiJoinOnNullSafeEquality() {
    LogicalPlan after = new ReplaceIntersectWithSemiJoin().apply(new Intersect(left, right, false));
    assertThat(normalized(after))
        .isEqualTo(
            """
            Distinct
            +- Join LeftSemi, ((a <=> c) AND (b <=> d))
               :- LocalRelation [a#0, b#1]
               +- LocalRelation [c#2, d#3]
            """);
  }

  @Test
  void exceptBecomesDistinctLeftAntiJoinOnNullSafeEquality() {
    LogicalPlan after = new ReplaceExceptWithAntiJoin().apply(new Except(left, right, false));
    assertThat(normalized(after))
        .isEqualTo(
            """
            Distinct
            +- Join LeftAnti, ((a <=> c) AND (b <=> d))
               :- LocalRelation [a#0, b#1]
               +- LocalRelation [c#2, d#3]
            """);
  }

  @Test
  void exceptAllSumsTagsAndReplicates() {
    LogicalPlan plan = new Except(left, right, true);
    LogicalPlan after = new RewriteExceptAll().apply(plan);
    assertThat(signature(after)).isEqualTo(signature(plan));
    assertThat(normalized(after))
        .isEqualTo(
            """
            Project [a#0, b#1]
            +- Generate replicaterows(sum_val#2L), [], false, []
               +- Filter (sum_val > 0)
                  +- Aggregate [a#0, b#1], [a#0, b#1, sum(vcol) AS sum_val#2L]
                     +- Union false, false
                        :- Project [1 AS vcol#3L, a#0, b#1]
                        :  +- LocalRelation [a#0, b#1]
                        +- Project [-1 AS vcol#4L, c#5, d#6]
                           +- LocalRelation [c#5, d#6]
            """);
    // the other rules leave it alone
    assertThat(new ReplaceExceptWithAntiJoin().apply(plan)).isSameAs(plan);
    assertThat(new RewriteIntersectAll().apply(plan)).isSameAs(plan);
  }

  @Test
  void intersectAllCountsBothSidesAndReplicatesTheSmaller() {
    LogicalPlan plan = new Intersect(left, right, true);
    LogicalPlan after = new RewriteIntersectAll().apply(plan);
    assertThat(signature(after)).isEqualTo(signature(plan));
    assertThat(normalized(after))
        .isEqualTo(
            """
            Project [a#0, b#1]
            +- Generate replicaterows(min_count#2L), [], false, []
               +- Project [CASE WHEN (vcol1_count > vcol2_count) THEN vcol2_count#3L \
            ELSE vcol1_count#4L END AS min_count#2L, a#0, b#1]
                  +- Filter ((vcol1_count >= 1) AND (vcol2_count >= 1))
                     +- Aggregate [a#0, b#1], [count(vcol1) AS vcol1_count#4L, \
            count(vcol2) AS vcol2_count#3L, a#0, b#1]
                        +- Union false, false
                           :- Project [true AS vcol1#5, NULL AS vcol2#6, a#0, b#1]
                           :  +- LocalRelation [a#0, b#1]
                           +- Project [NULL AS vcol1#7, true AS vcol2#8, c#9, d#10]
                              +- LocalRelation [c#9, d#10]
            """);
    assertThat(new ReplaceIntersectWithSemiJoin().apply(plan)).isSameAs(plan);
  }
}
