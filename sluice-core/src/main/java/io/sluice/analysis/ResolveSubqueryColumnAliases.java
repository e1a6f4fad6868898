package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.UnresolvedSubqueryColumnAliases;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code ResolveSubqueryColumnAliases}: the column list of a table alias ({@code FROM t AS
 * x(a, b)}) becomes a projection naming each column of the resolved input in turn.
 */
final class ResolveSubqueryColumnAliases implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveSubqueryColumnAliases(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof UnresolvedSubqueryColumnAliases u && ctx.readiness().childrenReady(u)
                ? resolve(u)
                : p);
  }

  private static LogicalPlan resolve(UnresolvedSubqueryColumnAliases u) {
    List<AttributeReference> in = u.child().output();
    List<String> names = u.outputColumnNames();
    if (names.size() != in.size()) {
      throw QueryErrors.error(
          ErrorClass.ASSIGNMENT_ARITY_MISMATCH,
          "numTarget",
          String.valueOf(in.size()),
          "numExpr",
          String.valueOf(names.size()));
    }
    List<NamedExpression> list = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) list.add(Alias.of(in.get(i), names.get(i)));
    return new Project(list, u.child());
  }
}
