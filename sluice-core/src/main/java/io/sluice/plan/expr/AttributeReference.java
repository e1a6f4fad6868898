package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.Metadata;
import java.util.List;
import java.util.Objects;

/**
 * A resolved reference to a column produced by a child plan, identified by {@code exprId}. The
 * {@link Metadata} marks columns later operators must recognise (a time or session window column).
 */
public record AttributeReference(
    String name,
    DataType dataType,
    boolean nullable,
    long exprId,
    List<String> qualifier,
    Metadata metadata)
    implements NamedExpression, LeafExpression {

  public AttributeReference {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
    qualifier = List.copyOf(qualifier);
    if (metadata == null) metadata = Metadata.EMPTY;
  }

  /** A column without metadata. */
  public AttributeReference(
      String name, DataType dataType, boolean nullable, long exprId, List<String> qualifier) {
    this(name, dataType, nullable, exprId, qualifier, Metadata.EMPTY);
  }

  /** A new column with a fresh id and no qualifier. */
  public static AttributeReference create(String name, DataType type, boolean nullable) {
    return new AttributeReference(name, type, nullable, ExprId.next(), List.of());
  }

  /** A new column with a fresh id, no qualifier and the given metadata. */
  public static AttributeReference create(
      String name, DataType type, boolean nullable, Metadata metadata) {
    return new AttributeReference(name, type, nullable, ExprId.next(), List.of(), metadata);
  }

  public AttributeReference withQualifier(List<String> q) {
    return new AttributeReference(name, dataType, nullable, exprId, q, metadata);
  }

  public AttributeReference withName(String n) {
    return new AttributeReference(n, dataType, nullable, exprId, qualifier, metadata);
  }

  public AttributeReference withNullability(boolean n) {
    return new AttributeReference(name, dataType, n, exprId, qualifier, metadata);
  }

  public AttributeReference withMetadata(Metadata m) {
    return new AttributeReference(name, dataType, nullable, exprId, qualifier, m);
  }

  /** The same column with a new id (used when a plan is copied for a self-join). */
  public AttributeReference newInstance() {
    return new AttributeReference(name, dataType, nullable, ExprId.next(), qualifier, metadata);
  }

  @Override
  public AttributeReference toAttribute() {
    return this;
  }

  @Override
  public String sql() {
    return io.sluice.types.DataTypes.quoteIfNeeded(name);
  }

  /** Same column: equal ids (name case and qualifier do not matter). */
  public boolean sameRef(AttributeReference other) {
    return exprId == other.exprId;
  }

  @Override
  public String toString() {
    return name + "#" + exprId + (dataType instanceof io.sluice.types.LongType ? "L" : "");
  }

  /**
   * Where each of {@code wanted} sits in {@code available}, matched by expression id; null when
   * they are the same list in the same order, or when some cannot be found (take the order as is).
   */
  public static int[] ordinals(
      List<AttributeReference> available, List<AttributeReference> wanted) {
    if (available.size() < wanted.size()) return null;
    int[] ordinals = new int[wanted.size()];
    boolean identity = available.size() == wanted.size();
    for (int i = 0; i < wanted.size(); i++) {
      int found = -1;
      for (int j = 0; j < available.size() && found < 0; j++) {
        if (available.get(j).exprId() == wanted.get(i).exprId()) found = j;
      }
      if (found < 0) return null;
      ordinals[i] = found;
      identity &= found == i;
    }
    return identity ? null : ordinals;
  }
}
