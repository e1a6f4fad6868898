package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.OuterReference;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Optional;

/**
 * Binds the names a subquery left unresolved to the enclosing operator's input, as {@link
 * OuterReference}s: {@code t.k} in {@code EXISTS (SELECT 1 FROM u WHERE u.k = t.k)}. Only names the
 * subquery could not bind itself reach here, so its own columns always win.
 */
final class OuterReferences {
  private OuterReferences() {}

  /** {@code plan} with outer names bound; the same instance when none is. */
  static LogicalPlan bind(
      LogicalPlan plan, List<AttributeReference> outer, AttributeResolver attributes) {
    if (outer.isEmpty()) return plan;
    return plan.transformUp(
        p -> {
          LogicalPlan next =
              p.mapExpressions(
                  e ->
                      e.transformUp(
                          x ->
                              x instanceof UnresolvedAttribute u ? bind(u, outer, attributes) : x));
          return Plans.sameExpressions(next, p) ? p : next;
        });
  }

  private static Expression bind(
      UnresolvedAttribute u, List<AttributeReference> outer, AttributeResolver attributes) {
    Optional<Expression> found = attributes.resolve(u.nameParts(), outer);
    if (found.isEmpty()) return u;
    Expression e = found.get() instanceof Alias a ? a.child() : found.get();
    return e.transformUp(x -> x instanceof AttributeReference r ? new OuterReference(r) : x);
  }
}
