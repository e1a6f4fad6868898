package io.sluice;

/** Builds {@link Row}s, as Spark's {@code RowFactory}. */
public final class RowFactory {
  private RowFactory() {}

  /** A row holding {@code values} (in their external Java types), without a schema. */
  public static Row create(Object... values) {
    return Row.of(values);
  }
}
