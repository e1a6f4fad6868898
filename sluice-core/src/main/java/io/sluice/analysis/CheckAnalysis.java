package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.expr.UnresolvedWindowExpression;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.expr.WindowFunction;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.UnresolvedRelation;
import io.sluice.plan.logical.Window;
import io.sluice.types.BooleanType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check phase (Spark's {@code CheckAnalysis}): walks the plan bottom-up so the first error of a
 * cascade is the one reported, and raises what resolution left behind: unknown columns with
 * suggestions, type mismatches, invalid aggregations, mismatched unions, columns missing from an
 * operator's input.
 */
final class CheckAnalysis {
  private final AnalysisContext ctx;

  CheckAnalysis(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  void check(LogicalPlan plan) {
    for (LogicalPlan c : plan.children()) check(c);
    if (plan instanceof UnresolvedRelation u) {
      throw QueryErrors.error(
          ErrorClass.TABLE_OR_VIEW_NOT_FOUND, "relationName", QueryErrors.toSQLId(u.nameParts()));
    }
    if (Plans.isPositionalSetOperation(plan)) checkSetOperation(plan);
    for (Expression e : plan.expressions()) checkExpression(e, null, plan);
    SubqueryChecks.check(plan);
    checkOperator(plan);
    InputFileChecks.check(plan);
    List<AttributeReference> missing = Plans.missingInput(plan);
    if (!plan.children().isEmpty() && !missing.isEmpty()) throw missingAttributes(plan, missing);
    if (!plan.resolved()) {
      throw QueryErrors.error(
          ErrorClass.INTERNAL_ERROR,
          "message",
          "Found the unresolved operator: " + plan.nodeName());
    }
  }

  /** Children first, so the innermost problem is reported. */
  private void checkExpression(Expression e, Expression parent, LogicalPlan op) {
    for (Expression c : e.children()) checkExpression(c, e, op);
    if (e instanceof UnresolvedAttribute u) throw unresolvedColumn(u, op);
    if (e instanceof UnresolvedWindowExpression w) {
      throw QueryErrors.error(
          ErrorClass.MISSING_WINDOW_SPECIFICATION,
          "windowName",
          w.windowName(),
          "docroot",
          "https://spark.apache.org/docs/latest");
    }
    if (e instanceof UnresolvedStar) {
      String where =
          parent != null && isList(op)
              ? "expression " + QueryErrors.toSQLId(List.of(prettyName(parent)))
              : op.getClass().getSimpleName();
      throw QueryErrors.error(
          ErrorClass.INVALID_USAGE_OF_STAR_OR_REGEX, "elem", "'*'", "prettyName", where);
    }
    if (e instanceof io.sluice.plan.expr.GroupingFunction) {
      throw QueryErrors.error(ErrorClass.UNSUPPORTED_GROUPING_EXPRESSION);
    }
    if (e.resolved()) {
      ExpressionChecks.check(e);
      checkWindow(e);
    }
  }

  /**
   * Window functions only as the function of an {@code OVER}; an {@code OVER} only over a window
   * function or a non-DISTINCT aggregate.
   */
  private static void checkWindow(Expression e) {
    List<Expression> kids = e.children();
    for (int i = 0; i < kids.size(); i++) {
      if (kids.get(i) instanceof WindowFunction wf && !(e instanceof WindowExpression && i == 0)) {
        throw QueryErrors.error(
            ErrorClass.WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE, "funcName", toSQLExpr(wf));
      }
    }
    if (!(e instanceof WindowExpression w)) return;
    Expression f = w.function();
    while (f instanceof RuntimeReplaceable r && Aggregates.isAggregate(r.replacement())) {
      f = r.replacement();
    }
    if (f instanceof AggregateCall a && a.distinct()) {
      throw QueryErrors.error(
          ErrorClass.DISTINCT_WINDOW_FUNCTION_UNSUPPORTED, "windowExpr", toSQLExpr(w));
    }
    if (!(f instanceof AggregateCall) && !(f instanceof WindowFunction)) {
      throw QueryErrors.error(
          ErrorClass.UNSUPPORTED_EXPR_FOR_WINDOW, "sqlExpr", toSQLExpr(w.function()));
    }
  }

  private RuntimeException unresolvedColumn(UnresolvedAttribute u, LogicalPlan op) {
    Map<Long, AttributeReference> in = new LinkedHashMap<>();
    for (AttributeReference a : Plans.input(op)) in.putIfAbsent(a.exprId(), a);
    List<List<String>> candidates = new ArrayList<>();
    for (AttributeReference a : in.values()) {
      List<String> parts = new ArrayList<>(a.qualifier());
      parts.add(a.name());
      candidates.add(parts);
    }
    return QueryErrors.unresolvedColumn(u.sql(), candidates);
  }

  private void checkOperator(LogicalPlan plan) {
    if (plan instanceof Filter f) {
      if (!(f.condition().dataType() instanceof BooleanType)) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_FILTER_NOT_BOOLEAN,
            "sqlExpr",
            toSQLExpr(f.condition()),
            "filter",
            toSQLExpr(f.condition()),
            "type",
            toSQLType(f.condition().dataType()));
      }
      List<String> aggs = aggregateSqls(f.condition());
      if (!aggs.isEmpty()) {
        throw QueryErrors.error(
            ErrorClass.INVALID_WHERE_CONDITION,
            "condition",
            toSQLExpr(f.condition()),
            "expressionList",
            String.join(", ", aggs));
      }
    } else if (plan instanceof Join j
        && j.condition() != null
        && !(j.condition().dataType() instanceof BooleanType)) {
      throw QueryErrors.error(
          ErrorClass.JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE,
          "joinCondition",
          toSQLExpr(j.condition()),
          "conditionType",
          toSQLType(j.condition().dataType()));
    } else if (plan instanceof Aggregate a) {
      AggregateChecks.check(a);
    } else if (plan instanceof Window w) {
      for (Expression p : w.partitionSpec()) {
        if (!ExpressionChecks.isOrderable(p.dataType())) {
          throw QueryErrors.error(
              ErrorClass.EXPRESSION_TYPE_IS_NOT_ORDERABLE,
              "expr",
              toSQLExpr(p),
              "exprType",
              toSQLType(p.dataType()));
        }
      }
    }
    if (!(plan instanceof Aggregate) && !(plan instanceof Filter)) {
      List<String> invalid = new ArrayList<>();
      for (Expression e : plan.expressions()) {
        for (AggregateCall c : Aggregates.aggregateCalls(e)) invalid.add(toSQLExpr(c));
      }
      if (!invalid.isEmpty()) {
        throw QueryErrors.error(
            ErrorClass.UNSUPPORTED_EXPR_FOR_OPERATOR,
            "invalidExprSqls",
            String.join(", ", invalid));
      }
    }
  }

  private static List<String> aggregateSqls(Expression e) {
    List<String> out = new ArrayList<>();
    for (AggregateCall c : Aggregates.aggregateCalls(e)) out.add(c.sql());
    return out;
  }

  private void checkSetOperation(LogicalPlan setOp) {
    String operator = Plans.setOperationName(setOp);
    List<AttributeReference> first = setOp.children().get(0).output();
    for (int t = 1; t < setOp.children().size(); t++) {
      List<AttributeReference> out = setOp.children().get(t).output();
      if (out.size() != first.size()) {
        throw QueryErrors.error(
            ErrorClass.NUM_COLUMNS_MISMATCH,
            "operator",
            operator,
            "firstNumColumns",
            String.valueOf(first.size()),
            "invalidOrdinalNum",
            QueryErrors.ordinalNumber(t),
            "invalidNumColumns",
            String.valueOf(out.size()));
      }
      for (int c = 0; c < out.size(); c++) {
        if (!TypeWidening.equalsStructurally(out.get(c).dataType(), first.get(c).dataType())) {
          throw QueryErrors.error(
              ErrorClass.INCOMPATIBLE_COLUMN_TYPE,
              "operator",
              operator,
              "columnOrdinalNumber",
              QueryErrors.ordinalNumber(c),
              "tableOrdinalNumber",
              QueryErrors.ordinalNumber(t),
              "dataType1",
              toSQLType(out.get(c).dataType()),
              "dataType2",
              toSQLType(first.get(c).dataType()),
              "hint",
              "");
        }
      }
    }
  }

  private RuntimeException missingAttributes(LogicalPlan op, List<AttributeReference> missing) {
    List<AttributeReference> input = Plans.input(op);
    List<String> missingSql = new ArrayList<>();
    List<String> sameName = new ArrayList<>();
    for (AttributeReference m : missing) {
      missingSql.add(toSQLExpr(m));
      for (AttributeReference i : input) {
        if (ctx.names().matches(m.name(), i.name())) {
          sameName.add(toSQLExpr(m));
          break;
        }
      }
    }
    List<String> inputSql = new ArrayList<>();
    for (AttributeReference i : input) inputSql.add(toSQLExpr(i));
    String operator = "!" + op.getClass().getSimpleName() + " " + op.argString();
    if (!sameName.isEmpty()) {
      return QueryErrors.error(
          ErrorClass.MISSING_ATTRIBUTES_RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION,
          "missingAttributes",
          String.join(", ", missingSql),
          "input",
          String.join(", ", inputSql),
          "operator",
          operator,
          "operation",
          String.join(", ", sameName));
    }
    return QueryErrors.error(
        ErrorClass.MISSING_ATTRIBUTES_RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT,
        "missingAttributes",
        String.join(", ", missingSql),
        "input",
        String.join(", ", inputSql),
        "operator",
        operator);
  }

  private static boolean isList(LogicalPlan op) {
    return op instanceof io.sluice.plan.logical.Project || op instanceof Aggregate;
  }

  private static String prettyName(Expression e) {
    if (e instanceof AggregateCall a) return a.function().sqlName();
    if (e instanceof io.sluice.plan.expr.UnresolvedFunction f) return f.name();
    return e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
