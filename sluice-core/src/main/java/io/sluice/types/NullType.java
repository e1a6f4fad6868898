package io.sluice.types;

/** Spark's `void` type; obtain it as {@code DataTypes.NullType}. */
public final class NullType extends AtomicType {
  static final NullType INSTANCE = new NullType();

  private NullType() {
    super("void", "void", "VOID", 1);
  }
}
