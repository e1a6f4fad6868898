package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Each input row becomes one row per projection (Spark's {@code Expand}): the analyzer builds it
 * under the aggregation of {@code GROUPING SETS}, {@code ROLLUP} and {@code CUBE}, one projection
 * per grouping set, nulling the grouping columns not in the set and tagging the row with the set's
 * grouping id; and for sliding time windows, one projection per window a row may fall into.
 *
 * @param projections one list of expressions per output row, each as long as {@code output}
 * @param output the columns, positionally those of every projection
 * @param child the input
 */
public record Expand(
    List<List<Expression>> projections, List<AttributeReference> output, LogicalPlan child)
    implements UnaryNode {
  public Expand {
    List<List<Expression>> copy = new ArrayList<>();
    for (List<Expression> p : projections) copy.add(List.copyOf(p));
    projections = List.copyOf(copy);
    output = List.copyOf(output);
  }

  @Override
  public Expand withChild(LogicalPlan c) {
    return new Expand(projections, output, c);
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>();
    for (List<Expression> p : projections) all.addAll(p);
    return all;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<List<Expression>> next = new ArrayList<>();
    for (List<Expression> p : projections) {
      List<Expression> row = new ArrayList<>(p.size());
      for (Expression e : p) row.add(f.apply(e));
      next.add(row);
    }
    return new Expand(next, output, child);
  }

  @Override
  public String argString() {
    return projections + ", " + LogicalPlan.bracket(output);
  }
}
