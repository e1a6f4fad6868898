package io.sluice.optimizer;

import io.sluice.plan.expr.Literal;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;

/**
 * Removes filters whose condition is a constant: {@code true} keeps every row (the filter goes),
 * {@code false} or {@code null} keeps none (the filter and its input become an empty relation with
 * the same output; streaming inputs are kept, since their sources must still be read).
 *
 * <pre>{@code
 * Filter true
 * +- LocalRelation [a#1]       => LocalRelation [a#1]
 *
 * Filter false
 * +- Relation json [a#1]       => LocalRelation [a#1]   (no rows)
 * }</pre>
 */
public final class PruneFilters implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Filter f) || !(f.condition() instanceof Literal l)) return p;
          if (Boolean.TRUE.equals(l.value())) return f.child();
          if ((l.value() == null || Boolean.FALSE.equals(l.value())) && !f.child().isStreaming()) {
            return new LocalRelation(f.output(), List.of());
          }
          return p;
        });
  }
}
