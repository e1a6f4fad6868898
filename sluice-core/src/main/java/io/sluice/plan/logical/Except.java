package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * Rows of {@code left} that are not in {@code right} (SQL {@code EXCEPT [ALL]}, {@code MINUS}).
 * Columns match by position and compare null-safely; {@code isAll} keeps duplicates (a row {@code
 * m} times on the left and {@code n} times on the right remains {@code m - n} times). The optimizer
 * replaces it by a left anti join ({@code ReplaceExceptWithAntiJoin}) or a tagged aggregation
 * ({@code RewriteExceptAll}).
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
