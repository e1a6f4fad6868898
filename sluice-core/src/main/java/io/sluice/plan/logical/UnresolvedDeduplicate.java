package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * {@code dropDuplicates(colNames)} before the names are bound: the analyzer turns it into a {@link
 * Deduplicate} whose keys are every child column matching one of {@code keyNames} (as Spark does, a
 * name matching several columns keys on all of them). No names means all columns. An unknown name
 * fails with {@code UNRESOLVED_COLUMN_AMONG_FIELD_NAMES}.
 */
public record UnresolvedDeduplicate(List<String> keyNames, LogicalPlan child) implements UnaryNode {
  public UnresolvedDeduplicate {
    keyNames = List.copyOf(keyNames);
  }

  @Override
  public UnresolvedDeduplicate withChild(LogicalPlan c) {
    return new UnresolvedDeduplicate(keyNames, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String argString() {
    return keyNames.toString();
  }
}
