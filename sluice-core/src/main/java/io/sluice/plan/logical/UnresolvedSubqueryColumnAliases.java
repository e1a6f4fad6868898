package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/**
 * New names for the columns of {@code child}, by position: the column list of a table alias, {@code
 * FROM t AS x(a, b)} or {@code (SELECT ...) AS x(a, b)}. The analyzer replaces it by a projection
 * aliasing each column once {@code child} is resolved, failing with {@code
 * ASSIGNMENT_ARITY_MISMATCH} when the counts differ.
 */
public record UnresolvedSubqueryColumnAliases(List<String> outputColumnNames, LogicalPlan child)
    implements UnaryNode {
  public UnresolvedSubqueryColumnAliases {
    outputColumnNames = List.copyOf(outputColumnNames);
  }

  @Override
  public UnresolvedSubqueryColumnAliases withChild(LogicalPlan c) {
    return new UnresolvedSubqueryColumnAliases(outputColumnNames, c);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("Column aliases " + outputColumnNames + " are not resolved");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String argString() {
    return outputColumnNames.toString();
  }
}
