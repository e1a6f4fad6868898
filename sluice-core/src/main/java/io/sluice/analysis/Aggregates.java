package io.sluice.analysis;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Sort;
import java.util.ArrayList;
import java.util.List;

/** Helpers about aggregate calls and the sort/filter operators that may refer to them. */
final class Aggregates {
  private Aggregates() {}

  static boolean containsAggregate(Expression e) {
    return e.exists(x -> x instanceof AggregateCall);
  }

  static boolean containsAggregate(List<? extends Expression> es) {
    for (Expression e : es) {
      if (containsAggregate(e)) return true;
    }
    return false;
  }

  /** True for an aggregate call, possibly under a display-only wrapper ({@code mean}). */
  static boolean isAggregate(Expression e) {
    if (e instanceof AggregateCall) return true;
    return e instanceof RuntimeReplaceable r && isAggregate(r.replacement());
  }

  /** A sort or filter with new expressions (in {@code expressions()} order) and child. */
  static LogicalPlan withExpressions(LogicalPlan p, List<Expression> exprs, LogicalPlan child) {
    if (p instanceof Sort s) {
      List<SortOrder> order = new ArrayList<>();
      for (Expression e : exprs) order.add((SortOrder) e);
      return new Sort(order, s.global(), child);
    }
    if (p instanceof Filter) return new Filter(exprs.get(0), child);
    throw new IllegalArgumentException("Not a sort or filter: " + p.nodeName());
  }
}
