package io.sluice.optimizer;

import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;

/**
 * Runs {@code EXCEPT} (distinct) as Spark does: the left rows without an equal row on the right,
 * compared column by column with null-safe equality, then distinct.
 *
 * <pre>{@code
 * Except                          Distinct
 * :- LocalRelation [a#1]     =>   +- Join LeftAnti, (a#1 <=> c#3)
 * +- LocalRelation [c#3]             :- LocalRelation [a#1]
 *                                    +- LocalRelation [c#3]
 * }</pre>
 */
public final class ReplaceExceptWithAntiJoin implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Except e) || e.isAll()) return p;
          return new Distinct(
              new Join(
                  e.left(),
                  e.right(),
                  JoinType.LEFT_ANTI,
                  SetOperations.sameRow(e.left(), e.right()),
                  List.of()));
        });
  }
}
