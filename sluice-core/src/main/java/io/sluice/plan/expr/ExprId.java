package io.sluice.plan.expr;

import java.util.concurrent.atomic.AtomicLong;

/** Issues unique ids for named expressions; ids tell apart same-named columns (self-joins). */
public final class ExprId {
  private static final AtomicLong NEXT = new AtomicLong();

  private ExprId() {}

  public static long next() {
    return NEXT.incrementAndGet();
  }
}
