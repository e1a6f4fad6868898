package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.UnaryNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code ResolveAggregateFunctions} for a sort or filter directly over an aggregate ({@code
 * df.groupBy(..).agg(..).orderBy(sum("x"))}): names are looked up in the aggregate's output, then
 * in its input; aggregate calls and grouping keys the aggregate does not output yet are added to it
 * and projected away above. An input column used outside an aggregate call that is not a grouping
 * key stays unresolved and is reported as such.
 */
final class ResolveAggregateReferences implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveAggregateReferences(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Sort || p instanceof Filter)) return p;
          if (!(((UnaryNode) p).child() instanceof Aggregate a) || !ctx.readiness().ready(a))
            return p;
          List<Expression> exprs = p.expressions();
          boolean needed =
              !Plans.allResolved(exprs)
                  || Aggregates.containsAggregate(exprs)
                  || !Plans.missingInput(p).isEmpty();
          return needed ? resolve(p, a) : p;
        });
  }

  private LogicalPlan resolve(LogicalPlan p, Aggregate a) {
    Scope scope = new Scope(a.output(), a.child().output());
    List<Expression> resolved = new ArrayList<>();
    for (Expression e : p.expressions()) {
      resolved.add(ctx.expressions().resolveNested(e, scope));
    }
    if (!Plans.allResolved(resolved)) return p;
    List<NamedExpression> extra = new ArrayList<>();
    List<Expression> rewritten = new ArrayList<>();
    for (Expression e : resolved) rewritten.add(build(e, a, extra));
    if (!Plans.allResolved(rewritten)) return p;
    if (extra.isEmpty()) {
      LogicalPlan next = Aggregates.withExpressions(p, rewritten, a);
      return Plans.sameExpressions(next, p) ? p : next;
    }
    List<NamedExpression> aggs = new ArrayList<>(a.aggregateExpressions());
    aggs.addAll(extra);
    Aggregate wider = new Aggregate(a.groupingExpressions(), aggs, a.child());
    return new Project(
        new ArrayList<>(a.output()), Aggregates.withExpressions(p, rewritten, wider));
  }

  /** Rewrites {@code e} in terms of the aggregate's (possibly extended) output. */
  private Expression build(Expression e, Aggregate a, List<NamedExpression> extra) {
    List<NamedExpression> known = new ArrayList<>(a.aggregateExpressions());
    known.addAll(extra);
    for (NamedExpression ne : known) {
      Expression target = ne instanceof Alias al ? al.child() : ne;
      if (Canonical.semanticEquals(target, e)) return ne.toAttribute();
    }
    if (Aggregates.isAggregate(e)) {
      Expression cleaned = withoutTempColumns(e);
      Alias alias = Alias.of(cleaned, cleaned.sql());
      extra.add(alias);
      return alias.toAttribute();
    }
    if (Canonical.containsSemantically(a.groupingExpressions(), e)) {
      Expression cleaned = withoutTempColumns(e);
      NamedExpression ne =
          cleaned instanceof NamedExpression n ? n : Alias.of(cleaned, cleaned.sql());
      extra.add(ne);
      return ne.toAttribute();
    }
    if (e instanceof TempResolvedColumn t) return new UnresolvedAttribute(t.nameParts());
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    List<Expression> next = new ArrayList<>(kids.size());
    for (Expression k : kids) next.add(build(k, a, extra));
    return e.withChildren(next);
  }

  private static Expression withoutTempColumns(Expression e) {
    return e.transformUp(x -> x instanceof TempResolvedColumn t ? t.child() : x);
  }
}
