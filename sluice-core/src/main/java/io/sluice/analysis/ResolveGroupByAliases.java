package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL's {@code GROUP BY} names that are not input columns (Spark's {@code ResolveAggAliasInGroupBy}
 * and {@code ResolveGroupByAll}): {@code SELECT qty > 1 AS multi ... GROUP BY multi} groups by the
 * aliased expression, and {@code GROUP BY ALL} by every select item without an aggregate. An input
 * column of the same name always wins, so only names left unresolved are replaced, once the select
 * list is resolved.
 */
final class ResolveGroupByAliases implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveGroupByAliases(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof Aggregate a
                    && ctx.readiness().childrenReady(a)
                    && Plans.allResolved(a.aggregateExpressions())
                    && !Plans.allResolved(a.groupingExpressions())
                ? resolve(a)
                : p);
  }

  private LogicalPlan resolve(Aggregate a) {
    List<Expression> grouping = a.groupingExpressions();
    if (grouping.size() == 1 && isName(grouping.get(0), "ALL") && !isInputColumn(a, "ALL")) {
      List<Expression> all = new ArrayList<>();
      for (NamedExpression e : a.aggregateExpressions()) {
        if (!Aggregates.containsAggregate(e)) all.add(e instanceof Alias al ? al.child() : e);
      }
      return new Aggregate(all, a.aggregateExpressions(), a.child());
    }
    List<Expression> next = new ArrayList<>(grouping.size());
    boolean changed = false;
    for (Expression g : grouping) {
      Expression r = g;
      if (g instanceof UnresolvedAttribute u
          && u.nameParts().size() == 1
          && !isInputColumn(a, u.nameParts().get(0))) {
        Alias alias = aliasNamed(a, u.nameParts().get(0));
        if (alias != null) r = alias.child();
      }
      changed |= r != g;
      next.add(r);
    }
    return changed ? new Aggregate(next, a.aggregateExpressions(), a.child()) : a;
  }

  private boolean isName(Expression e, String name) {
    return e instanceof UnresolvedAttribute u
        && u.nameParts().size() == 1
        && u.nameParts().get(0).equalsIgnoreCase(name);
  }

  private boolean isInputColumn(Aggregate a, String name) {
    for (AttributeReference in : a.child().output()) {
      if (ctx.names().matches(in.name(), name)) return true;
    }
    return false;
  }

  private Alias aliasNamed(Aggregate a, String name) {
    for (NamedExpression e : a.aggregateExpressions()) {
      if (e instanceof Alias al
          && ctx.names().matches(al.name(), name)
          && !Aggregates.containsAggregate(al.child())) {
        return al;
      }
    }
    return null;
  }
}
