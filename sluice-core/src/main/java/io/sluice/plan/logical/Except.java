package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * Rows of {@code left} that are not in {@code right} (SQL {@code EXCEPT [ALL]}). Columns match by
 * position; {@code isAll} keeps duplicates. Built by the SQL parser; the physical planner has no
 * operator for it yet and rejects it with {@code UNSUPPORTED_FEATURE.SLUICE_SQL}.
 */
public record Except(LogicalPlan left, LogicalPlan right, boolean isAll) implements LogicalPlan {
  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> c) {
    return new Except(c.get(0), c.get(1), isAll);
  }

  @Override
  public List<AttributeReference> output() {
    return left.output();
  }

  @Override
  public String argString() {
    return isAll ? "All" : "";
  }
}
