package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Casts the columns of a positional union, {@code EXCEPT} or {@code INTERSECT} to the widest common
 * type of each position (Spark's {@code WidenSetOperationTypes}), adding a projection above each
 * child that needs a cast. When some position has no common type nothing changes and the check
 * phase reports {@code INCOMPATIBLE_COLUMN_TYPE}.
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
            Plans.isPositionalSetOperation(p)
                    && ctx.readiness().childrenReady(p)
                    && !Plans.typesAgree(p.children())
                ? widen(p)
                : p);
  }

  private LogicalPlan widen(LogicalPlan setOp) {
    List<LogicalPlan> children = setOp.children();
    int n = children.get(0).output().size();
    for (LogicalPlan c : children) {
      if (c.output().size() != n) return setOp;
    }
    List<DataType> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<DataType> types = new ArrayList<>();
      for (LogicalPlan c : children) types.add(c.output().get(i).dataType());
      Optional<DataType> t = ctx.coercion().widening().widerCommonType(types);
      if (t.isEmpty()) return setOp;
      targets.add(t.get());
    }
    List<LogicalPlan> kids = new ArrayList<>();
    for (LogicalPlan c : children) kids.add(castColumns(c, targets));
    return setOp.withChildren(kids);
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
