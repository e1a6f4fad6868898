package io.sluice.sql.parser;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GroupingSets;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.expr.UnresolvedWindowExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.sql.parser.SluiceSqlParser.AggregationClauseContext;
import io.sluice.sql.parser.SluiceSqlParser.ExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.GroupByClauseContext;
import io.sluice.sql.parser.SluiceSqlParser.GroupingAnalyticsContext;
import io.sluice.sql.parser.SluiceSqlParser.GroupingElementContext;
import io.sluice.sql.parser.SluiceSqlParser.GroupingSetContext;
import io.sluice.sql.parser.SluiceSqlParser.NamedExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.NamedWindowContext;
import io.sluice.sql.parser.SluiceSqlParser.QueryOrganizationContext;
import io.sluice.sql.parser.SluiceSqlParser.QuerySpecificationContext;
import io.sluice.sql.parser.SluiceSqlParser.SortItemContext;
import io.sluice.sql.parser.SluiceSqlParser.WindowClauseContext;
import io.sluice.sql.parser.SluiceSqlParser.WindowDefContext;
import io.sluice.sql.parser.SluiceSqlParser.WindowRefContext;
import io.sluice.types.IntegerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    Map<String, WindowDefContext> windows = windowDefinitions(ctx.windowClause());
    List<NamedExpression> list = new ArrayList<>(items.size());
    for (NamedExpressionContext item : items) {
      list.add(PlanBuilder.named(withWindows(exprs.expression(item), windows)));
    }
    AggregationClauseContext agg = ctx.aggregationClause();
    if (agg != null) {
      plan = new Aggregate(grouping(agg, list), list, plan);
    } else if (ctx.having != null) {
      plan = new Aggregate(List.of(), list, plan);
    } else {
      plan = new Project(list, plan);
    }
    if (ctx.having != null) {
      plan = new Filter(withWindows(exprs.expression(ctx.having), windows), plan);
    }
    if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
      plan = new Distinct(plan);
    }
    return plan;
  }

  /**
   * The {@code WINDOW} clause: window definitions by lower-case name; a name defined as another
   * name ({@code w2 AS w1}) stands for that one's definition.
   */
  private static Map<String, WindowDefContext> windowDefinitions(WindowClauseContext clause) {
    Map<String, WindowDefContext> out = new HashMap<>();
    if (clause == null) return out;
    Map<String, String> refs = new HashMap<>();
    for (NamedWindowContext w : clause.namedWindow()) {
      String name = Names.identifier(w.name).toLowerCase(Locale.ROOT);
      if (w.windowSpec() instanceof WindowDefContext d) {
        out.put(name, d);
      } else {
        refs.put(name, Names.identifier(((WindowRefContext) w.windowSpec()).name));
      }
    }
    for (Map.Entry<String, String> r : refs.entrySet()) {
      WindowDefContext d = out.get(r.getValue().toLowerCase(Locale.ROOT));
      if (d == null) throw missingWindow(r.getValue());
      out.put(r.getKey(), d);
    }
    return out;
  }

  /** {@code f OVER w} with the definition of {@code w} substituted. */
  private Expression withWindows(Expression e, Map<String, WindowDefContext> windows) {
    return e.transformUp(
        x -> {
          if (!(x instanceof UnresolvedWindowExpression u)) return x;
          WindowDefContext d = windows.get(u.windowName().toLowerCase(Locale.ROOT));
          if (d == null) throw missingWindow(u.windowName());
          return exprs.window(u.function(), d);
        });
  }

  private static AnalysisException missingWindow(String name) {
    return new AnalysisException(
        ErrorClass.MISSING_WINDOW_SPECIFICATION,
        SluiceException.params(
            "windowName", name, "docroot", "https://spark.apache.org/docs/latest"));
  }

  /**
   * Grouping expressions; {@code GROUP BY ALL} is the name {@code ALL}, which the analyzer turns
   * into the select items without aggregates when no column has that name. With {@code GROUPING
   * SETS}, {@code ROLLUP} or {@code CUBE} (or {@code WITH ROLLUP|CUBE}) the grouping is one {@link
   * GroupingSets}: the product of each clause's sets (a plain key is the one set of itself).
   */
  private List<Expression> grouping(AggregationClauseContext agg, List<NamedExpression> list) {
    if (agg.groupByClause().isEmpty()) return List.of(new UnresolvedAttribute(List.of("ALL")));
    boolean analytics = agg.kind != null;
    for (GroupByClauseContext c : agg.groupByClause()) analytics |= c.groupingAnalytics() != null;
    if (!analytics) {
      List<Expression> out = new ArrayList<>();
      for (GroupByClauseContext c : agg.groupByClause()) out.add(key(c.expression(), list));
      return out;
    }
    List<List<List<Expression>>> perClause = new ArrayList<>();
    if (agg.kind != null) {
      List<List<Expression>> singles = new ArrayList<>();
      for (GroupByClauseContext c : agg.groupByClause()) {
        singles.add(List.of(key(c.expression(), list)));
      }
      perClause.add(analytics(agg.kind.getType(), singles));
    } else {
      for (GroupByClauseContext c : agg.groupByClause()) {
        perClause.add(
            c.groupingAnalytics() != null
                ? sets(c.groupingAnalytics(), list)
                : List.of(List.of(key(c.expression(), list))));
      }
    }
    List<List<Expression>> sets = List.of(List.of());
    for (List<List<Expression>> clause : perClause) {
      List<List<Expression>> product = new ArrayList<>();
      for (List<Expression> left : sets) {
        for (List<Expression> right : clause) {
          List<Expression> both = new ArrayList<>(left);
          both.addAll(right);
          product.add(both);
        }
      }
      sets = product;
    }
    return List.of(indexed(sets));
  }

  /** The distinct expressions of the sets, in order, and each set as positions among them. */
  private static GroupingSets indexed(List<List<Expression>> sets) {
    List<Expression> distinct = new ArrayList<>();
    List<List<Integer>> positions = new ArrayList<>();
    for (List<Expression> set : sets) {
      List<Integer> p = new ArrayList<>();
      for (Expression e : set) {
        int i = distinct.indexOf(e);
        if (i < 0) {
          i = distinct.size();
          distinct.add(e);
        }
        if (!p.contains(i)) p.add(i);
      }
      positions.add(p);
    }
    return new GroupingSets(distinct, positions);
  }

  private List<List<Expression>> sets(GroupingAnalyticsContext ctx, List<NamedExpression> list) {
    if (ctx.GROUPING() != null) {
      List<List<Expression>> out = new ArrayList<>();
      for (GroupingElementContext e : ctx.groupingElement()) {
        if (e.groupingAnalytics() != null) {
          out.addAll(sets(e.groupingAnalytics(), list));
        } else {
          out.add(set(e.groupingSet(), list));
        }
      }
      return out;
    }
    List<List<Expression>> elements = new ArrayList<>();
    for (GroupingSetContext g : ctx.groupingSet()) elements.add(set(g, list));
    return analytics(ctx.kind.getType(), elements);
  }

  /**
   * {@code ROLLUP(e1..en)}: the prefixes, longest first; {@code CUBE(e1..en)}: every subset, in
   * Spark's order ({@code (a, b), (a), (b), ()}).
   */
  private static List<List<Expression>> analytics(int kind, List<List<Expression>> elements) {
    List<List<Expression>> out = new ArrayList<>();
    if (kind == SluiceSqlParser.ROLLUP) {
      for (int k = elements.size(); k >= 0; k--) {
        List<Expression> prefix = new ArrayList<>();
        for (List<Expression> e : elements.subList(0, k)) prefix.addAll(e);
        out.add(prefix);
      }
      return out;
    }
    if (elements.isEmpty()) return List.of(List.of());
    List<List<Expression>> rest = analytics(kind, elements.subList(1, elements.size()));
    for (List<Expression> r : rest) {
      List<Expression> with = new ArrayList<>(elements.get(0));
      with.addAll(r);
      out.add(with);
    }
    out.addAll(rest);
    return out;
  }

  private List<Expression> set(GroupingSetContext ctx, List<NamedExpression> list) {
    List<Expression> out = new ArrayList<>();
    for (ExpressionContext e : ctx.expression()) out.add(key(e, list));
    return out;
  }

  /** A grouping key; an integer literal is the select item at that (1-based) position. */
  private Expression key(ExpressionContext ctx, List<NamedExpression> list) {
    Expression g = exprs.expression(ctx);
    Integer ordinal = ordinal(g);
    if (ordinal == null) return g;
    if (list.stream().anyMatch(x -> x instanceof UnresolvedStar)) {
      throw new AnalysisException(ErrorClass.STAR_GROUP_BY_POS, SluiceException.params());
    }
    if (ordinal < 1 || ordinal > list.size()) {
      throw new AnalysisException(
          ErrorClass.GROUP_BY_POS_OUT_OF_RANGE,
          SluiceException.params(
              "index", String.valueOf(ordinal), "size", String.valueOf(list.size())));
    }
    return unaliased(list.get(ordinal - 1));
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
