package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Casts the columns of a positional union to the widest common type of each position (Spark's
 * {@code WidenSetOperationTypes}), adding a projection above each child that needs a cast. When
 * some position has no common type nothing changes and the check phase reports {@code
 * INCOMPATIBLE_COLUMN_TYPE}.
 */
final class WidenSetOperationTypes implements AnalyzerRule {
  private final AnalysisContext ctx;

  WidenSetOperationTypes(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof Union u
                    && !u.byName()
                    && ctx.readiness().childrenReady(u)
                    && !Plans.unionTypesAgree(u)
                ? widen(u)
                : p);
  }

  private LogicalPlan widen(Union u) {
    int n = u.children().get(0).output().size();
    for (LogicalPlan c : u.children()) {
      if (c.output().size() != n) return u;
    }
    List<DataType> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<DataType> types = new ArrayList<>();
      for (LogicalPlan c : u.children()) types.add(c.output().get(i).dataType());
      Optional<DataType> t = ctx.coercion().widening().widerCommonType(types);
      if (t.isEmpty()) return u;
      targets.add(t.get());
    }
    List<LogicalPlan> kids = new ArrayList<>();
    for (LogicalPlan c : u.children()) kids.add(castColumns(c, targets));
    return new Union(kids, false, false);
  }

  private LogicalPlan castColumns(LogicalPlan child, List<DataType> targets) {
    List<AttributeReference> out = child.output();
    List<NamedExpression> list = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < out.size(); i++) {
      AttributeReference a = out.get(i);
      if (a.dataType().equals(targets.get(i))) {
        list.add(a);
      } else {
        list.add(
            Alias.of(Cast.implicit(a, targets.get(i), EvalMode.fromAnsi(ctx.ansi())), a.name()));
        changed = true;
      }
    }
    return changed ? new Project(list, child) : child;
  }
}
