package io.sluice.analysis;

import io.sluice.plan.expr.AttributeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an operator's expressions may refer to: its input, and (for a sort or filter over an
 * aggregate) the aggregate's input, whose columns are only usable inside aggregate functions or as
 * grouping keys.
 */
record Scope(List<AttributeReference> input, List<AttributeReference> aggregateInput) {
  Scope {
    input = List.copyOf(input);
    aggregateInput = List.copyOf(aggregateInput);
  }

  static Scope of(List<AttributeReference> input) {
    return new Scope(input, List.of());
  }

  /**
   * An attribute placed by the DataFrame API, with the nullability the input gives it now (an outer
   * join makes columns nullable); unchanged when its id is not in scope.
   */
  AttributeReference refresh(AttributeReference a) {
    AttributeReference found = byId().get(a.exprId());
    if (found == null || found.nullable() == a.nullable()) return a;
    return a.withNullability(found.nullable());
  }

  private Map<Long, AttributeReference> byId() {
    Map<Long, AttributeReference> m = new HashMap<>();
    for (AttributeReference a : aggregateInput) m.put(a.exprId(), a);
    for (AttributeReference a : input) m.put(a.exprId(), a);
    return m;
  }
}
