package io.sluice.analysis;

import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.UnresolvedDeduplicate;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the expressions of every operator whose children are ready, against the children's
 * output: expands stars in projection and aggregation lists, binds names, builds functions, names
 * generated columns, refreshes DataFrame-placed attributes and coerces types. Grouping keys,
 * conditions and sort keys lose the alias of a nested field; projection items keep it.
 */
final class ResolveReferences implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveReferences(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (p.children().isEmpty() || !ctx.readiness().childrenReady(p)) return p;
          if (p instanceof UnresolvedDeduplicate) return p;
          if (p instanceof Join j
              && (!j.usingColumns().isEmpty()
                  || !Plans.conflictingIds(j.left(), j.right()).isEmpty())) {
            return p;
          }
          Scope scope = Scope.of(Plans.input(p));
          ExpressionResolver r = ctx.expressions();
          if (p instanceof Project pr) {
            List<NamedExpression> list = resolveList(pr.projectList(), scope);
            return list.equals(pr.projectList()) ? p : new Project(list, pr.child());
          }
          if (p instanceof Aggregate a) {
            List<Expression> grouping = new ArrayList<>();
            for (Expression g : a.groupingExpressions()) grouping.add(r.resolveNested(g, scope));
            List<NamedExpression> list = resolveList(a.aggregateExpressions(), scope);
            return grouping.equals(a.groupingExpressions()) && list.equals(a.aggregateExpressions())
                ? p
                : new Aggregate(grouping, list, a.child());
          }
          LogicalPlan next = p.mapExpressions(e -> r.resolveNested(e, scope));
          return Plans.sameExpressions(next, p) ? p : next;
        });
  }

  private List<NamedExpression> resolveList(List<NamedExpression> list, Scope scope) {
    List<NamedExpression> expanded =
        StarExpansion.expandList(list, scope.input(), ctx.attributes());
    List<NamedExpression> out = new ArrayList<>(expanded.size());
    for (NamedExpression e : expanded) {
      Expression r = ctx.expressions().resolve(e, scope);
      out.add(r instanceof NamedExpression ne ? ne : ExpressionResolver.name(r));
    }
    return out;
  }
}
