package io.sluice.types;

/** Spark's `binary` type; obtain it as {@code DataTypes.BinaryType}. */
public final class BinaryType extends AtomicType {
  static final BinaryType INSTANCE = new BinaryType();

  private BinaryType() {
    super("binary", "binary", "BINARY", 100);
  }
}
