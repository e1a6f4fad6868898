package io.sluice.exec.expr;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.NamedLambdaVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled body of a bound lambda, evaluated a batch of elements at a time: a higher-order
 * function hands it the elements of all arrays of an input batch (one row per element) as the
 * lambda's variables, plus, for each element, the input row it came from. Columns of the input row
 * the body reads are repeated per element; the others are left out.
 *
 * <p>The element batch holds the input's columns at their own positions (so the body's column
 * references keep their ordinals) followed by the variables. A lambda nested in the body sees that
 * element batch as its input, so it can read the outer lambda's variables too.
 */
public final class LambdaBody {
  private final VectorEvaluator body;
  private final int base;
  private final int arity;
  private final boolean[] usedColumns;

  private LambdaBody(VectorEvaluator body, int base, int arity, boolean[] usedColumns) {
    this.body = body;
    this.base = base;
    this.arity = arity;
    this.usedColumns = usedColumns;
  }

  /** Compiles a bound lambda whose column references are bound to the input's positions. */
  public static LambdaBody compile(LambdaFunction lambda, EvalContext ctx) {
    List<NamedLambdaVariable> vars = lambda.variables();
    List<BoundReference> refs = lambda.body().collect(BoundReference.class);
    int base = 0;
    for (BoundReference b : refs) base = Math.max(base, b.ordinal() + 1);
    boolean[] used = new boolean[base];
    for (BoundReference b : refs) used[b.ordinal()] = true;
    Map<Long, Integer> slots = new HashMap<>();
    for (int k = 0; k < vars.size(); k++) slots.put(vars.get(k).exprId(), base + k);
    Expression bound =
        lambda
            .body()
            .transformUp(
                x -> {
                  if (x instanceof NamedLambdaVariable v && slots.containsKey(v.exprId())) {
                    return new BoundReference(slots.get(v.exprId()), v.dataType(), v.nullable());
                  }
                  return x;
                });
    return new LambdaBody(ExpressionCompiler.compile(bound, ctx), base, vars.size(), used);
  }

  /** True when the body is just its {@code k}-th variable (e.g. {@code id -> id}). */
  public static boolean isIdentity(LambdaFunction lambda, int k) {
    return lambda.body() instanceof NamedLambdaVariable v
        && v.exprId() == lambda.variables().get(k).exprId();
  }

  /**
   * The body's value for {@code count} elements; element {@code j} belongs to input row {@code
   * parentRows[j]} ({@code null} when element {@code j} is input row {@code j}) and has the
   * variable values {@code vars[k]} row {@code j}.
   */
  public ColumnVector evaluate(
      ColumnBatch input, int[] parentRows, int count, ColumnVector... vars) {
    if (vars.length != arity) {
      throw EvalErrors.unsupported("lambda call with " + vars.length + " arguments for " + arity);
    }
    ColumnVector[] cols = new ColumnVector[base + arity];
    for (int c = 0; c < base; c++) {
      if (!usedColumns[c]) continue;
      ColumnVector in = input.column(c);
      cols[c] = parentRows == null ? in : in.gather(parentRows, count);
    }
    System.arraycopy(vars, 0, cols, base, arity);
    return body.evaluate(new ColumnBatch(cols, count));
  }
}
