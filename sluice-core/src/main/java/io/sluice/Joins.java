package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the joins of {@link DataFrame}. */
final class Joins {
  private Joins() {}

  /** Parses a join type as Spark does; fails with {@code UNSUPPORTED_JOIN_TYPE}. */
  static JoinType joinType(String name) {
    JoinType t = JoinType.fromString(name);
    if (t == null) {
      throw new AnalysisException(
          ErrorClass.UNSUPPORTED_JOIN_TYPE,
          SluiceException.params("typ", name, "supported", JoinType.SUPPORTED));
    }
    return t;
  }

  static DataFrame join(
      DataFrame left, DataFrame right, List<String> usingColumns, String joinType) {
    JoinType t = joinType(joinType);
    return left.withPlan(new Join(left.plan(), right.plan(), t, null, usingColumns));
  }

  static DataFrame crossJoin(DataFrame left, DataFrame right) {
    return left.withPlan(new Join(left.plan(), right.plan(), JoinType.CROSS, null, List.of()));
  }

  /**
   * A join on a condition. In a self-join, a trivially true condition such as {@code
   * df.col("k").equalTo(df.col("k"))} is taken to mean the key of each side (as Spark does): after
   * analysis has given the right side new ids, each side of such an equality is bound to that
   * side's column of the same name.
   */
  static DataFrame join(DataFrame left, DataFrame right, Column condition, String joinType) {
    JoinType t = joinType(joinType);
    DataFrame joined =
        left.withPlan(new Join(left.plan(), right.plan(), t, left.expr(condition), List.of()));
    if (!(joined.plan() instanceof Join j)
        || j.condition() == null
        || !sharesColumns(left.plan(), right.plan())) {
      return joined;
    }
    Expression fixed =
        j.condition()
            .transformUp(
                e -> {
                  if (e instanceof Comparison c
                      && (c.op() == Comparison.Op.EQ || c.op() == Comparison.Op.NULL_SAFE_EQ)
                      && c.left() instanceof AttributeReference a
                      && c.right() instanceof AttributeReference b
                      && a.sameRef(b)) {
                    AttributeReference l = byName(j.left(), a.name());
                    AttributeReference r = byName(j.right(), b.name());
                    if (l != null && r != null) return new Comparison(c.op(), l, r);
                  }
                  return e;
                });
    if (fixed.equals(j.condition())) return joined;
    return left.withPlan(new Join(j.left(), j.right(), t, fixed, List.of()));
  }

  private static boolean sharesColumns(LogicalPlan a, LogicalPlan b) {
    Set<Long> ids = new HashSet<>();
    for (AttributeReference x : a.output()) ids.add(x.exprId());
    for (AttributeReference y : b.output()) {
      if (ids.contains(y.exprId())) return true;
    }
    return false;
  }

  private static AttributeReference byName(LogicalPlan p, String name) {
    AttributeReference found = null;
    for (AttributeReference a : p.output()) {
      if (a.name().equalsIgnoreCase(name)) {
        if (found != null) return null;
        found = a;
      }
    }
    return found;
  }
}
