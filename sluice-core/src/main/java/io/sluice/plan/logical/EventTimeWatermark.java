package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * {@code withWatermark(eventTime, delay)}: rows pass unchanged, and the streaming runtime tracks
 * the largest {@code eventTime} seen, so the watermark after a batch is that maximum minus {@code
 * delayMs}. Stateful operators above drop rows older than the watermark and evict state.
 */
public record EventTimeWatermark(Expression eventTime, long delayMs, LogicalPlan child)
    implements UnaryNode {

  @Override
  public EventTimeWatermark withChild(LogicalPlan c) {
    return new EventTimeWatermark(eventTime, delayMs, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<Expression> expressions() {
    return List.of(eventTime);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    return new EventTimeWatermark(f.apply(eventTime), delayMs, child);
  }

  @Override
  public String argString() {
    return eventTime + ", " + delayMs + " milliseconds";
  }
}
