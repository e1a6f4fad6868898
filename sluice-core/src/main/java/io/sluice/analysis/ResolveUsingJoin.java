package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code join(other, usingColumns, type)}: an equality per using column ANDed to the condition,
 * under a projection with Spark's column order: one copy of each using column first (the left
 * side's, the right side's for a right outer join, their coalesce for a full outer join), then the
 * left side's other columns, then the right side's. Semi and anti joins keep left columns.
 */
final class ResolveUsingJoin implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveUsingJoin(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof Join j
                    && !j.usingColumns().isEmpty()
                    && ctx.readiness().childrenReady(j)
                    && Plans.conflictingIds(j.left(), j.right()).isEmpty()
                ? resolve(j)
                : p);
  }

  private LogicalPlan resolve(Join j) {
    List<AttributeReference> leftKeys = keys(j.usingColumns(), j.left(), "left");
    List<AttributeReference> rightKeys = keys(j.usingColumns(), j.right(), "right");
    Expression condition = j.condition();
    for (int i = 0; i < leftKeys.size(); i++) {
      Expression eq = new Comparison(Comparison.Op.EQ, leftKeys.get(i), rightKeys.get(i));
      condition = condition == null ? eq : new And(condition, eq);
    }
    Join join = new Join(j.left(), j.right(), j.joinType(), condition, List.of());
    Map<Long, AttributeReference> out = new HashMap<>();
    for (AttributeReference a : join.output()) out.put(a.exprId(), a);
    List<AttributeReference> leftRest = rest(j.left().output(), leftKeys, out);
    List<AttributeReference> rightRest = rest(j.right().output(), rightKeys, out);
    List<NamedExpression> list = new ArrayList<>();
    switch (j.joinType()) {
      case INNER, CROSS, LEFT_OUTER -> {
        for (AttributeReference k : leftKeys) list.add(out.get(k.exprId()));
        list.addAll(leftRest);
        list.addAll(rightRest);
      }
      case RIGHT_OUTER -> {
        for (AttributeReference k : rightKeys) list.add(out.get(k.exprId()));
        list.addAll(leftRest);
        list.addAll(rightRest);
      }
      case FULL_OUTER -> {
        for (int i = 0; i < leftKeys.size(); i++) {
          AttributeReference l = out.get(leftKeys.get(i).exprId());
          AttributeReference r = out.get(rightKeys.get(i).exprId());
          list.add(Alias.of(new Coalesce(List.of(l, r)), l.name()));
        }
        list.addAll(leftRest);
        list.addAll(rightRest);
      }
      case LEFT_SEMI, LEFT_ANTI -> {
        for (AttributeReference k : leftKeys) list.add(out.get(k.exprId()));
        list.addAll(leftRest);
      }
    }
    return new Project(list, join);
  }

  private List<AttributeReference> keys(List<String> names, LogicalPlan side, String sideName) {
    List<AttributeReference> keys = new ArrayList<>();
    for (String name : names) {
      AttributeReference found = null;
      for (AttributeReference a : side.output()) {
        if (ctx.names().matches(a.name(), name)) {
          found = a;
          break;
        }
      }
      if (found == null) {
        List<String> cols = new ArrayList<>();
        for (AttributeReference a : side.output()) cols.add(a.name());
        cols.sort(null);
        List<String> quoted = new ArrayList<>();
        for (String c : cols) quoted.add(QueryErrors.toSQLId(List.of(c)));
        throw QueryErrors.error(
            ErrorClass.UNRESOLVED_USING_COLUMN_FOR_JOIN,
            "colName",
            QueryErrors.toSQLId(List.of(name)),
            "side",
            sideName,
            "suggestion",
            String.join(", ", quoted));
      }
      keys.add(found);
    }
    return keys;
  }

  /** The side's non-key columns as the join outputs them (with its nullability). */
  private static List<AttributeReference> rest(
      List<AttributeReference> side,
      List<AttributeReference> keys,
      Map<Long, AttributeReference> joinOut) {
    Set<Long> keyIds = new HashSet<>();
    for (AttributeReference k : keys) keyIds.add(k.exprId());
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference a : side) {
      if (!keyIds.contains(a.exprId())) {
        AttributeReference j = joinOut.get(a.exprId());
        if (j != null) out.add(j);
      }
    }
    return out;
  }
}
