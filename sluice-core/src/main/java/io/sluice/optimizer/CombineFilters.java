package io.sluice.optimizer;

import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges adjacent filters into one whose condition evaluates the lower filter's first (so the upper
 * condition still only sees rows the lower one let through), dropping conjuncts of the upper filter
 * the lower one already has. The lower condition must be deterministic: merging would otherwise
 * change how many rows it sees.
 *
 * <pre>{@code
 * Filter (b#2 > 1)                Filter ((a#1 > 0) AND (b#2 > 1))
 * +- Filter (a#1 > 0)          => +- LocalRelation [a#1, b#2]
 *    +- LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class CombineFilters implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (p instanceof Filter upper
              && upper.child() instanceof Filter lower
              && lower.condition().deterministic()) {
            return combine(upper, lower);
          }
          return p;
        });
  }

  /** The filters merged; also applied by {@link PushDownPredicates} as it pushes. */
  static Filter combine(Filter upper, Filter lower) {
    Set<Expression> present = new HashSet<>();
    for (Expression c : Conjuncts.split(lower.condition())) present.add(Canonical.of(c));
    List<Expression> conjuncts = new ArrayList<>();
    conjuncts.add(lower.condition());
    for (Expression c : Conjuncts.split(upper.condition())) {
      if (!c.deterministic() || present.add(Canonical.of(c))) conjuncts.add(c);
    }
    return new Filter(Conjuncts.and(conjuncts), lower.child());
  }
}
