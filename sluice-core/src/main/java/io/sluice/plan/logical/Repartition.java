package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Changes the partitioning: {@code repartition(n[, cols])} shuffles (by hash of {@code
 * partitionExpressions}, or round-robin when empty); {@code coalesce(n)} merges partitions without
 * a shuffle ({@code shuffle == false}).
 */
public record Repartition(
    int numPartitions, boolean shuffle, List<Expression> partitionExpressions, LogicalPlan child)
    implements UnaryNode {
  public Repartition {
    partitionExpressions = List.copyOf(partitionExpressions);
  }

  @Override
  public Repartition withChild(LogicalPlan c) {
    return new Repartition(numPartitions, shuffle, partitionExpressions, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<Expression> expressions() {
    return partitionExpressions;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<Expression> next = new ArrayList<>();
    for (Expression e : partitionExpressions) next.add(f.apply(e));
    return new Repartition(numPartitions, shuffle, next, child);
  }

  @Override
  public String nodeName() {
    return partitionExpressions.isEmpty() ? "Repartition" : "RepartitionByExpression";
  }

  @Override
  public String argString() {
    return partitionExpressions.isEmpty()
        ? numPartitions + ", " + shuffle
        : LogicalPlan.bracket(partitionExpressions) + ", " + numPartitions;
  }
}
