package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Union;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spark's {@code ResolveUnion}: {@code unionByName} becomes a positional union whose later children
 * are projected into the first child's column order. A name missing on one side is {@code
 * UNRESOLVED_COLUMN_AMONG_FIELD_NAMES}, or with {@code allowMissingColumns} a typed null; extra
 * columns of a later child are then appended (and null-filled on the left).
 */
final class ResolveUnionByName implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveUnionByName(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof Union u && u.byName() && ctx.readiness().childrenReady(u)
                ? resolve(u)
                : p);
  }

  private LogicalPlan resolve(Union u) {
    List<LogicalPlan> kids = u.children();
    LogicalPlan current = kids.get(0);
    for (int i = 1; i < kids.size(); i++) {
      current = unionTwo(current, kids.get(i), u.allowMissingColumns());
    }
    return current;
  }

  private LogicalPlan unionTwo(LogicalPlan left, LogicalPlan right, boolean allowMissing) {
    checkDuplicates(left.output());
    checkDuplicates(right.output());
    List<NamedExpression> rightList = alignTo(left.output(), right.output(), allowMissing);
    Set<Long> used = new HashSet<>();
    for (NamedExpression e : rightList) {
      if (e instanceof AttributeReference a) used.add(a.exprId());
    }
    for (AttributeReference a : right.output()) {
      if (!used.contains(a.exprId())) rightList.add(a);
    }
    LogicalPlan rightChild = new Project(rightList, right);
    LogicalPlan leftChild = left;
    if (allowMissing) {
      List<NamedExpression> leftList = alignTo(rightChild.output(), left.output(), true);
      List<AttributeReference> leftOut = new ArrayList<>();
      for (NamedExpression e : leftList) leftOut.add(e.toAttribute());
      if (!leftOut.equals(left.output())) leftChild = new Project(leftList, left);
    }
    List<LogicalPlan> children = new ArrayList<>();
    if (leftChild instanceof Union lu && !lu.byName()) {
      children.addAll(lu.children());
    } else {
      children.add(leftChild);
    }
    children.add(rightChild);
    return new Union(children, false, false);
  }

  /** For every target column, the source column of that name, or a typed null. */
  private List<NamedExpression> alignTo(
      List<AttributeReference> target, List<AttributeReference> source, boolean allowMissing) {
    List<NamedExpression> out = new ArrayList<>();
    for (AttributeReference t : target) {
      AttributeReference found = null;
      for (AttributeReference s : source) {
        if (ctx.names().matches(t.name(), s.name())) {
          found = s;
          break;
        }
      }
      if (found != null) {
        out.add(found);
      } else if (allowMissing) {
        out.add(Alias.of(new Literal(null, t.dataType()), t.name()));
      } else {
        List<String> names = new ArrayList<>();
        for (AttributeReference s : source) names.add(s.name());
        throw QueryErrors.error(
            ErrorClass.UNRESOLVED_COLUMN_AMONG_FIELD_NAMES,
            "colName",
            t.name(),
            "fieldNames",
            String.join(", ", names));
      }
    }
    return out;
  }

  private void checkDuplicates(List<AttributeReference> output) {
    Set<String> seen = new HashSet<>();
    for (AttributeReference a : output) {
      String key = ctx.names().key(a.name());
      if (!seen.add(key)) {
        throw QueryErrors.error(
            ErrorClass.COLUMN_ALREADY_EXISTS, "columnName", QueryErrors.toSQLId(List.of(key)));
      }
    }
  }
}
