package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ... frame)}, as Spark's {@code WindowExpression}
 * with its {@code WindowSpecDefinition}: a window function or an aggregate evaluated over the rows
 * of the current row's partition that its frame selects. A {@code null} frame is not specified yet:
 * the analyzer fills in the function's own frame or Spark's default ({@code RANGE BETWEEN UNBOUNDED
 * PRECEDING AND CURRENT ROW} with an ORDER BY, else {@code ROWS BETWEEN UNBOUNDED PRECEDING AND
 * UNBOUNDED FOLLOWING}); the expression is resolved only then. The analyzer moves window
 * expressions out of projections and aggregates into {@code Window} nodes.
 */
public record WindowExpression(
    Expression function,
    List<Expression> partitionSpec,
    List<SortOrder> orderSpec,
    WindowFrame frame)
    implements Expression {

  public WindowExpression {
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  /** An expression whose frame the analyzer chooses. */
  public WindowExpression(
      Expression function, List<Expression> partitionSpec, List<SortOrder> orderSpec) {
    this(function, partitionSpec, orderSpec, null);
  }

  @Override
  public List<Expression> children() {
    List<Expression> c = new ArrayList<>();
    c.add(function);
    c.addAll(partitionSpec);
    c.addAll(orderSpec);
    if (frame != null) c.add(frame);
    return c;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    int p = partitionSpec.size();
    int o = orderSpec.size();
    List<SortOrder> order = new ArrayList<>();
    for (Expression e : c.subList(1 + p, 1 + p + o)) order.add((SortOrder) e);
    WindowFrame f = frame == null ? null : (WindowFrame) c.get(1 + p + o);
    return new WindowExpression(c.get(0), c.subList(1, 1 + p), order, f);
  }

  /** The same function over another window. */
  public WindowExpression withFunction(Expression f) {
    return new WindowExpression(f, partitionSpec, orderSpec, frame);
  }

  public WindowExpression withFrame(WindowFrame f) {
    return new WindowExpression(function, partitionSpec, orderSpec, f);
  }

  @Override
  public boolean resolved() {
    return frame != null && Expression.super.resolved();
  }

  @Override
  public DataType dataType() {
    return function.dataType();
  }

  @Override
  public boolean nullable() {
    return function.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  /**
   * Spark's {@code WindowSpecDefinition.sql}: {@code (PARTITION BY a ORDER BY b ASC NULLS FIRST
   * ROWS ...)}.
   */
  public String specSql() {
    List<String> parts = new ArrayList<>();
    if (!partitionSpec.isEmpty()) {
      List<String> p = new ArrayList<>();
      for (Expression e : partitionSpec) p.add(e.sql());
      parts.add("PARTITION BY " + String.join(", ", p));
    }
    if (!orderSpec.isEmpty()) {
      List<String> o = new ArrayList<>();
      for (SortOrder e : orderSpec) o.add(e.sql());
      parts.add("ORDER BY " + String.join(", ", o));
    }
    if (frame != null) parts.add(frame.sql());
    return "(" + String.join(" ", parts) + ")";
  }

  @Override
  public String sql() {
    return function.sql() + " OVER " + specSql();
  }

  @Override
  public String toString() {
    return sql();
  }
}
