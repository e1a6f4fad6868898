package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;
import java.util.Locale;

/**
 * A function that is only meaningful over a window ({@code OVER (...)}): the ranking functions, the
 * offset functions {@code lag}/{@code lead} and {@code nth_value}, as Spark's {@code
 * WindowFunction}s. Arguments by kind: {@code ntile(buckets)}, {@code lag/lead(input, offset,
 * default)}, {@code nth_value(input, offset)}; the others take none.
 *
 * @param ignoreNulls for {@code lag}, {@code lead} and {@code nth_value}: skip null inputs when
 *     counting the offset
 */
public record WindowFunction(Kind kind, List<Expression> arguments, boolean ignoreNulls)
    implements Expression {

  /** The window functions. */
  public enum Kind {
    ROW_NUMBER,
    RANK,
    DENSE_RANK,
    PERCENT_RANK,
    CUME_DIST,
    NTILE,
    LAG,
    LEAD,
    NTH_VALUE;

    public String prettyName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public WindowFunction {
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new WindowFunction(kind, c, ignoreNulls);
  }

  public Expression arg(int i) {
    return arguments.get(i);
  }

  /** {@code lag} and {@code lead}: offsets from the current row, without a frame of their own. */
  public boolean isFrameLessOffset() {
    return kind == Kind.LAG || kind == Kind.LEAD;
  }

  /**
   * The frame the function is evaluated in, which a query may not change; null for {@code
   * nth_value}, whose frame is the query's (or the default).
   */
  public WindowFrame requiredFrame() {
    return switch (kind) {
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, NTILE -> WindowFrame.ROWS_TO_CURRENT;
      case CUME_DIST -> WindowFrame.RANGE_TO_CURRENT;
      case LAG, LEAD -> {
        Expression offset = signedOffset();
        yield new WindowFrame(WindowFrame.Type.ROWS, offset, offset);
      }
      case NTH_VALUE -> null;
    };
  }

  /** The offset of {@code lag} (negated) or {@code lead}, as the literal Spark shows in names. */
  private Expression signedOffset() {
    Expression o = arg(1);
    if (kind == Kind.LAG && o instanceof Literal l && l.value() instanceof Integer i) {
      return Literal.of(-i);
    }
    return kind == Kind.LAG ? new UnaryMinus(o, EvalMode.ANSI) : o;
  }

  @Override
  public DataType dataType() {
    return switch (kind) {
      case ROW_NUMBER, RANK, DENSE_RANK, NTILE -> DataTypes.IntegerType;
      case PERCENT_RANK, CUME_DIST -> DataTypes.DoubleType;
      case LAG, LEAD, NTH_VALUE -> arg(0).dataType();
    };
  }

  @Override
  public boolean nullable() {
    return switch (kind) {
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE -> false;
      case LAG, LEAD -> arg(0).nullable() || arg(2).nullable();
      case NTH_VALUE -> true;
    };
  }

  @Override
  public boolean foldable() {
    return false;
  }

  /**
   * Spark's names: {@code row_number()}, {@code RANK()}, {@code DENSE_RANK()}, {@code
   * PERCENT_RANK()}, {@code cume_dist()}, {@code ntile(4)}, {@code lag(x, 1, NULL)}, {@code
   * nth_value(x, 2)} (with {@code ignore nulls} when set).
   */
  @Override
  public String sql() {
    return switch (kind) {
      case RANK, DENSE_RANK, PERCENT_RANK -> kind.name() + "()";
      case ROW_NUMBER, CUME_DIST -> kind.prettyName() + "()";
      case NTILE, LAG, LEAD -> call();
      case NTH_VALUE -> call() + (ignoreNulls ? " ignore nulls" : "");
    };
  }

  private String call() {
    StringBuilder sb = new StringBuilder(kind.prettyName()).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return sql();
  }
}
