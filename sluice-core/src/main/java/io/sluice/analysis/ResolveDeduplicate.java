package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.UnresolvedDeduplicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dropDuplicates(names)}: keys on every column whose name matches one of the names (all
 * columns when none is given), as Spark's {@code Dataset.dropDuplicates}; an unknown name is {@code
 * UNRESOLVED_COLUMN_AMONG_FIELD_NAMES}.
 */
final class ResolveDeduplicate implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveDeduplicate(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof UnresolvedDeduplicate d && ctx.readiness().ready(d.child())
                ? resolve(d)
                : p);
  }

  private LogicalPlan resolve(UnresolvedDeduplicate d) {
    List<AttributeReference> output = d.child().output();
    if (d.keyNames().isEmpty()) return new Deduplicate(output, d.child());
    Map<Long, AttributeReference> keys = new LinkedHashMap<>();
    for (String name : d.keyNames()) {
      boolean found = false;
      for (AttributeReference a : output) {
        if (ctx.names().matches(a.name(), name)) {
          keys.putIfAbsent(a.exprId(), a);
          found = true;
        }
      }
      if (!found) {
        List<String> fieldNames = new ArrayList<>();
        for (AttributeReference a : output) fieldNames.add(a.name());
        throw QueryErrors.error(
            ErrorClass.UNRESOLVED_COLUMN_AMONG_FIELD_NAMES,
            "colName",
            name,
            "fieldNames",
            String.join(", ", fieldNames));
      }
    }
    return new Deduplicate(new ArrayList<>(keys.values()), d.child());
  }
}
