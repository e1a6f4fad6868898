package io.sluice.optimizer;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Exists;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.InSubquery;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.ScalarSubquery;
import io.sluice.plan.logical.SubqueryExpression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces subquery expressions by joins, as Spark's {@code RewritePredicateSubquery} and {@code
 * RewriteCorrelatedScalarSubquery} do (Spark runs uncorrelated scalar subqueries separately; a join
 * with their one row gives the same result). Correlated conditions become join conditions ({@link
 * Decorrelation}).
 *
 * <ul>
 *   <li>A condition {@code EXISTS (q)} of a filter is a left semi join with {@code q}, {@code NOT
 *       EXISTS} a left anti join; {@code v IN (q)} a left semi join on {@code v = c}, {@code NOT (v
 *       IN (q))} a left anti join on {@code v = c OR (v = c) IS NULL} (a null on either side
 *       discards the row, as SQL's {@code NOT IN} does); for one uncorrelated column a hash anti
 *       join, then a count of {@code q}'s rows and nulls decides about nulls.
 *   <li>A scalar subquery is a left outer join with {@code q}, whose column replaces it: {@code q}
 *       is one row when it aggregates without grouping, one row per correlated value when it is
 *       correlated (a count over no row is then restored to 0 rather than null); any other {@code
 *       q} is first counted, and more than one row fails with {@code
 *       SCALAR_SUBQUERY_TOO_MANY_ROWS}. An uncorrelated {@code EXISTS} elsewhere is the scalar
 *       subquery {@code count(1) > 0} over {@code q LIMIT 1}.
 * </ul>
 *
 * <pre>{@code
 * Filter exists [k#1]                        Join LeftSemi, (k#3 = k#1)
 * +- Relation t [k#1, v#2]            =>     :- Relation t [k#1, v#2]
 *   (subquery: Project [1]                   +- Project [1 AS 1#5, k#3]
 *              +- Filter (k#3 = outer(k#1))     +- Relation u [k#3]
 *                 +- Relation u [k#3])
 * }</pre>
 */
public final class RewriteSubqueries implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(this::rewrite);
  }

  private LogicalPlan rewrite(LogicalPlan p) {
    if (!hasSubquery(p)) return p;
    if (p instanceof Filter f) return rewriteFilter(f);
    return rewriteValues(p);
  }

  private static boolean hasSubquery(LogicalPlan p) {
    for (Expression e : p.expressions()) {
      if (e.exists(x -> x instanceof SubqueryExpression)) return true;
    }
    return false;
  }

  /** The subquery's plan ready to join: its own subqueries rewritten, aliases dropped. */
  private LogicalPlan prepare(LogicalPlan q) {
    return new EliminateSubqueryAliases().apply(apply(q));
  }

  // ---------------------------------------------------------------- filters

  private LogicalPlan rewriteFilter(Filter f) {
    List<Expression> predicates = new ArrayList<>();
    List<Expression> rest = new ArrayList<>();
    for (Expression c : Conjuncts.split(f.condition())) {
      Expression inner = c instanceof Not n ? n.child() : c;
      if (inner instanceof Exists || inner instanceof InSubquery) {
        predicates.add(c);
      } else {
        rest.add(c);
      }
    }
    LogicalPlan plan = f.child();
    if (!rest.isEmpty()) plan = rewriteValues(new Filter(Conjuncts.and(rest), plan));
    for (Expression c : predicates) plan = predicateJoin(plan, c);
    return plan;
  }

  private LogicalPlan predicateJoin(LogicalPlan left, Expression predicate) {
    boolean not = predicate instanceof Not;
    SubqueryExpression s = (SubqueryExpression) (not ? ((Not) predicate).child() : predicate);
    LogicalPlan q = prepare(s.plan());
    List<AttributeReference> columns = q.output();
    if (not && s instanceof InSubquery in && in.values().size() == 1 && !s.correlated()) {
      return notInByHash(left, in.values().get(0), q);
    }
    Decorrelation.Result d = Decorrelation.pullUp(q);
    List<Expression> conditions = new ArrayList<>();
    if (s instanceof InSubquery in) {
      List<Expression> equalities = new ArrayList<>();
      for (int i = 0; i < in.values().size(); i++) {
        equalities.add(new Comparison(Comparison.Op.EQ, in.values().get(i), columns.get(i)));
      }
      Expression match = Conjuncts.and(equalities);
      conditions.add(not ? new Or(match, new IsNull(match)) : match);
    }
    conditions.addAll(d.conditions());
    Expression condition = Decorrelation.unwrapOuter(Conjuncts.and(conditions));
    JoinType type = not ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI;
    return new Join(left, d.plan(), type, condition, List.of());
  }

  /**
   * {@code v NOT IN (q)} for one uncorrelated column {@code c}, without comparing every pair: a
   * left anti join on {@code v = c} (hash keys), then a row is kept when {@code q} is empty, or
   * when {@code v} is not null and {@code c} never is (counted once over {@code q}).
   */
  private static LogicalPlan notInByHash(LogicalPlan left, Expression v, LogicalPlan q) {
    AttributeReference c = q.output().get(0);
    LogicalPlan anti =
        new Join(left, q, JoinType.LEFT_ANTI, new Comparison(Comparison.Op.EQ, v, c), List.of());
    Alias all =
        Alias.of(
            new AggregateCall(AggregateCall.Function.COUNT, List.of(Literal.of(1)), false), "all");
    Alias nonNull =
        Alias.of(new AggregateCall(AggregateCall.Function.COUNT, List.of(c), false), "nonnull");
    LogicalPlan counts = new Aggregate(List.of(), List.of(all, nonNull), q);
    LogicalPlan joined = new Join(anti, counts, JoinType.INNER, null, List.of());
    Expression empty = new Comparison(Comparison.Op.EQ, all.toAttribute(), Literal.of(0L));
    Expression noNull =
        new And(
            new IsNotNull(v),
            new Comparison(Comparison.Op.EQ, nonNull.toAttribute(), all.toAttribute()));
    LogicalPlan kept = new Filter(new Or(empty, noNull), joined);
    return new Project(new ArrayList<>(left.output()), kept);
  }

  // ---------------------------------------------------------------- values

  /**
   * Joins the subqueries of a projection, filter or aggregation to its input and reads their values
   * from the joined columns. The node's output does not change.
   */
  private LogicalPlan rewriteValues(LogicalPlan p) {
    LogicalPlan child = p.children().get(0);
    Map<SubqueryExpression, Expression> values = new IdentityHashMap<>();
    List<NamedExpression> computed = new ArrayList<>();
    for (Expression e : p.expressions()) {
      for (SubqueryExpression s : e.collect(SubqueryExpression.class)) {
        if (values.containsKey(s)) continue;
        ScalarSubquery scalar = s instanceof Exists x ? existsAsScalar(x) : (ScalarSubquery) s;
        Joined j = joinScalar(child, scalar);
        child = j.plan();
        Alias a = Alias.of(j.value(), "scalarsubquery()");
        computed.add(a);
        values.put(s, a.toAttribute());
      }
    }
    List<NamedExpression> list = new ArrayList<>(child.output());
    list.addAll(computed);
    LogicalPlan input = new Project(list, child);
    LogicalPlan next =
        p.mapExpressions(e -> e.transformUp(x -> values.getOrDefault(x, x)))
            .withChildren(List.of(input));
    if (next instanceof Aggregate a) return groupByValues(a, computed);
    if (next instanceof Filter) return new Project(new ArrayList<>(p.output()), next);
    return next;
  }

  /**
   * The joined values are constant (or a function of grouped columns, when correlated): read
   * outside aggregate functions they become grouping keys; without grouping keys they are read
   * through {@code first}.
   */
  private static LogicalPlan groupByValues(Aggregate a, List<NamedExpression> computed) {
    List<Expression> grouping = new ArrayList<>(a.groupingExpressions());
    if (!grouping.isEmpty()) {
      for (NamedExpression c : computed) grouping.add(c.toAttribute());
      return new Aggregate(grouping, a.aggregateExpressions(), a.child());
    }
    Map<Long, Expression> firsts = new java.util.HashMap<>();
    for (NamedExpression c : computed) {
      AttributeReference attr = c.toAttribute();
      firsts.put(
          attr.exprId(),
          new AggregateCall(AggregateCall.Function.FIRST, List.of(attr, Literal.FALSE), false));
    }
    List<NamedExpression> list = new ArrayList<>();
    for (NamedExpression e : a.aggregateExpressions()) {
      list.add((NamedExpression) outsideAggregates(e, firsts));
    }
    return new Aggregate(grouping, list, a.child());
  }

  private static Expression outsideAggregates(Expression e, Map<Long, Expression> replace) {
    if (e instanceof AggregateCall) return e;
    if (e instanceof AttributeReference r && replace.containsKey(r.exprId())) {
      return replace.get(r.exprId());
    }
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    List<Expression> next = new ArrayList<>(kids.size());
    for (Expression k : kids) next.add(outsideAggregates(k, replace));
    return next.equals(kids) ? e : e.withChildren(next);
  }

  /** {@code EXISTS (q)} as the scalar {@code count(1) > 0} over {@code q LIMIT 1}. */
  private static ScalarSubquery existsAsScalar(Exists x) {
    AggregateCall count =
        new AggregateCall(AggregateCall.Function.COUNT, List.of(Literal.of(1)), false);
    Alias any = Alias.of(new Comparison(Comparison.Op.GT, count, Literal.of(0L)), "exists");
    return new ScalarSubquery(new Aggregate(List.of(), List.of(any), new Limit(1, x.plan())));
  }

  private record Joined(LogicalPlan plan, Expression value) {}

  private Joined joinScalar(LogicalPlan left, ScalarSubquery s) {
    LogicalPlan q = prepare(s.plan());
    AttributeReference column = q.output().get(0);
    if (s.correlated()) return joinCorrelated(left, q, column);
    if (aggregatesToOneRow(q)) {
      return new Joined(new Join(left, q, JoinType.LEFT_OUTER, null, List.of()), column);
    }
    Alias value =
        Alias.of(
            new AggregateCall(AggregateCall.Function.FIRST, List.of(column, Literal.FALSE), false),
            column.name());
    Alias rows =
        Alias.of(
            new AggregateCall(AggregateCall.Function.COUNT, List.of(Literal.of(1)), false), "rows");
    LogicalPlan counted = new Aggregate(List.of(), List.of(value, rows), q);
    Expression checked =
        ScalarFunction.of(
            "scalar_subquery_value",
            List.of(rows.toAttribute(), value.toAttribute()),
            column.dataType(),
            true);
    return new Joined(new Join(left, counted, JoinType.LEFT_OUTER, null, List.of()), checked);
  }

  /** An aggregation without grouping keys (under projections): exactly one row. */
  private static boolean aggregatesToOneRow(LogicalPlan q) {
    LogicalPlan p = q;
    while (p instanceof Project pr) p = pr.child();
    return p instanceof Aggregate a && a.groupingExpressions().isEmpty();
  }

  /**
   * A correlated aggregating subquery: grouped by its correlated columns, joined on the
   * correlation. Rows without a match get what the aggregation gives over no row: null, except for
   * counts, which a marker column restores to their value over no row.
   */
  private static Joined joinCorrelated(LogicalPlan left, LogicalPlan q, AttributeReference column) {
    Decorrelation.Result d = Decorrelation.pullUp(q);
    LogicalPlan right = d.plan();
    Expression value = column;
    Expression overNoRow = overNoRow(right, column);
    if (overNoRow != null) {
      Alias marker = Alias.of(Literal.TRUE, "alwaysTrue");
      List<NamedExpression> list = new ArrayList<>(right.output());
      list.add(marker);
      right = new Project(list, right);
      value =
          new CaseWhen(
              List.of(new CaseWhen.Branch(new IsNull(marker.toAttribute()), overNoRow)), column);
    }
    Expression condition = Decorrelation.unwrapOuter(d.condition());
    return new Joined(new Join(left, right, JoinType.LEFT_OUTER, condition, List.of()), value);
  }

  /**
   * The value of {@code column} over no input row when it is not null (it reads a count), else
   * null: the expression defining it with each aggregate replaced by its value over no row.
   */
  private static Expression overNoRow(LogicalPlan q, AttributeReference column) {
    Expression definition = definition(q, column);
    if (definition == null) return null;
    boolean[] counts = {false};
    Expression e =
        definition.transformUp(
            x -> {
              if (!(x instanceof AggregateCall c)) return x;
              boolean count =
                  c.function() == AggregateCall.Function.COUNT
                      || c.function() == AggregateCall.Function.APPROX_COUNT_DISTINCT;
              counts[0] |= count;
              return count ? Literal.of(0L) : new Literal(null, c.dataType());
            });
    return counts[0] ? e : null;
  }

  /** The expression that defines {@code column} in {@code q}'s projections and aggregation. */
  private static Expression definition(LogicalPlan q, AttributeReference column) {
    List<NamedExpression> list;
    if (q instanceof Project p) {
      list = p.projectList();
    } else if (q instanceof Aggregate a) {
      list = a.aggregateExpressions();
    } else {
      return null;
    }
    for (NamedExpression e : list) {
      if (e.exprId() != column.exprId()) continue;
      Expression body = e instanceof Alias al ? al.child() : e;
      if (body instanceof AttributeReference r && q instanceof Project p) {
        return definition(p.child(), r);
      }
      return body;
    }
    return null;
  }
}
