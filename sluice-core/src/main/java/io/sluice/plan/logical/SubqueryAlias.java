package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.ArrayList;
import java.util.List;

/** Gives the child's columns a qualifier: {@code df.alias("t")}, a view's name. */
public record SubqueryAlias(String alias, LogicalPlan child) implements UnaryNode {
  @Override
  public SubqueryAlias withChild(LogicalPlan c) {
    return new SubqueryAlias(alias, c);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference a : child.output()) out.add(a.withQualifier(List.of(alias)));
    return out;
  }

  @Override
  public String argString() {
    return alias;
  }
}
