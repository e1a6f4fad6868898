package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.List;

/**
 * {@code session_window(timeColumn, gapDuration)}, as Spark's {@code SessionWindow}: the gap is a
 * constant or an expression evaluated per row (an interval or its text). A placeholder: the
 * analyzer replaces it by a {@code session_window} column holding each row's own session {@code
 * [ts, ts + gap)}, which the aggregation then merges per group, so it never resolves itself.
 */
public record SessionWindow(Expression timeColumn, Expression gapDuration) implements Expression {

  /** The metadata key marking a column produced by {@code session_window(...)}. */
  public static final String MARKER = "spark.sessionWindow";

  @Override
  public List<Expression> children() {
    return List.of(timeColumn, gapDuration);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new SessionWindow(c.get(0), c.get(1));
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
    return TimeWindow.structType(timestampType());
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "session_window(" + timeColumn.sql() + ", " + gapDuration.sql() + ")";
  }

  @Override
  public String toString() {
    return "session_window(" + timeColumn + ", " + gapDuration + ")";
  }
}
