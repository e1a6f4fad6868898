package io.sluice.plan.logical;

import java.util.List;

/** A plan node without children: a source of rows. */
public interface LeafNode extends LogicalPlan {
  @Override
  default List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  default LogicalPlan withChildren(List<LogicalPlan> children) {
    if (!children.isEmpty()) throw new IllegalArgumentException("leaf has no children");
    return this;
  }
}
