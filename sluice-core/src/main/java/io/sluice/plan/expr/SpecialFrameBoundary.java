package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;

/**
 * The frame boundaries that are not offsets: {@code UNBOUNDED PRECEDING/FOLLOWING}, {@code CURRENT
 * ROW}.
 */
public enum SpecialFrameBoundary implements LeafExpression {
  UNBOUNDED_PRECEDING("UNBOUNDED PRECEDING"),
  UNBOUNDED_FOLLOWING("UNBOUNDED FOLLOWING"),
  CURRENT_ROW("CURRENT ROW");

  private final String sql;

  SpecialFrameBoundary(String sql) {
    this.sql = sql;
  }

  @Override
  public DataType dataType() {
    return DataTypes.NullType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public String toString() {
    return sql;
  }
}
