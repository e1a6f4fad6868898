package io.sluice.sql.parser;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.sql.parser.SluiceSqlParser.AggregationClauseContext;
import io.sluice.sql.parser.SluiceSqlParser.ExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.NamedExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.QueryOrganizationContext;
import io.sluice.sql.parser.SluiceSqlParser.QuerySpecificationContext;
import io.sluice.sql.parser.SluiceSqlParser.SortItemContext;
import io.sluice.types.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The clauses of one {@code SELECT} ({@code WHERE}, {@code GROUP BY}, {@code HAVING}, {@code
 * DISTINCT}) and of a query's {@code ORDER BY} and {@code LIMIT}.
 */
final class SelectBuilder {
  private final String command;
  private final ExpressionBuilder exprs;

  SelectBuilder(String command, ExpressionBuilder exprs) {
    this.command = command;
    this.exprs = exprs;
  }

  LogicalPlan build(QuerySpecificationContext ctx, LogicalPlan from) {
    LogicalPlan plan = from;
    if (ctx.where != null) plan = new Filter(exprs.expression(ctx.where), plan);
    List<NamedExpressionContext> items = ctx.namedExpressionSeq().namedExpression();
    List<NamedExpression> list = new ArrayList<>(items.size());
    for (NamedExpressionContext item : items) {
      list.add(PlanBuilder.named(exprs.expression(item)));
    }
    AggregationClauseContext agg = ctx.aggregationClause();
    if (agg != null) {
      plan = new Aggregate(grouping(agg, list), list, plan);
    } else if (ctx.having != null) {
      plan = new Aggregate(List.of(), list, plan);
    } else {
      plan = new Project(list, plan);
    }
    if (ctx.having != null) plan = new Filter(exprs.expression(ctx.having), plan);
    if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
      plan = new Distinct(plan);
    }
    return plan;
  }

  /**
   * Grouping expressions; {@code GROUP BY ALL} is the name {@code ALL}, which the analyzer turns
   * into the select items without aggregates when no column has that name.
   */
  private List<Expression> grouping(AggregationClauseContext agg, List<NamedExpression> list) {
    if (agg.expression().isEmpty()) return List.of(new UnresolvedAttribute(List.of("ALL")));
    List<Expression> out = new ArrayList<>();
    for (ExpressionContext e : agg.expression()) {
      Expression g = exprs.expression(e);
      Integer ordinal = ordinal(g);
      if (ordinal != null) {
        if (list.stream().anyMatch(x -> x instanceof UnresolvedStar)) {
          throw new AnalysisException(ErrorClass.STAR_GROUP_BY_POS, SluiceException.params());
        }
        if (ordinal < 1 || ordinal > list.size()) {
          throw new AnalysisException(
              ErrorClass.GROUP_BY_POS_OUT_OF_RANGE,
              SluiceException.params(
                  "index", String.valueOf(ordinal), "size", String.valueOf(list.size())));
        }
        g = unaliased(list.get(ordinal - 1));
      }
      out.add(g);
    }
    return out;
  }

  private static Expression unaliased(NamedExpression e) {
    if (e instanceof Alias a) return a.child();
    if (e instanceof io.sluice.plan.expr.UnresolvedAlias u) return u.child();
    return e;
  }

  private static Integer ordinal(Expression e) {
    return e instanceof Literal l && l.dataType() instanceof IntegerType && l.value() != null
        ? (Integer) l.value()
        : null;
  }

  /** {@code ORDER BY} (a global sort) and {@code LIMIT} over a query's result. */
  LogicalPlan organize(
      LogicalPlan plan, QueryOrganizationContext ctx, List<NamedExpressionContext> selectItems) {
    if (!ctx.sortItem().isEmpty()) {
      List<SortOrder> orders = new ArrayList<>();
      for (SortItemContext s : ctx.sortItem()) {
        Expression e = exprs.expression(s.expression());
        Integer ordinal = ordinal(e);
        if (ordinal != null) e = orderByOrdinal(ordinal, selectItems);
        orders.add(ExpressionBuilder.sortOrder(s, e));
      }
      plan = new Sort(orders, true, plan);
    }
    if (ctx.limit != null) plan = new Limit(limit(ctx.limit), plan);
    return plan;
  }

  /** The item an ORDER BY ordinal points at: by name when it has one, else the expression. */
  private Expression orderByOrdinal(int ordinal, List<NamedExpressionContext> items) {
    if (ordinal < 1 || ordinal > items.size()) {
      throw new AnalysisException(
          ErrorClass.ORDER_BY_POS_OUT_OF_RANGE,
          SluiceException.params(
              "index", String.valueOf(ordinal), "size", String.valueOf(items.size())));
    }
    Expression item = exprs.expression(items.get(ordinal - 1));
    if (item instanceof Alias a) return PlanBuilder.attribute(a.name());
    return item;
  }

  private int limit(ExpressionContext ctx) {
    Expression e = exprs.expression(ctx);
    Integer n = ordinal(e);
    if (n == null) {
      throw SyntaxErrors.error(
          command,
          ctx.getStart(),
          ErrorClass.UNSUPPORTED_SQL_FEATURE,
          SluiceException.params(
              "feature",
              "LIMIT " + ctx.getText(),
              "hint",
              "The limit must be an integer literal."));
    }
    if (n < 0) {
      throw new AnalysisException(
          ErrorClass.INVALID_LIMIT_NEGATIVE,
          SluiceException.params("expr", "\"" + n + "\"", "name", "limit", "v", String.valueOf(n)));
    }
    return n;
  }
}
