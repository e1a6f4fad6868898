package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.List;

/** Names the result of an expression: {@code expr AS name}. */
public record Alias(Expression child, String name, long exprId, List<String> qualifier)
    implements NamedExpression {

  public Alias {
    qualifier = List.copyOf(qualifier);
  }

  public static Alias of(Expression child, String name) {
    return new Alias(child, name, ExprId.next(), List.of());
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Alias(children.get(0), name, exprId, qualifier);
  }

  /**
   * An aliased generator is not resolved: the analyzer still has to move the generator into a
   * {@code Generate} node (as Spark's {@code Alias} does).
   */
  @Override
  public boolean resolved() {
    return child.resolved() && !(child instanceof Generator);
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
  public AttributeReference toAttribute() {
    return new AttributeReference(name, child.dataType(), child.nullable(), exprId, qualifier);
  }

  @Override
  public String sql() {
    return child.sql() + " AS " + io.sluice.types.DataTypes.quoteIfNeeded(name);
  }

  @Override
  public String toString() {
    // An unresolved child has no type yet (parsed plans in explain): Spark prints name#id.
    return child.resolved() ? child + " AS " + toAttribute() : child + " AS " + name + "#" + exprId;
  }
}
