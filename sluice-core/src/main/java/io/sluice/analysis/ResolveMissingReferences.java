package io.sluice.analysis;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.UnaryNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spark's {@code ResolveMissingReferences}: a sort or filter may use columns its input dropped
 * ({@code df.select("a").orderBy("b")}). Such names are resolved further down, the columns are
 * carried up through the projections in between (an aggregate only carries grouping keys), and a
 * projection above the sort or filter restores the original columns.
 */
final class ResolveMissingReferences implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveMissingReferences(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  private record Result(List<Expression> exprs, LogicalPlan plan) {}

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Sort || p instanceof Filter)) return p;
          LogicalPlan child = ((UnaryNode) p).child();
          if (child instanceof Aggregate || !ctx.readiness().ready(child)) return p;
          if (Plans.allResolved(p.expressions()) && Plans.missingInput(p).isEmpty()) return p;
          Result r = addMissing(p.expressions(), child);
          if (r.plan().output().equals(child.output())) {
            LogicalPlan next = Aggregates.withExpressions(p, r.exprs(), child);
            return Plans.sameExpressions(next, p) ? p : next;
          }
          return new Project(
              new ArrayList<>(child.output()), Aggregates.withExpressions(p, r.exprs(), r.plan()));
        });
  }

  private Result addMissing(List<Expression> exprs, LogicalPlan plan) {
    List<Expression> here = resolveAgainst(exprs, plan.output());
    if (complete(here, plan.output())) return new Result(here, plan);
    if (plan instanceof Project p) {
      Result below = addMissing(here, p.child());
      List<AttributeReference> missing = carried(below, p.output());
      if (missing.isEmpty()) return new Result(below.exprs(), p);
      List<NamedExpression> list = new ArrayList<>(p.projectList());
      list.addAll(missing);
      return new Result(below.exprs(), new Project(list, below.plan()));
    }
    if (plan instanceof Aggregate a) {
      Result below = addMissing(here, a.child());
      List<AttributeReference> missing = carried(below, a.output());
      for (AttributeReference m : missing) {
        if (!Canonical.containsSemantically(a.groupingExpressions(), m)) {
          return new Result(here, a);
        }
      }
      if (missing.isEmpty()) return new Result(below.exprs(), a);
      List<NamedExpression> aggs = new ArrayList<>(a.aggregateExpressions());
      aggs.addAll(missing);
      return new Result(below.exprs(), new Aggregate(a.groupingExpressions(), aggs, below.plan()));
    }
    if (plan instanceof UnaryNode u && !(u instanceof SubqueryAlias) && !(u instanceof Distinct)) {
      Result below = addMissing(here, u.child());
      return new Result(below.exprs(), below.plan() == u.child() ? u : u.withChild(below.plan()));
    }
    return new Result(here, plan);
  }

  private List<Expression> resolveAgainst(List<Expression> exprs, List<AttributeReference> out) {
    Scope scope = Scope.of(out);
    List<Expression> r = new ArrayList<>(exprs.size());
    for (Expression e : exprs) r.add(ctx.expressions().resolveNested(e, scope));
    return r;
  }

  private static boolean complete(List<Expression> exprs, List<AttributeReference> out) {
    if (!Plans.allResolved(exprs)) return false;
    Set<Long> ids = ids(out);
    for (AttributeReference a : Plans.references(exprs)) {
      if (!ids.contains(a.exprId())) return false;
    }
    return true;
  }

  /** Columns the expressions read that the rewritten child has but {@code output} lacks. */
  private static List<AttributeReference> carried(Result below, List<AttributeReference> output) {
    Set<Long> have = ids(output);
    Set<Long> childIds = ids(below.plan().output());
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference a : Plans.references(below.exprs())) {
      if (!have.contains(a.exprId()) && childIds.contains(a.exprId())) out.add(a);
    }
    return out;
  }

  private static Set<Long> ids(List<AttributeReference> attrs) {
    Set<Long> s = new HashSet<>();
    for (AttributeReference a : attrs) s.add(a.exprId());
    return s;
  }
}
