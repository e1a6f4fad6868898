package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code CleanupAliases}: an alias only names an output column, so aliases inside
 * expressions, in grouping keys and in other operators' expressions are dropped (the names they
 * gave generated columns are already fixed).
 */
final class CleanupAliases {
  private CleanupAliases() {}

  static LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          LogicalPlan next;
          if (p instanceof Project pr) {
            next = new Project(trimNonTopLevel(pr.projectList()), pr.child());
          } else if (p instanceof Aggregate a) {
            List<Expression> grouping = new ArrayList<>();
            for (Expression g : a.groupingExpressions()) grouping.add(trimAll(g));
            next = new Aggregate(grouping, trimNonTopLevel(a.aggregateExpressions()), a.child());
          } else if (p instanceof Window w) {
            List<Expression> partition = new ArrayList<>();
            for (Expression e : w.partitionSpec()) partition.add(trimAll(e));
            List<SortOrder> order = new ArrayList<>();
            for (SortOrder o : w.orderSpec()) order.add((SortOrder) trimAll(o));
            next = new Window(trimNonTopLevel(w.windowExpressions()), partition, order, w.child());
          } else {
            next = p.mapExpressions(CleanupAliases::trimAll);
          }
          return Plans.sameExpressions(next, p) ? p : next;
        });
  }

  private static List<NamedExpression> trimNonTopLevel(List<NamedExpression> list) {
    List<NamedExpression> out = new ArrayList<>(list.size());
    for (NamedExpression e : list) {
      if (e instanceof Alias a) {
        out.add(a.withChild(trimAll(a.child())));
      } else {
        out.add((NamedExpression) trimAll(e));
      }
    }
    return out;
  }

  private static Expression trimAll(Expression e) {
    return e.transformUp(x -> x instanceof Alias a ? a.child() : x);
  }
}
