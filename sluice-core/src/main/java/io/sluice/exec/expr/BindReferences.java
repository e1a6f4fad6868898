package io.sluice.exec.expr;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Expression;
import java.util.List;

/** Replaces attribute references by positions in an input schema, before compiling. */
public final class BindReferences {
  private BindReferences() {}

  public static Expression bind(Expression e, List<AttributeReference> input) {
    return e.transformUp(
        x -> {
          if (x instanceof AttributeReference a) {
            for (int i = 0; i < input.size(); i++) {
              if (input.get(i).exprId() == a.exprId()) {
                return new BoundReference(i, a.dataType(), input.get(i).nullable());
              }
            }
            throw new SluiceRuntimeException(
                ErrorClass.INTERNAL_ERROR,
                SluiceException.params("message", "Couldn't find " + a + " in " + input));
          }
          return x;
        });
  }
}
