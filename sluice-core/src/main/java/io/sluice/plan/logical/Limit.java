package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** The first {@code limit} rows of the child (in its order, if sorted). */
public record Limit(int limit, LogicalPlan child) implements UnaryNode {
  @Override
  public Limit withChild(LogicalPlan c) {
    return new Limit(limit, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String argString() {
    return String.valueOf(limit);
  }
}
