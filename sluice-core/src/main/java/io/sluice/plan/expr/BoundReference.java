package io.sluice.plan.expr;

import io.sluice.types.DataType;

/** A column of the input batch by position; produced when binding a resolved expression. */
public record BoundReference(int ordinal, DataType dataType, boolean nullable)
    implements LeafExpression {
  @Override
  public String sql() {
    return "input[" + ordinal + "]";
  }

  @Override
  public String toString() {
    return "input[" + ordinal + ", " + dataType.simpleString() + "]";
  }
}
