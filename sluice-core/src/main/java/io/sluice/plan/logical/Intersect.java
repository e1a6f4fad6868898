package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that are in both {@code left} and {@code right} (SQL {@code INTERSECT [ALL]}). Columns match
 * by position and compare null-safely; {@code isAll} keeps duplicates (the smaller of the two
 * counts). The optimizer replaces it by a left semi join ({@code ReplaceIntersectWithSemiJoin}) or
 * a tagged aggregation ({@code RewriteIntersectAll}).
 */
public record Intersect(LogicalPlan left, LogicalPlan right, boolean isAll) implements LogicalPlan {
  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> c) {
    return new Intersect(c.get(0), c.get(1), isAll);
  }

  /** The left columns, nullable only where both sides' are (a null must be on both sides). */
  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> l = left.output();
    List<AttributeReference> r = right.output();
    if (l.size() != r.size()) return l;
    List<AttributeReference> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      out.add(l.get(i).withNullability(l.get(i).nullable() && r.get(i).nullable()));
    }
    return out;
  }

  @Override
  public String argString() {
    return isAll ? "All" : "";
  }
}
