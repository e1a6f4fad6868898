package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** {@code session.range(start, end, step, numPartitions)}: one bigint column {@code id}. */
public record Range(long start, long end, long step, int numPartitions, AttributeReference id)
    implements LeafNode {

  public Range {
    if (step == 0) throw new IllegalArgumentException("The step of range must not be 0");
  }

  /** Number of values produced. */
  public long count() {
    if ((step > 0 && start >= end) || (step < 0 && start <= end)) return 0;
    java.math.BigInteger span =
        java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
    java.math.BigInteger[] qr = span.divideAndRemainder(java.math.BigInteger.valueOf(step));
    long n = qr[0].longValueExact();
    return qr[1].signum() == 0 ? n : n + 1;
  }

  @Override
  public List<AttributeReference> output() {
    return List.of(id);
  }

  @Override
  public String argString() {
    return "(" + start + ", " + end + ", step=" + step + ", splits=" + numPartitions + ")";
  }
}
