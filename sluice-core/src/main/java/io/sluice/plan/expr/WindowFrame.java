package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;

/**
 * The frame of a window function: which rows of the partition, relative to the current row, it
 * reads, as Spark's {@code SpecifiedWindowFrame}. Each bound is a {@link SpecialFrameBoundary} or a
 * constant offset: {@code n PRECEDING} is {@code -n} (written {@link UnaryMinus} by the parser, as
 * in Spark), {@code n FOLLOWING} is {@code n}; a {@code ROWS} offset counts rows, a {@code RANGE}
 * offset is added to the ORDER BY value.
 */
public record WindowFrame(Type type, Expression lower, Expression upper) implements Expression {

  /** {@code ROWS} (physical offsets) or {@code RANGE} (offsets of the ORDER BY value, peers). */
  public enum Type {
    ROWS,
    RANGE
  }

  public static final WindowFrame UNBOUNDED =
      new WindowFrame(
          Type.ROWS,
          SpecialFrameBoundary.UNBOUNDED_PRECEDING,
          SpecialFrameBoundary.UNBOUNDED_FOLLOWING);

  /** {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}. */
  public static final WindowFrame ROWS_TO_CURRENT =
      new WindowFrame(
          Type.ROWS, SpecialFrameBoundary.UNBOUNDED_PRECEDING, SpecialFrameBoundary.CURRENT_ROW);

  /** {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}. */
  public static final WindowFrame RANGE_TO_CURRENT =
      new WindowFrame(
          Type.RANGE, SpecialFrameBoundary.UNBOUNDED_PRECEDING, SpecialFrameBoundary.CURRENT_ROW);

  @Override
  public List<Expression> children() {
    return List.of(lower, upper);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new WindowFrame(type, c.get(0), c.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.NullType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  /** Both bounds unbounded: every row of the partition. */
  public boolean isUnbounded() {
    return lower == SpecialFrameBoundary.UNBOUNDED_PRECEDING
        && upper == SpecialFrameBoundary.UNBOUNDED_FOLLOWING;
  }

  /** Whether some bound is an offset. */
  public boolean isValueBound() {
    return !(lower instanceof SpecialFrameBoundary) || !(upper instanceof SpecialFrameBoundary);
  }

  /** Spark's {@code ROWS BETWEEN 1 PRECEDING AND CURRENT ROW}. */
  @Override
  public String sql() {
    return type.name() + " BETWEEN " + boundarySql(lower) + " AND " + boundarySql(upper);
  }

  private static String boundarySql(Expression e) {
    if (e instanceof SpecialFrameBoundary b) return b.sql();
    if (e instanceof UnaryMinus u) return u.child().sql() + " PRECEDING";
    return e.sql() + " FOLLOWING";
  }

  @Override
  public String toString() {
    return sql();
  }
}
