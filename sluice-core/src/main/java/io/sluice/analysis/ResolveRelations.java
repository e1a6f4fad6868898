package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.UnresolvedRelation;
import java.util.List;

/**
 * Replaces a table or view name by the view's plan from the session catalog, wrapped in a {@link
 * SubqueryAlias} named after the view so {@code v.col} resolves; an unknown name is {@code
 * TABLE_OR_VIEW_NOT_FOUND}.
 */
final class ResolveRelations implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveRelations(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof UnresolvedRelation u ? resolve(u) : p);
  }

  private LogicalPlan resolve(UnresolvedRelation u) {
    List<String> parts = u.nameParts();
    LogicalPlan view =
        ctx.catalog()
            .lookup(parts)
            .orElseThrow(
                () ->
                    QueryErrors.error(
                        ErrorClass.TABLE_OR_VIEW_NOT_FOUND,
                        "relationName",
                        QueryErrors.toSQLId(parts)));
    return new SubqueryAlias(parts.get(parts.size() - 1), view);
  }
}
