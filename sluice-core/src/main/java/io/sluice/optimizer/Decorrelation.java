package io.sluice.optimizer;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.OuterReference;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spark's {@code PullupCorrelatedPredicates}: removes the conditions that read outer columns from a
 * subquery's filters and returns them as join conditions (outer references become plain
 * attributes). The subquery then outputs the inner columns those conditions read: projections keep
 * them, and an aggregation groups by them, so that it yields one row per correlated value. The
 * analyzer has checked that only projections, filters and one aggregation lie above the correlated
 * filters.
 */
final class Decorrelation {
  /** The subquery without its correlated conditions, and those conditions. */
  record Result(LogicalPlan plan, List<Expression> conditions) {
    Expression condition() {
      return Conjuncts.and(conditions);
    }
  }

  private Decorrelation() {}

  static Result pullUp(LogicalPlan plan) {
    if (plan instanceof SubqueryAlias a) return pullUp(a.child());
    if (plan instanceof Filter f) {
      Result below = pullUp(f.child());
      List<Expression> kept = new ArrayList<>();
      List<Expression> pulled = new ArrayList<>(below.conditions());
      for (Expression c : Conjuncts.split(f.condition())) {
        if (c.exists(x -> x instanceof OuterReference)) {
          pulled.add(c);
        } else {
          kept.add(c);
        }
      }
      LogicalPlan p = kept.isEmpty() ? below.plan() : new Filter(Conjuncts.and(kept), below.plan());
      return new Result(p, pulled);
    }
    if (plan instanceof Project p) {
      Result below = pullUp(p.child());
      if (below.conditions().isEmpty()) return new Result(p.withChild(below.plan()), List.of());
      List<NamedExpression> list = new ArrayList<>(p.projectList());
      addMissing(list, below.conditions());
      return new Result(new Project(list, below.plan()), below.conditions());
    }
    if (plan instanceof Aggregate a) {
      Result below = pullUp(a.child());
      if (below.conditions().isEmpty()) return new Result(a.withChild(below.plan()), List.of());
      List<Expression> grouping = new ArrayList<>(a.groupingExpressions());
      List<NamedExpression> list = new ArrayList<>(a.aggregateExpressions());
      Set<Long> grouped = Conjuncts.ids(refs(grouping));
      for (AttributeReference r : innerReferences(below.conditions())) {
        if (grouped.add(r.exprId())) grouping.add(r);
      }
      addMissing(list, below.conditions());
      return new Result(new Aggregate(grouping, list, below.plan()), below.conditions());
    }
    return new Result(plan, List.of());
  }

  /** Appends the inner columns the conditions read that {@code list} does not output yet. */
  private static void addMissing(List<NamedExpression> list, List<Expression> conditions) {
    Set<Long> out = new java.util.HashSet<>();
    for (NamedExpression e : list) out.add(e.exprId());
    for (AttributeReference r : innerReferences(conditions)) {
      if (out.add(r.exprId())) list.add(r);
    }
  }

  private static List<AttributeReference> innerReferences(List<Expression> conditions) {
    List<AttributeReference> out = new ArrayList<>();
    Set<Long> seen = new java.util.HashSet<>();
    for (Expression c : conditions) {
      for (AttributeReference r : c.references()) {
        if (seen.add(r.exprId())) out.add(r);
      }
    }
    return out;
  }

  private static List<AttributeReference> refs(List<Expression> exprs) {
    List<AttributeReference> out = new ArrayList<>();
    for (Expression e : exprs) out.addAll(e.references());
    return out;
  }

  /** The conditions as join conditions: outer references become the outer query's columns. */
  static Expression unwrapOuter(Expression condition) {
    if (condition == null) return null;
    return condition.transformUp(x -> x instanceof OuterReference o ? o.attribute() : x);
  }
}
