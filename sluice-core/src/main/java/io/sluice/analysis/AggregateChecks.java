package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;

/**
 * Spark's {@code assertValidAggregation}: grouping keys hold no aggregate and are orderable; every
 * column an aggregate outputs is a grouping key or is used inside an aggregate call, and aggregate
 * calls do not nest.
 */
final class AggregateChecks {
  private AggregateChecks() {}

  static void check(Aggregate a) {
    for (Expression g : a.groupingExpressions()) {
      if (Aggregates.containsAggregate(g)) {
        throw QueryErrors.error(ErrorClass.GROUP_BY_AGGREGATE, "sqlExpr", g.sql());
      }
      if (!ExpressionChecks.isOrderable(g.dataType())) {
        throw QueryErrors.error(
            ErrorClass.GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE,
            "sqlExpr",
            toSQLExpr(g),
            "dataType",
            QueryErrors.toSQLType(g.dataType()));
      }
    }
    for (NamedExpression e : a.aggregateExpressions()) checkValid(e, a);
  }

  private static void checkValid(Expression e, Aggregate a) {
    if (e instanceof AggregateCall call) {
      for (Expression arg : call.arguments()) {
        if (Aggregates.containsAggregate(arg)) {
          throw QueryErrors.error(ErrorClass.NESTED_AGGREGATE_FUNCTION);
        }
      }
      return;
    }
    if (e instanceof AttributeReference attr) {
      if (a.groupingExpressions().isEmpty()) {
        throw QueryErrors.error(ErrorClass.MISSING_GROUP_BY);
      }
      if (!Canonical.containsSemantically(a.groupingExpressions(), attr)) {
        throw QueryErrors.error(
            ErrorClass.MISSING_AGGREGATION,
            "expression",
            toSQLExpr(attr),
            "expressionAnyValue",
            "\"any_value(" + attr.sql() + ")\"");
      }
      return;
    }
    if (Canonical.containsSemantically(a.groupingExpressions(), e)) return;
    for (Expression c : e.children()) checkValid(c, a);
  }
}
