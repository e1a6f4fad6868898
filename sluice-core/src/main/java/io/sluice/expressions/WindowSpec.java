package io.sluice.expressions;

import io.sluice.AnalysisException;
import io.sluice.Column;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.functions;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.SpecialFrameBoundary;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.expr.WindowFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * A window specification, as Spark's {@code WindowSpec}: partitioning, ordering and frame. Build it
 * with {@link Window}'s static methods and apply it with {@link Column#over(WindowSpec)}.
 * Immutable: every method returns a new specification.
 */
public final class WindowSpec {
  private final List<Expression> partitionSpec;
  private final List<SortOrder> orderSpec;
  private final WindowFrame frame;

  WindowSpec(List<Expression> partitionSpec, List<SortOrder> orderSpec, WindowFrame frame) {
    this.partitionSpec = List.copyOf(partitionSpec);
    this.orderSpec = List.copyOf(orderSpec);
    this.frame = frame;
  }

  /** Partitions by the named columns. */
  public WindowSpec partitionBy(String colName, String... colNames) {
    return partitionBy(columns(colName, colNames));
  }

  /** Partitions by the columns. */
  public WindowSpec partitionBy(Column... cols) {
    List<Expression> p = new ArrayList<>();
    for (Column c : cols) p.add(c.expr());
    return new WindowSpec(p, orderSpec, frame);
  }

  /** Orders each partition by the named columns, ascending. */
  public WindowSpec orderBy(String colName, String... colNames) {
    return orderBy(columns(colName, colNames));
  }

  /**
   * Orders each partition by the columns: ascending (nulls first) unless a column is a sort order
   * such as {@code col("x").desc()}.
   */
  public WindowSpec orderBy(Column... cols) {
    List<SortOrder> o = new ArrayList<>();
    for (Column c : cols) {
      o.add(c.expr() instanceof SortOrder s ? s : SortOrder.asc(c.expr()));
    }
    return new WindowSpec(partitionSpec, o, frame);
  }

  /**
   * A row-based frame from {@code start} to {@code end} (inclusive), relative to the current row:
   * {@code 0} is the current row, {@code -1} the row before, {@link Window#unboundedPreceding} and
   * {@link Window#unboundedFollowing} the partition's ends. Other offsets must fit in an int.
   */
  public WindowSpec rowsBetween(long start, long end) {
    Expression lower = rowsBound(start, true);
    Expression upper = rowsBound(end, false);
    return new WindowSpec(
        partitionSpec, orderSpec, new WindowFrame(WindowFrame.Type.ROWS, lower, upper));
  }

  /**
   * A range-based frame: the rows whose ORDER BY value lies within {@code [v + start, v + end]} of
   * the current row's value {@code v}; {@code 0} means the current row's peers.
   */
  public WindowSpec rangeBetween(long start, long end) {
    Expression lower =
        start == 0
            ? SpecialFrameBoundary.CURRENT_ROW
            : start == Long.MIN_VALUE
                ? SpecialFrameBoundary.UNBOUNDED_PRECEDING
                : Literal.of(start);
    Expression upper =
        end == 0
            ? SpecialFrameBoundary.CURRENT_ROW
            : end == Long.MAX_VALUE ? SpecialFrameBoundary.UNBOUNDED_FOLLOWING : Literal.of(end);
    return new WindowSpec(
        partitionSpec, orderSpec, new WindowFrame(WindowFrame.Type.RANGE, lower, upper));
  }

  private static Expression rowsBound(long v, boolean start) {
    if (v == 0) return SpecialFrameBoundary.CURRENT_ROW;
    if (start && v == Long.MIN_VALUE) return SpecialFrameBoundary.UNBOUNDED_PRECEDING;
    if (!start && v == Long.MAX_VALUE) return SpecialFrameBoundary.UNBOUNDED_FOLLOWING;
    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) return Literal.of((int) v);
    throw new AnalysisException(
        start ? ErrorClass.INVALID_BOUNDARY_START : ErrorClass.INVALID_BOUNDARY_END,
        SluiceException.params(
            "boundary",
            start ? "`start`" : "`end`",
            "invalidValue",
            String.valueOf(v),
            start ? "longMinValue" : "longMaxValue",
            String.valueOf(start ? Long.MIN_VALUE : Long.MAX_VALUE),
            "intMinValue",
            String.valueOf(Integer.MIN_VALUE),
            "intMaxValue",
            String.valueOf(Integer.MAX_VALUE)));
  }

  private static Column[] columns(String first, String... rest) {
    Column[] out = new Column[rest.length + 1];
    out[0] = functions.col(first);
    for (int i = 0; i < rest.length; i++) out[i + 1] = functions.col(rest[i]);
    return out;
  }

  /**
   * The window expression of {@code function} over this specification (what {@link
   * Column#over(WindowSpec)} builds).
   */
  public Expression windowExpression(Expression function) {
    return new WindowExpression(function, partitionSpec, orderSpec, frame);
  }
}
