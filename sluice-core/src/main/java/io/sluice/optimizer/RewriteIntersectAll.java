package io.sluice.optimizer;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code INTERSECT ALL} as Spark does: a row that appears {@code m} times on the left and
 * {@code n} times on the right appears {@code min(m, n)} times in the result. Left rows carry a
 * non-null first tag, right rows a non-null second; counting each tag per distinct row (nulls group
 * together) gives {@code m} and {@code n}, rows present on both sides are kept and repeated the
 * smaller count.
 *
 * <pre>{@code
 * Intersect All               Project [a#1]
 * :- Relation [a#1]      =>   +- Generate replicaterows(min_count#9), [a#1]
 * +- Relation [b#2]              +- Project [CASE WHEN (vcol1_count#7 > vcol2_count#8)
 *                                   THEN vcol2_count#8 ELSE vcol1_count#7 END AS min_count#9, a#1]
 *                                   +- Filter ((vcol1_count#7 >= 1) AND (vcol2_count#8 >= 1))
 *                                      +- Aggregate [a#1], [count(vcol1#3) AS vcol1_count#7,
 *                                         count(vcol2#4) AS vcol2_count#8, a#1]
 *                                         +- Union
 *                                            :- Project [true AS vcol1#3, null AS vcol2#4, a#1]
 *                                            +- Project [null AS vcol1#5, true AS vcol2#6, b#2]
 * }</pre>
 */
public final class RewriteIntersectAll implements Rule {
  private static final Literal NO = new Literal(null, DataTypes.BooleanType);

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof Intersect i && i.isAll() ? rewrite(i) : p);
  }

  private static LogicalPlan rewrite(Intersect i) {
    LogicalPlan left =
        SetOperations.tagged(
            List.of(Alias.of(Literal.TRUE, "vcol1"), Alias.of(NO, "vcol2")), i.left());
    LogicalPlan right =
        SetOperations.tagged(
            List.of(Alias.of(NO, "vcol1"), Alias.of(Literal.TRUE, "vcol2")), i.right());
    Union union = new Union(List.of(left, right), false, false);
    List<AttributeReference> out = union.output();
    List<AttributeReference> columns = out.subList(2, out.size());
    Alias leftCount = count(out.get(0), "vcol1_count");
    Alias rightCount = count(out.get(1), "vcol2_count");
    List<NamedExpression> aggregates = new ArrayList<>(List.of(leftCount, rightCount));
    aggregates.addAll(columns);
    LogicalPlan agg = new Aggregate(new ArrayList<Expression>(columns), aggregates, union);
    AttributeReference m = leftCount.toAttribute();
    AttributeReference n = rightCount.toAttribute();
    LogicalPlan onBothSides = new Filter(new And(atLeastOne(m), atLeastOne(n)), agg);
    Alias minCount =
        Alias.of(
            new CaseWhen(
                List.of(new CaseWhen.Branch(new Comparison(Comparison.Op.GT, m, n), n)), m),
            "min_count");
    List<NamedExpression> list = new ArrayList<>(List.of(minCount));
    list.addAll(columns);
    LogicalPlan counted = new Project(list, onBothSides);
    return SetOperations.replicate(minCount.toAttribute(), i.output(), counted);
  }

  private static Alias count(AttributeReference tag, String name) {
    return Alias.of(new AggregateCall(AggregateCall.Function.COUNT, List.of(tag), false), name);
  }

  private static Expression atLeastOne(AttributeReference count) {
    return new Comparison(Comparison.Op.GE, count, Literal.of(1L));
  }
}
