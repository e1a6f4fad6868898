package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** Removes duplicate rows ({@code distinct()}); the optimizer rewrites it to an aggregate. */
public record Distinct(LogicalPlan child) implements UnaryNode {
  @Override
  public Distinct withChild(LogicalPlan c) {
    return new Distinct(c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String argString() {
    return "";
  }
}
