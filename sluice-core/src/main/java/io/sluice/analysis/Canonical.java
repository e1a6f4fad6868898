package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import java.util.List;

/**
 * Spark's {@code semanticEquals}: two expressions compute the same value when they are equal after
 * dropping cosmetic differences (column names, qualifiers and nullability; the spelling of struct
 * field names; whether a cast was written by the user; aliases; analysis-only wrappers).
 */
final class Canonical {
  private Canonical() {}

  static boolean semanticEquals(Expression a, Expression b) {
    return canonical(a).equals(canonical(b));
  }

  static boolean containsSemantically(List<? extends Expression> list, Expression e) {
    Expression c = canonical(e);
    for (Expression x : list) {
      if (canonical(x).equals(c)) return true;
    }
    return false;
  }

  static Expression canonical(Expression e) {
    return e.transformUp(
        x -> {
          if (x instanceof AttributeReference a) {
            return new AttributeReference("none", a.dataType(), true, a.exprId(), List.of());
          }
          if (x instanceof Alias al) return al.child();
          if (x instanceof TempResolvedColumn t) return t.child();
          if (x instanceof RuntimeReplaceable r) return r.replacement();
          if (x instanceof GetStructField g) return new GetStructField(g.child(), g.ordinal(), "");
          if (x instanceof Cast c && c.userSpecified()) {
            return new Cast(c.child(), c.dataType(), c.evalMode(), false);
          }
          return x;
        });
  }
}
