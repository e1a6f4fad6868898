package io.sluice.analysis;

import io.sluice.plan.expr.Expression;
import io.sluice.types.DataType;
import java.util.List;

/**
 * A column of a sort or filter over an aggregate that was found in the aggregate's input, not its
 * output (Spark's {@code TempResolvedColumn}). It is valid only inside an aggregate function or as
 * a grouping key; otherwise the analyzer turns it back into the unresolved name.
 */
record TempResolvedColumn(Expression child, List<String> nameParts) implements Expression {
  TempResolvedColumn {
    nameParts = List.copyOf(nameParts);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new TempResolvedColumn(c.get(0), nameParts);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return child.sql();
  }
}
