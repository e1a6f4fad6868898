package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.List;

/** An ordering key. Spark's defaults: ascending puts nulls first, descending puts nulls last. */
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst)
    implements Expression {

  public static SortOrder asc(Expression e) {
    return new SortOrder(e, true, true);
  }

  public static SortOrder desc(Expression e) {
    return new SortOrder(e, false, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new SortOrder(c.get(0), ascending, nullsFirst);
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
    return child.sql()
        + (ascending ? " ASC" : " DESC")
        + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }

  @Override
  public String toString() {
    return sql();
  }
}
