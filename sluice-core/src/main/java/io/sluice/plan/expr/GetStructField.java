package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;

/** Field {@code ordinal} (named {@code name}) of a struct-typed child: {@code a.b}. */
public record GetStructField(Expression child, int ordinal, String name) implements Expression {
  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new GetStructField(c.get(0), ordinal, name);
  }

  private StructField field() {
    return ((StructType) child.dataType()).get(ordinal);
  }

  @Override
  public DataType dataType() {
    return field().dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable() || field().nullable();
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public String sql() {
    return child.sql() + "." + io.sluice.types.DataTypes.quoteIfNeeded(name);
  }
}
