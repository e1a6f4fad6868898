package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}; {@code elseValue} is null when absent (then
 * unmatched rows are null). All values share one (coerced) type.
 */
public record CaseWhen(List<Branch> branches, Expression elseValue) implements Expression {

  /** One {@code WHEN condition THEN value}. */
  public record Branch(Expression condition, Expression value) {}

  public CaseWhen {
    branches = List.copyOf(branches);
  }

  @Override
  public List<Expression> children() {
    List<Expression> c = new ArrayList<>();
    for (Branch b : branches) {
      c.add(b.condition());
      c.add(b.value());
    }
    if (elseValue != null) c.add(elseValue);
    return c;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    List<Branch> bs = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      bs.add(new Branch(c.get(2 * i), c.get(2 * i + 1)));
    }
    return new CaseWhen(bs, elseValue == null ? null : c.get(c.size() - 1));
  }

  @Override
  public DataType dataType() {
    return branches.get(0).value().dataType();
  }

  @Override
  public boolean nullable() {
    if (elseValue == null || elseValue.nullable()) return true;
    for (Branch b : branches) {
      if (b.value().nullable()) return true;
    }
    return false;
  }

  @Override
  public boolean foldable() {
    return children().stream().allMatch(Expression::foldable);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("CASE");
    for (Branch b : branches) {
      sb.append(" WHEN ").append(b.condition().sql()).append(" THEN ").append(b.value().sql());
    }
    if (elseValue != null) sb.append(" ELSE ").append(elseValue.sql());
    return sb.append(" END").toString();
  }

  /** As in Spark's plans: {@code CASE WHEN (a#1 > 0) THEN b#2 ELSE c#3 END}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CASE");
    for (Branch b : branches) {
      sb.append(" WHEN ").append(b.condition()).append(" THEN ").append(b.value());
    }
    if (elseValue != null) sb.append(" ELSE ").append(elseValue);
    return sb.append(" END").toString();
  }
}
