package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;

/**
 * {@code window(timeColumn, windowDuration, slideDuration, startTime)}, durations in microseconds,
 * as Spark's {@code TimeWindow}. A placeholder: the analyzer replaces it by a {@code window} column
 * computed below the operator that uses it (a projection for tumbling windows, an {@code Expand}
 * into every overlapping window for sliding ones), so it never resolves itself.
 */
public record TimeWindow(
    Expression timeColumn, long windowDuration, long slideDuration, long startTime)
    implements Expression {

  /** The metadata key marking a column produced by {@code window(...)}. */
  public static final String MARKER = "spark.timeWindow";

  /** The type of a window column over timestamps of type {@code t}. */
  public static StructType structType(DataType t) {
    return new StructType(
        List.of(new StructField("start", t, true), new StructField("end", t, true)));
  }

  @Override
  public List<Expression> children() {
    return List.of(timeColumn);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new TimeWindow(c.get(0), windowDuration, slideDuration, startTime);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  /** The timestamps' type: that of the time column, or of a window column's end. */
  public DataType timestampType() {
    DataType t = timeColumn.dataType();
    return t instanceof StructType s ? s.fields()[1].dataType() : t;
  }

  @Override
  public DataType dataType() {
    return timeColumn.resolved()
        ? structType(timestampType())
        : structType(DataTypes.TimestampType);
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "window("
        + timeColumn.sql()
        + ", "
        + windowDuration
        + ", "
        + slideDuration
        + ", "
        + startTime
        + ")";
  }

  @Override
  public String toString() {
    return "window("
        + timeColumn
        + ", "
        + windowDuration
        + ", "
        + slideDuration
        + ", "
        + startTime
        + ")";
  }
}
