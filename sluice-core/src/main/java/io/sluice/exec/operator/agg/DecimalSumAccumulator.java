package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sum} and {@code avg} of decimals. Sums are exact 128-bit integers of unscaled values (two
 * {@code long} arrays), so decimals of up to 18 digits add without objects. A sum that does not fit
 * the result precision is an overflow: an error in ANSI mode, else null, as in Spark.
 *
 * <p>Buffers: the sum as {@code decimal(p + 10, s)} (null after an overflow) and, for sum, an "is
 * empty" flag, for avg, the count.
 */
final class DecimalSumAccumulator extends Accumulator {
  private final DecimalType sumType;
  private final DecimalType resultType;
  private final boolean average;
  private final boolean ansi;
  private final BigInteger sumBound;
  private long[] hi = new long[16];
  private long[] lo = new long[16];
  private long[] counts = new long[16];
  private boolean[] overflow = new boolean[16];

  DecimalSumAccumulator(DecimalType inputType, boolean average, boolean ansi) {
    this.sumType = (DecimalType) AggregateCall.sumType(inputType);
    this.resultType = average ? (DecimalType) AggregateCall.avgType(inputType) : sumType;
    this.average = average;
    this.ansi = ansi;
    this.sumBound = BigInteger.TEN.pow(sumType.precision());
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(sumType, average ? DataTypes.LongType : DataTypes.BooleanType);
  }

  @Override
  public DataType resultType() {
    return resultType;
  }

  @Override
  public void grow(int groups) {
    if (groups > hi.length) {
      int len = grownLength(hi.length, groups);
      hi = Arrays.copyOf(hi, len);
      lo = Arrays.copyOf(lo, len);
      counts = Arrays.copyOf(counts, len);
      overflow = Arrays.copyOf(overflow, len);
    }
  }

  @Override
  public void copyGroup(int from, int to) {
    hi[to] = hi[from];
    lo[to] = lo[from];
    counts[to] = counts[from];
    overflow[to] = overflow[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    DecimalVector v = (DecimalVector) args[0];
    boolean[] nulls = v.nulls();
    if (v.isCompact()) {
      long[] x = v.unscaled();
      long[] h = hi;
      long[] l = lo;
      long[] c = counts;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        int g = groupIds[i];
        long a = l[g];
        long b = x[i];
        long sum = a + b;
        // carry out of the low word when the unsigned sum wrapped
        h[g] += (b >> 63) + (Long.compareUnsigned(sum, a) < 0 ? 1 : 0);
        l[g] = sum;
        c[g]++;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        int g = groupIds[i];
        addBig(g, v.getDecimal(i).unscaledValue());
        counts[g]++;
      }
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    DecimalVector sums = (DecimalVector) buffers[0];
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      long count;
      if (average) {
        count = ((LongVector) buffers[1]).get(i);
      } else {
        count = ((BooleanVector) buffers[1]).get(i) ? 0 : 1;
      }
      if (count == 0) continue;
      counts[g] += count;
      if (sums.isNullAt(i)) {
        overflow[g] = true;
      } else if (sums.isCompact()) {
        addBig(g, BigInteger.valueOf(sums.unscaled()[i]));
      } else {
        addBig(g, sums.getDecimal(i).unscaledValue());
      }
    }
  }

  private void addBig(int g, BigInteger x) {
    BigInteger sum = toBig(g).add(x);
    if (sum.bitLength() > 126) {
      overflow[g] = true;
      return;
    }
    lo[g] = sum.longValue();
    hi[g] = sum.shiftRight(64).longValue();
  }

  private BigInteger toBig(int g) {
    long l = lo[g];
    long h = hi[g];
    if (h == (l >> 63)) return BigInteger.valueOf(l);
    BigInteger low = BigInteger.valueOf(l >>> 1).shiftLeft(1).or(BigInteger.valueOf(l & 1));
    return BigInteger.valueOf(h).shiftLeft(64).or(low);
  }

  /** The group's sum, or null after an overflow (raised in ANSI mode). */
  private BigDecimal sum(int g) {
    if (overflow[g]) {
      if (ansi) throw AggregateErrors.decimalSumOverflow();
      return null;
    }
    BigInteger u = toBig(g);
    if (u.abs().compareTo(sumBound) >= 0) {
      if (ansi) throw AggregateErrors.decimalSumOverflow();
      overflow[g] = true;
      return null;
    }
    return new BigDecimal(u, sumType.scale());
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    int n = to - from;
    DecimalVector s = new DecimalVector(sumType, n);
    ColumnVector second =
        average
            ? new LongVector(DataTypes.LongType, n)
            : new BooleanVector(DataTypes.BooleanType, n);
    for (int g = from; g < to; g++) {
      BigDecimal v = counts[g] == 0 ? BigDecimal.ZERO : sum(g);
      s.append(v);
      if (average) {
        ((LongVector) second).append(counts[g]);
      } else {
        ((BooleanVector) second).append(counts[g] == 0);
      }
    }
    return new ColumnVector[] {s, second};
  }

  @Override
  public ColumnVector result(int from, int to) {
    DecimalVector out = new DecimalVector(resultType, to - from);
    for (int g = from; g < to; g++) {
      if (counts[g] == 0) {
        out.appendNull();
        continue;
      }
      BigDecimal s = sum(g);
      if (s == null || !average) {
        out.append(s);
      } else {
        out.append(
            s.divide(BigDecimal.valueOf(counts[g]), resultType.scale(), RoundingMode.HALF_UP));
      }
    }
    return out;
  }
}
