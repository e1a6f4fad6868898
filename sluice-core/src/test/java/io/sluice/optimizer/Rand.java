package io.sluice.optimizer;

import io.sluice.plan.expr.LeafExpression;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;

/** A non-deterministic expression for tests (the engine has none yet): {@code rand()}. */
record Rand(int seed) implements LeafExpression {
  @Override
  public DataType dataType() {
    return DataTypes.DoubleType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public boolean deterministic() {
    return false;
  }

  @Override
  public String sql() {
    return "rand(" + seed + ")";
  }

  @Override
  public String toString() {
    return sql();
  }
}
