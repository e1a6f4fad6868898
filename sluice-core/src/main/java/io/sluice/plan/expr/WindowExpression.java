package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ...)}, as the SQL parser builds it. The engine
 * does not evaluate window functions yet: this node never resolves, so analysis reports it.
 */
public record WindowExpression(
    Expression function, List<Expression> partitionSpec, List<SortOrder> orderSpec)
    implements Expression {

  public WindowExpression {
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  @Override
  public List<Expression> children() {
    List<Expression> c = new ArrayList<>();
    c.add(function);
    c.addAll(partitionSpec);
    c.addAll(orderSpec);
    return c;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    int p = partitionSpec.size();
    List<SortOrder> order = new ArrayList<>();
    for (Expression e : c.subList(1 + p, c.size())) order.add((SortOrder) e);
    return new WindowExpression(c.get(0), c.subList(1, 1 + p), order);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("Window functions are not supported yet: " + sql());
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(function.sql()).append(" OVER (");
    String sep = "";
    if (!partitionSpec.isEmpty()) {
      sb.append("PARTITION BY ");
      for (int i = 0; i < partitionSpec.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(partitionSpec.get(i).sql());
      }
      sep = " ";
    }
    if (!orderSpec.isEmpty()) {
      sb.append(sep).append("ORDER BY ");
      for (int i = 0; i < orderSpec.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(orderSpec.get(i).sql());
      }
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return sql();
  }
}
