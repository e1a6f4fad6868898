package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code dropDuplicatesWithinWatermark(cols)}: on a stream with a watermark, keeps the first row of
 * each key and drops later rows with the same key until the watermark passes the first row's event
 * time plus the watermark delay; on a batch DataFrame, the same as {@link Deduplicate}.
 */
public record DeduplicateWithinWatermark(List<AttributeReference> keys, LogicalPlan child)
    implements UnaryNode {
  public DeduplicateWithinWatermark {
    keys = List.copyOf(keys);
  }

  @Override
  public DeduplicateWithinWatermark withChild(LogicalPlan c) {
    return new DeduplicateWithinWatermark(keys, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<Expression> expressions() {
    return new ArrayList<>(keys);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<AttributeReference> next = new ArrayList<>();
    for (AttributeReference k : keys) next.add((AttributeReference) f.apply(k));
    return new DeduplicateWithinWatermark(next, child);
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(keys);
  }
}
