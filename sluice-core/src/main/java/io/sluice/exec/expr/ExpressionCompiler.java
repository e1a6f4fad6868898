package io.sluice.exec.expr;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;

/** Turns a bound, resolved expression into a {@link VectorEvaluator}. */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  public static VectorEvaluator compile(Expression e, EvalContext ctx) {
    if (e instanceof BoundReference b) {
      int ordinal = b.ordinal();
      return batch -> batch.column(ordinal);
    }
    if (e instanceof Literal l) {
      return batch -> {
        ColumnVector v = ColumnVector.allocate(l.dataType(), batch.numRows());
        for (int i = 0; i < batch.numRows(); i++) v.append(l.value());
        return v;
      };
    }
    throw new SluiceRuntimeException(ErrorClass.INTERNAL_ERROR, SluiceException.params(
        "message", "No evaluator for " + e.getClass().getSimpleName() + ": " + e.sql()));
  }
}
