package io.sluice.types;

/** Spark's `string` type; obtain it as {@code DataTypes.StringType}. */
public final class StringType extends AtomicType {
  static final StringType INSTANCE = new StringType();

  private StringType() {
    super("string", "string", "STRING", 20);
  }
}
