package io.sluice.optimizer;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a projection into the projection (or aggregate) below it, substituting the lower aliases
 * into the upper expressions; output columns keep their names and ids. Not done when it would
 * evaluate something more often or differently: every lower alias the upper list reads must be
 * deterministic, and read only once unless it is cheap (a column, a constant, a struct field of
 * one). An aggregate absorbs a projection only when its own expressions are deterministic.
 *
 * <pre>{@code
 * Project [(x#3 * 2) AS y#4]                  Project [((a#1 + 1) * 2) AS y#4]
 * +- Project [(a#1 + 1) AS x#3, b#2]    =>    +- LocalRelation [a#1, b#2]
 *    +- LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class CollapseProject implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(CollapseProject::collapse);
  }

  private static LogicalPlan collapse(LogicalPlan p) {
    if (!(p instanceof Project upper)) return p;
    if (upper.child() instanceof Project lower) {
      if (!canCollapse(upper.projectList(), lower.projectList())) return p;
      return new Project(substitute(upper.projectList(), lower.projectList()), lower.child());
    }
    if (upper.child() instanceof Aggregate agg
        && !upper.projectList().isEmpty()
        && agg.aggregateExpressions().stream().allMatch(NamedExpression::deterministic)
        && canCollapse(upper.projectList(), agg.aggregateExpressions())) {
      return new Aggregate(
          agg.groupingExpressions(),
          substitute(upper.projectList(), agg.aggregateExpressions()),
          agg.child());
    }
    return p;
  }

  private static List<NamedExpression> substitute(
      List<NamedExpression> upper, List<NamedExpression> lower) {
    Map<Long, Alias> aliases = Aliases.of(lower);
    List<NamedExpression> out = new ArrayList<>(upper.size());
    for (NamedExpression e : upper) out.add(Aliases.replaceKeepingName(e, aliases));
    return out;
  }

  private static boolean canCollapse(List<NamedExpression> upper, List<NamedExpression> lower) {
    Map<Long, Alias> aliases = Aliases.of(lower);
    Map<Long, Integer> uses = new HashMap<>();
    for (NamedExpression e : upper) {
      for (AttributeReference a : e.references()) uses.merge(a.exprId(), 1, Integer::sum);
    }
    for (Map.Entry<Long, Integer> use : uses.entrySet()) {
      Alias producer = aliases.get(use.getKey());
      if (producer == null) continue;
      if (!producer.child().deterministic()) return false;
      if (use.getValue() > 1 && !isCheap(producer.child())) return false;
    }
    return true;
  }

  private static boolean isCheap(Expression e) {
    if (e instanceof AttributeReference || e.foldable()) return true;
    return e instanceof GetStructField f && isCheap(f.child());
  }
}
