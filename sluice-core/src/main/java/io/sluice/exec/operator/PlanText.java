package io.sluice.exec.operator;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LeafExpression;
import io.sluice.types.DataType;
import java.util.List;

/**
 * Expression text for physical plans, as Spark's explain prints it: SQL with each column written
 * with its id ({@code (a#1 > 1)}), aliases as {@code expr AS name#id}.
 */
public final class PlanText {
  private PlanText() {}

  public static String expr(Expression e) {
    if (e instanceof AttributeReference a) return a.toString();
    if (e instanceof Alias a) return expr(a.child()) + " AS " + a.toAttribute();
    return withIds(e).sql();
  }

  /** {@code [e1, e2]}. */
  public static String list(List<? extends Expression> exprs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < exprs.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(expr(exprs.get(i)));
    }
    return sb.append(']').toString();
  }

  private static Expression withIds(Expression e) {
    return e.transformUp(
        x ->
            x instanceof AttributeReference a
                ? new Shown(a.toString(), a.dataType(), a.nullable())
                : x);
  }

  /** A stand-in leaf whose SQL is a column's name with its id. */
  private record Shown(String text, DataType dataType, boolean nullable) implements LeafExpression {
    @Override
    public String sql() {
      return text;
    }
  }
}
