package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GroupingFunction;
import io.sluice.plan.expr.GroupingSets;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spark's {@code ResolveGroupingAnalytics}: an aggregation by {@code GROUPING SETS}, {@code ROLLUP}
 * or {@code CUBE} becomes an aggregation over an {@link Expand} that repeats every input row once
 * per grouping set, with the grouping columns outside the set nulled and a grouping id ({@code
 * spark_grouping_id}: one bit per grouping column, set when the column is aggregated over, the
 * first column the most significant). The aggregation groups by the (nullable) grouping columns and
 * the id; select items read the grouping columns from the expansion, while aggregate functions read
 * the input's. {@code grouping(c)} and {@code grouping_id(...)} become arithmetic on the id.
 */
final class ResolveGroupingAnalytics implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveGroupingAnalytics(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  private static final String GROUPING_ID = "spark_grouping_id";

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if ((p instanceof Sort || p instanceof Filter)
              && p.children().get(0) instanceof Aggregate below
              && below.child() instanceof Expand
              && Plans.allResolved(p.expressions())
              && p.expressions().stream()
                  .anyMatch(x -> x.exists(GroupingFunction.class::isInstance))) {
            return pushGroupingFunctions(p, below);
          }
          if (!(p instanceof Aggregate a)) return p;
          if (a.groupingExpressions().size() == 1
              && a.groupingExpressions().get(0) instanceof GroupingSets g
              && ctx.readiness().childrenReady(a)
              && Plans.allResolved(g.groupBy())
              && Plans.allResolved(a.aggregateExpressions())) {
            return expand(a, g);
          }
          if (a.child() instanceof Expand e && hasGroupingFunction(a)) return regroup(a, e);
          return p;
        });
  }

  /**
   * {@code ORDER BY grouping(c)} or {@code HAVING grouping_id() = 0} over an expanded aggregation:
   * the aggregation computes the functions as extra columns, which the sort or filter reads and a
   * projection then drops.
   */
  private LogicalPlan pushGroupingFunctions(LogicalPlan p, Aggregate a) {
    List<NamedExpression> list = new ArrayList<>(a.aggregateExpressions());
    LogicalPlan next =
        p.mapExpressions(
            e ->
                e.transformUp(
                    x -> {
                      if (!(x instanceof GroupingFunction f)) return x;
                      Alias alias = Alias.of(f, f.sql());
                      list.add(alias);
                      return alias.toAttribute();
                    }));
    Aggregate extended = new Aggregate(a.groupingExpressions(), list, a.child());
    LogicalPlan regrouped = regroup(extended, (Expand) a.child());
    return new Project(new ArrayList<>(a.output()), next.withChildren(List.of(regrouped)));
  }

  private static boolean hasGroupingFunction(Aggregate a) {
    for (NamedExpression e : a.aggregateExpressions()) {
      if (e.exists(x -> x instanceof GroupingFunction)) return true;
    }
    return false;
  }

  /**
   * An expanded aggregation given grouping functions later (an {@code ORDER BY} or {@code HAVING}
   * reading {@code grouping(c)} adds it to the aggregation): they read the id likewise, the
   * grouping expressions recovered from the expansion's projections.
   */
  private LogicalPlan regroup(Aggregate a, Expand e) {
    List<Expression> grouping = a.groupingExpressions();
    int n = grouping.size() - 1;
    if (n < 0
        || !(grouping.get(n) instanceof AttributeReference gid)
        || !gid.name().equals(GROUPING_ID)) {
      return a;
    }
    int first = e.output().size() - 1 - n;
    List<Expression> groupBy = new ArrayList<>();
    List<AttributeReference> columns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      columns.add(e.output().get(first + i));
      Expression original = null;
      for (List<Expression> row : e.projections()) {
        Expression x = row.get(first + i);
        if (!(x instanceof Literal l && l.value() == null)) original = x;
      }
      groupBy.add(original == null ? columns.get(i) : original);
    }
    List<NamedExpression> list = new ArrayList<>();
    for (NamedExpression x : a.aggregateExpressions()) {
      list.add((NamedExpression) replace(x, groupBy, columns, gid));
    }
    return new Aggregate(grouping, list, e);
  }

  private LogicalPlan expand(Aggregate a, GroupingSets g) {
    List<Expression> groupBy = g.groupBy();
    int n = groupBy.size();
    List<AttributeReference> input = a.child().output();
    List<AttributeReference> columns = new ArrayList<>();
    for (Expression e : groupBy) {
      String name = e instanceof NamedExpression ne ? ne.name() : e.sql();
      columns.add(Alias.of(e, name).toAttribute().withNullability(true));
    }
    AttributeReference gid = AttributeReference.create(GROUPING_ID, DataTypes.LongType, false);
    List<AttributeReference> output = new ArrayList<>(input);
    output.addAll(columns);
    output.add(gid);
    List<List<Expression>> projections = new ArrayList<>();
    for (List<Integer> set : g.sets()) {
      Set<Integer> in = new HashSet<>(set);
      List<Expression> row = new ArrayList<>(input);
      long bits = 0;
      for (int i = 0; i < n; i++) {
        Expression e = groupBy.get(i);
        row.add(in.contains(i) ? e : new Literal(null, e.dataType()));
        if (!in.contains(i)) bits |= 1L << (n - 1 - i);
      }
      row.add(Literal.of(bits));
      projections.add(row);
    }
    Expand expand = new Expand(projections, output, a.child());
    List<Expression> grouping = new ArrayList<>(columns);
    grouping.add(gid);
    List<NamedExpression> list = new ArrayList<>();
    for (NamedExpression e : a.aggregateExpressions()) {
      list.add((NamedExpression) replace(e, groupBy, columns, gid));
    }
    return new Aggregate(grouping, list, expand);
  }

  /** Grouping columns outside aggregate functions read the expansion; grouping functions the id. */
  private Expression replace(
      Expression e, List<Expression> groupBy, List<AttributeReference> columns, Expression gid) {
    if (e instanceof AggregateCall) return e;
    if (e instanceof GroupingFunction f) return groupingValue(f, groupBy, columns, gid);
    if (!(e instanceof Alias)) {
      for (int i = 0; i < groupBy.size(); i++) {
        if (Canonical.semanticEquals(e, groupBy.get(i))) return columns.get(i);
      }
    }
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    List<Expression> next = new ArrayList<>(kids.size());
    for (Expression k : kids) next.add(replace(k, groupBy, columns, gid));
    return next.equals(kids) ? e : e.withChildren(next);
  }

  /**
   * {@code grouping(c)}: bit {@code n - 1 - i} of the id as a tinyint; {@code grouping_id(c1..ck)}:
   * the bits of those columns in that order ({@code grouping_id()} is the id itself).
   */
  private Expression groupingValue(
      GroupingFunction f,
      List<Expression> groupBy,
      List<AttributeReference> columns,
      Expression gid) {
    int n = groupBy.size();
    if (f.id() && f.arguments().isEmpty()) return gid;
    List<Expression> args = f.arguments();
    Expression result = null;
    for (int j = 0; j < args.size(); j++) {
      int i = indexOf(args.get(j), groupBy, columns);
      Expression bit = bit(gid, n - 1 - i);
      if (!f.id()) return Cast.implicit(bit, DataTypes.ByteType, EvalMode.ANSI);
      Expression shifted = times(bit, 1L << (args.size() - 1 - j));
      result = result == null ? shifted : arithmetic(BinaryArithmetic.Op.ADD, result, shifted);
    }
    return result;
  }

  private int indexOf(Expression arg, List<Expression> groupBy, List<AttributeReference> columns) {
    for (int i = 0; i < groupBy.size(); i++) {
      if (Canonical.semanticEquals(arg, groupBy.get(i))) return i;
      if (columns != null
          && arg instanceof AttributeReference r
          && r.exprId() == columns.get(i).exprId()) {
        return i;
      }
    }
    throw QueryErrors.error(
        ErrorClass.GROUPING_COLUMN_MISMATCH,
        "grouping",
        QueryErrors.toSQLExpr(arg),
        "groupingColumns",
        String.join(", ", groupBy.stream().map(QueryErrors::toSQLExpr).toList()));
  }

  /** {@code (gid div 2^k) % 2}. */
  private static Expression bit(Expression gid, int k) {
    Expression shifted =
        k == 0 ? gid : arithmetic(BinaryArithmetic.Op.INTEGRAL_DIVIDE, gid, Literal.of(1L << k));
    return arithmetic(BinaryArithmetic.Op.REMAINDER, shifted, Literal.of(2L));
  }

  private static Expression times(Expression e, long factor) {
    return factor == 1 ? e : arithmetic(BinaryArithmetic.Op.MULTIPLY, e, Literal.of(factor));
  }

  private static Expression arithmetic(BinaryArithmetic.Op op, Expression l, Expression r) {
    return new BinaryArithmetic(op, l, r, EvalMode.ANSI);
  }
}
