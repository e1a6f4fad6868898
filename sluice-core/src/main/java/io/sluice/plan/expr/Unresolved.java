package io.sluice.plan.expr;

import io.sluice.types.DataType;

/** Base behaviour of unresolved nodes: no type until the analyzer replaces them. */
interface Unresolved extends Expression {
  @Override
  default DataType dataType() {
    throw new IllegalStateException("Invalid call to dataType on unresolved object " + sql());
  }

  @Override
  default boolean nullable() {
    throw new IllegalStateException("Invalid call to nullable on unresolved object " + sql());
  }

  @Override
  default boolean resolved() {
    return false;
  }
}
