package io.sluice.optimizer;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Union;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code EXCEPT ALL} as Spark does: a row that appears {@code m} times on the left and {@code
 * n} times on the right appears {@code m - n} times in the result. Left rows are tagged {@code 1},
 * right rows {@code -1}; the tags are summed per distinct row (nulls group together) and the rows
 * with a positive sum are repeated that many times.
 *
 * <pre>{@code
 * Except All                   Project [a#1]
 * :- Relation [a#1]       =>   +- Generate replicaterows(sum_val#7), [a#1]
 * +- Relation [b#2]               +- Filter (sum_val#7 > 0)
 *                                    +- Aggregate [a#1], [a#1, sum(vcol#5) AS sum_val#7]
 *                                       +- Union
 *                                          :- Project [1 AS vcol#5, a#1]
 *                                          :  +- Relation [a#1]
 *                                          +- Project [-1 AS vcol#6, b#2]
 *                                             +- Relation [b#2]
 * }</pre>
 */
public final class RewriteExceptAll implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof Except e && e.isAll() ? rewrite(e) : p);
  }

  private static LogicalPlan rewrite(Except e) {
    LogicalPlan left = SetOperations.tagged(List.of(Alias.of(Literal.of(1L), "vcol")), e.left());
    LogicalPlan right = SetOperations.tagged(List.of(Alias.of(Literal.of(-1L), "vcol")), e.right());
    Union union = new Union(List.of(left, right), false, false);
    List<AttributeReference> out = union.output();
    List<AttributeReference> columns = out.subList(1, out.size());
    Alias sum =
        Alias.of(
            new AggregateCall(AggregateCall.Function.SUM, List.of(out.get(0)), false), "sum_val");
    List<NamedExpression> aggregates = new ArrayList<>(columns);
    aggregates.add(sum);
    LogicalPlan agg = new Aggregate(new ArrayList<Expression>(columns), aggregates, union);
    AttributeReference sumVal = sum.toAttribute();
    LogicalPlan positive =
        new Filter(new Comparison(Comparison.Op.GT, sumVal, Literal.of(0L)), agg);
    return SetOperations.replicate(sumVal, e.output(), positive);
  }
}
