package io.sluice.optimizer;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces expressions whose result is fixed by nulls or by non-nullability:
 *
 * <ul>
 *   <li>an operator that returns null when an input is null (arithmetic, comparisons other than
 *       {@code <=>}, negation, {@code NOT}, casts, field and element access, {@code IN}'s value)
 *       with a null-literal input becomes a typed null literal;
 *   <li>{@code x IS NULL} / {@code x IS NOT NULL} become {@code false} / {@code true} when {@code
 *       x} cannot be null. Nullability of columns is taken from the node's inputs (a column of an
 *       outer join's optional side is nullable there even if its source column is not);
 *   <li>{@code x <=> NULL} becomes {@code x IS NULL}; {@code coalesce} drops null literals and the
 *       arguments after the first one that cannot be null.
 * </ul>
 *
 * <pre>{@code
 * Project [(a#1 + NULL) AS x#3, (b#2 IS NULL) AS y#4]     Project [NULL AS x#3, false AS y#4]
 * +- LocalRelation [a#1, b#2]   (b not nullable)    =>    +- LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class NullPropagation extends ExpressionRule {
  @Override
  protected Expression rewrite(Expression e, LogicalPlan node) {
    Map<Long, Boolean> inputNullability = new HashMap<>();
    for (LogicalPlan c : node.children()) {
      for (AttributeReference a : c.output())
        inputNullability.merge(a.exprId(), a.nullable(), Boolean::logicalOr);
    }
    return e.transformUp(x -> propagate(x, inputNullability));
  }

  private static Expression propagate(Expression e, Map<Long, Boolean> inputNullability) {
    if (e instanceof IsNull n) {
      if (n.child() instanceof Literal l) return Literal.of(l.value() == null);
      return canBeNull(n.child(), inputNullability) ? e : Literal.FALSE;
    }
    if (e instanceof IsNotNull n) {
      if (n.child() instanceof Literal l) return Literal.of(l.value() != null);
      return canBeNull(n.child(), inputNullability) ? e : Literal.TRUE;
    }
    if (e instanceof Comparison c && c.op() == Comparison.Op.NULL_SAFE_EQ) {
      if (isNull(c.left()) && isNull(c.right())) return Literal.TRUE;
      if (isNull(c.left())) return new IsNull(c.right());
      if (isNull(c.right())) return new IsNull(c.left());
      return e;
    }
    if (e instanceof Coalesce c) return simplifyCoalesce(c, inputNullability);
    if (nullIntolerantInputs(e).stream().anyMatch(NullPropagation::isNull)) {
      return new Literal(null, e.dataType());
    }
    return e;
  }

  /** The inputs of {@code e} for which a null input always gives a null result. */
  private static List<Expression> nullIntolerantInputs(Expression e) {
    if (e instanceof BinaryArithmetic
        || e instanceof Comparison
        || e instanceof UnaryMinus
        || e instanceof Not
        || e instanceof Cast
        || e instanceof GetStructField
        || e instanceof GetArrayItem
        || e instanceof GetMapValue) {
      return e.children();
    }
    if (e instanceof In in && !in.list().isEmpty()) return List.of(in.value());
    return List.of();
  }

  private static Expression simplifyCoalesce(Coalesce c, Map<Long, Boolean> inputNullability) {
    List<Expression> kept = new ArrayList<>();
    for (Expression arg : c.arguments()) {
      if (isNull(arg)) continue;
      kept.add(arg);
      if (!canBeNull(arg, inputNullability)) break;
    }
    if (kept.size() == c.arguments().size()) return c;
    if (kept.isEmpty()) return new Literal(null, c.dataType());
    if (kept.size() == 1 && kept.get(0).dataType().equals(c.dataType())) return kept.get(0);
    return new Coalesce(kept);
  }

  /** Nullability with column flags taken from the node's inputs where they say nullable. */
  static boolean canBeNull(Expression e, Map<Long, Boolean> inputNullability) {
    Expression adjusted =
        e.transformUp(
            x ->
                x instanceof AttributeReference a
                    ? a.withNullability(
                        a.nullable() || inputNullability.getOrDefault(a.exprId(), true))
                    : x);
    return adjusted.nullable();
  }

  private static boolean isNull(Expression e) {
    return e instanceof Literal l && l.value() == null;
  }
}
