package io.sluice.expressions;

import io.sluice.Column;
import java.util.List;

/**
 * Builds window specifications for window functions and aggregates over windows, as Spark's {@code
 * org.apache.spark.sql.expressions.Window}:
 *
 * <pre>{@code
 * WindowSpec w = Window.partitionBy("user_id").orderBy("ts");
 * df.select(col("user_id"), row_number().over(w));
 * df.select(sum("amount").over(w.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
 * }</pre>
 */
public final class Window {
  /** The frame boundary of the partition's first row ({@code Long.MIN_VALUE}). */
  public static final long unboundedPreceding = Long.MIN_VALUE;

  /** The frame boundary of the partition's last row ({@code Long.MAX_VALUE}). */
  public static final long unboundedFollowing = Long.MAX_VALUE;

  /** The frame boundary of the current row ({@code 0}). */
  public static final long currentRow = 0;

  private Window() {}

  /** {@link #unboundedPreceding}, as Spark's method. */
  public static long unboundedPreceding() {
    return unboundedPreceding;
  }

  /** {@link #unboundedFollowing}, as Spark's method. */
  public static long unboundedFollowing() {
    return unboundedFollowing;
  }

  /** {@link #currentRow}, as Spark's method. */
  public static long currentRow() {
    return currentRow;
  }

  private static WindowSpec spec() {
    return new WindowSpec(List.of(), List.of(), null);
  }

  /** A specification partitioned by the named columns. */
  public static WindowSpec partitionBy(String colName, String... colNames) {
    return spec().partitionBy(colName, colNames);
  }

  /** A specification partitioned by the columns. */
  public static WindowSpec partitionBy(Column... cols) {
    return spec().partitionBy(cols);
  }

  /** A specification ordered by the named columns. */
  public static WindowSpec orderBy(String colName, String... colNames) {
    return spec().orderBy(colName, colNames);
  }

  /** A specification ordered by the columns. */
  public static WindowSpec orderBy(Column... cols) {
    return spec().orderBy(cols);
  }

  /** A specification with a row-based frame (see {@link WindowSpec#rowsBetween}). */
  public static WindowSpec rowsBetween(long start, long end) {
    return spec().rowsBetween(start, end);
  }

  /** A specification with a range-based frame (see {@link WindowSpec#rangeBetween}). */
  public static WindowSpec rangeBetween(long start, long end) {
    return spec().rangeBetween(start, end);
  }
}
