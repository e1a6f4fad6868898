package io.sluice.optimizer;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.List;

/**
 * A form of an expression for comparing meaning rather than spelling: attributes keep only their id
 * and type (name case, qualifier and nullability do not matter).
 */
final class Canonical {
  private Canonical() {}

  static Expression of(Expression e) {
    return e.transformUp(
        x ->
            x instanceof AttributeReference a
                ? new AttributeReference("", a.dataType(), true, a.exprId(), List.of())
                : x);
  }
}
