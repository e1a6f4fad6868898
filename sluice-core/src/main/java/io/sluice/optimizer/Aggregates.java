package io.sluice.optimizer;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Expression;

/** Questions about aggregate expressions. */
final class Aggregates {
  private Aggregates() {}

  static boolean containsAggregate(Expression e) {
    return e.exists(x -> x instanceof AggregateCall);
  }
}
