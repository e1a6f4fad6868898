package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns every input row into one output row per projection, as Spark's {@code Expand}: the analyzer
 * builds it for sliding time windows (one projection per window a row may fall into). Every
 * projection gives one expression per {@code output} column, in order.
 *
 * @param projections the projections, each as long as {@code output}
 * @param output the columns produced
 * @param child the input
 */
public record Expand(
    List<List<Expression>> projections, List<AttributeReference> output, LogicalPlan child)
    implements UnaryNode {

  public Expand {
    List<List<Expression>> p = new ArrayList<>(projections.size());
    for (List<Expression> row : projections) {
      if (row.size() != output.size()) {
        throw new IllegalArgumentException("An Expand projection must give every output column");
      }
      p.add(List.copyOf(row));
    }
    projections = List.copyOf(p);
    output = List.copyOf(output);
  }

  @Override
  public Expand withChild(LogicalPlan c) {
    return new Expand(projections, output, c);
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>();
    for (List<Expression> row : projections) all.addAll(row);
    return all;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<List<Expression>> next = new ArrayList<>(projections.size());
    for (List<Expression> row : projections) {
      List<Expression> r = new ArrayList<>(row.size());
      for (Expression e : row) r.add(f.apply(e));
      next.add(r);
    }
    return new Expand(next, output, child);
  }

  @Override
  public String argString() {
    List<String> rows = new ArrayList<>();
    for (List<Expression> row : projections) rows.add(LogicalPlan.bracket(row));
    return "[" + String.join(", ", rows) + "], " + LogicalPlan.bracket(output);
  }
}
