package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.Metadata;
import java.util.List;

/**
 * Names the result of an expression: {@code expr AS name}. The column's {@link Metadata} is {@code
 * explicitMetadata} when given, else that of a named child (an aliased column keeps its marks), as
 * in Spark.
 */
public record Alias(
    Expression child, String name, long exprId, List<String> qualifier, Metadata explicitMetadata)
    implements NamedExpression {

  public Alias {
    qualifier = List.copyOf(qualifier);
  }

  public Alias(Expression child, String name, long exprId, List<String> qualifier) {
    this(child, name, exprId, qualifier, null);
  }

  public static Alias of(Expression child, String name) {
    return new Alias(child, name, ExprId.next(), List.of(), null);
  }

  /**
   * An alias whose column has metadata {@code m}: explicit only when the child would not give it
   * (so rewriting the child of an alias keeps the column's marks).
   */
  public static Alias withMetadata(
      Expression child, String name, long exprId, List<String> qualifier, Metadata m) {
    Metadata implied = child instanceof AttributeReference a ? a.metadata() : Metadata.EMPTY;
    return new Alias(child, name, exprId, qualifier, m.equals(implied) ? null : m);
  }

  /** The same column (name, id, metadata) computed by another expression. */
  public Alias withChild(Expression c) {
    return withMetadata(c, name, exprId, qualifier, metadata());
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new Alias(children.get(0), name, exprId, qualifier, explicitMetadata);
  }

  /** The metadata of the column this alias defines. */
  public Metadata metadata() {
    if (explicitMetadata != null) return explicitMetadata;
    return child instanceof AttributeReference a ? a.metadata() : Metadata.EMPTY;
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
    return new AttributeReference(
        name, child.dataType(), child.nullable(), exprId, qualifier, metadata());
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
