package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.List;

/**
 * {@code CAST(child AS dataType)} with Spark's cast rules; {@code evalMode} chooses ANSI errors,
 * legacy nulls or {@code try_cast}. {@code userSpecified} is false for casts the analyzer inserted
 * for coercion: those are hidden in generated column names, as in Spark.
 */
public record Cast(Expression child, DataType dataType, EvalMode evalMode, boolean userSpecified)
    implements Expression {

  public static Cast user(Expression child, DataType to, EvalMode mode) {
    return new Cast(child, to, mode, true);
  }

  public static Cast implicit(Expression child, DataType to, EvalMode mode) {
    return new Cast(child, to, mode, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new Cast(c.get(0), dataType, evalMode, userSpecified);
  }

  @Override
  public boolean nullable() {
    // Conservative: legacy and try casts may yield null for malformed input.
    return child.nullable() || evalMode != EvalMode.ANSI || !child.dataType().equals(dataType);
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public String sql() {
    if (!userSpecified) {
      return child.sql();
    }
    String fn = evalMode == EvalMode.TRY ? "TRY_CAST" : "CAST";
    return fn + "(" + child.sql() + " AS " + dataType.sql() + ")";
  }

  @Override
  public String toString() {
    return "cast(" + child + " as " + dataType.simpleString() + ")";
  }
}
