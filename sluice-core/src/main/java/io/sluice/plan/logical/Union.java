package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/**
 * All rows of every child (SQL {@code UNION ALL}). By position, or by name ({@code unionByName},
 * which the analyzer turns into projections; {@code allowMissingColumns} fills absent columns with
 * nulls). Output columns are the first child's, nullable if any child's is.
 */
public record Union(List<LogicalPlan> children, boolean byName, boolean allowMissingColumns)
    implements LogicalPlan {
  public Union {
    children = List.copyOf(children);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> c) {
    return new Union(c, byName, allowMissingColumns);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> first = children.get(0).output();
    List<AttributeReference> out = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      boolean nullable = false;
      for (LogicalPlan c : children) nullable |= c.output().get(i).nullable();
      out.add(first.get(i).withNullability(nullable));
    }
    return out;
  }

  @Override
  public boolean resolved() {
    return !byName && LogicalPlan.super.resolved();
  }

  @Override
  public String argString() {
    return byName + ", " + allowMissingColumns;
  }
}
