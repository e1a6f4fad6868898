package io.sluice.optimizer;

import io.sluice.plan.expr.And;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.logical.LogicalPlan;

/**
 * Simplifies boolean expressions with rewrites that hold in three-valued logic (where a value may
 * be null): {@code true AND x → x}, {@code false AND x → false}, {@code x OR true → true}, {@code
 * false OR x → x}, {@code x AND x → x} for deterministic {@code x}, {@code NOT NOT x → x}, {@code
 * NOT (a < b) → a >= b} (both are null exactly when {@code a} or {@code b} is), {@code NOT (x IS
 * NULL) → x IS NOT NULL}. A null literal operand is never treated as false.
 *
 * <pre>{@code
 * Filter (true AND (NOT (a#1 > 1)))      Filter (a#1 <= 1)
 * +- LocalRelation [a#1]           =>    +- LocalRelation [a#1]
 * }</pre>
 */
public final class BooleanSimplification extends ExpressionRule {
  @Override
  protected Expression rewrite(Expression e, LogicalPlan node) {
    return e.transformUp(BooleanSimplification::simplify);
  }

  static Expression simplify(Expression e) {
    if (e instanceof And and) return simplifyAnd(and);
    if (e instanceof Or or) return simplifyOr(or);
    if (e instanceof Not not) return simplifyNot(not);
    return e;
  }

  private static Expression simplifyAnd(And and) {
    Expression l = and.left();
    Expression r = and.right();
    if (isTrue(l)) return r;
    if (isTrue(r)) return l;
    // false AND anything is false, null and errors of the other side included
    if (isFalse(l) || isFalse(r)) return Literal.FALSE;
    if (l.deterministic() && Canonical.of(l).equals(Canonical.of(r))) return l;
    return and;
  }

  private static Expression simplifyOr(Or or) {
    Expression l = or.left();
    Expression r = or.right();
    if (isFalse(l)) return r;
    if (isFalse(r)) return l;
    if (isTrue(l) || isTrue(r)) return Literal.TRUE;
    if (l.deterministic() && Canonical.of(l).equals(Canonical.of(r))) return l;
    return or;
  }

  private static Expression simplifyNot(Not not) {
    Expression c = not.child();
    if (c instanceof Literal lit && lit.value() instanceof Boolean b) return Literal.of(!b);
    if (c instanceof Not inner) return inner.child();
    if (c instanceof IsNull n) return new IsNotNull(n.child());
    if (c instanceof IsNotNull n) return new IsNull(n.child());
    if (c instanceof Comparison cmp) {
      Comparison.Op negated =
          switch (cmp.op()) {
            case LT -> Comparison.Op.GE;
            case LE -> Comparison.Op.GT;
            case GT -> Comparison.Op.LE;
            case GE -> Comparison.Op.LT;
            case EQ, NULL_SAFE_EQ -> null;
          };
      if (negated != null) return new Comparison(negated, cmp.left(), cmp.right());
    }
    return not;
  }

  static boolean isTrue(Expression e) {
    return e instanceof Literal l && Boolean.TRUE.equals(l.value());
  }

  static boolean isFalse(Expression e) {
    return e instanceof Literal l && Boolean.FALSE.equals(l.value());
  }
}
