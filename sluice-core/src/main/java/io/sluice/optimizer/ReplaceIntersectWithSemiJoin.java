package io.sluice.optimizer;

import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;

/**
 * Runs {@code INTERSECT} (distinct) as Spark does: the left rows that have an equal row on the
 * right, compared column by column with null-safe equality (two nulls are the same value in set
 * operations), then distinct.
 *
 * <pre>{@code
 * Intersect                       Distinct
 * :- LocalRelation [a#1, b#2]  => +- Join LeftSemi, ((a#1 <=> c#3) AND (b#2 <=> d#4))
 * +- LocalRelation [c#3, d#4]        :- LocalRelation [a#1, b#2]
 *                                    +- LocalRelation [c#3, d#4]
 * }</pre>
 */
public final class ReplaceIntersectWithSemiJoin implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Intersect i) || i.isAll()) return p;
          return new Distinct(
              new Join(
                  i.left(),
                  i.right(),
                  JoinType.LEFT_SEMI,
                  SetOperations.sameRow(i.left(), i.right()),
                  List.of()));
        });
  }
}
