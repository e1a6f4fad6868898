package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.List;

/**
 * {@code window_time(window)}: the event time that represents a time or session window, its end
 * minus one microsecond (the end is exclusive), as Spark's {@code WindowTime}. The analyzer
 * replaces it by that computation over a window column it recognises by its metadata.
 */
public record WindowTime(Expression windowColumn) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(windowColumn);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new WindowTime(c.get(0));
  }

  @Override
  public DataType dataType() {
    return ((StructType) windowColumn.dataType()).fields()[1].dataType();
  }

  @Override
  public boolean nullable() {
    return windowColumn.nullable();
  }

  @Override
  public String sql() {
    return "window_time(" + windowColumn.sql() + ")";
  }

  @Override
  public String toString() {
    return "window_time(" + windowColumn + ")";
  }
}
