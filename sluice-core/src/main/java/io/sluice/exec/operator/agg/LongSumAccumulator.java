package io.sluice.exec.operator.agg;

import io.sluice.exec.operator.hash.LongCodec;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import io.sluice.types.YearMonthIntervalType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sum} of integral values (result bigint) and of ANSI intervals (result the interval type).
 * Overflow raises {@code ARITHMETIC_OVERFLOW} in ANSI mode (always for intervals) and wraps around
 * otherwise, as Spark does.
 */
final class LongSumAccumulator extends Accumulator {
  private final LongCodec inputCodec;
  private final DataType resultType;
  private final LongCodec resultCodec;
  private final boolean checked;
  private final boolean monthsInterval;
  private long[] sums = new long[16];
  private boolean[] has = new boolean[16];
  private long[] scratch;

  LongSumAccumulator(DataType inputType, DataType resultType, boolean checked) {
    this.inputCodec = LongCodec.forType(inputType);
    this.resultType = resultType;
    this.resultCodec = LongCodec.forType(resultType);
    this.monthsInterval = resultType instanceof YearMonthIntervalType;
    this.checked =
        checked || monthsInterval || resultType instanceof io.sluice.types.DayTimeIntervalType;
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(resultType);
  }

  @Override
  public DataType resultType() {
    return resultType;
  }

  @Override
  public void grow(int groups) {
    if (groups > sums.length) {
      int len = grownLength(sums.length, groups);
      sums = Arrays.copyOf(sums, len);
      has = Arrays.copyOf(has, len);
    }
  }

  @Override
  public void copyGroup(int from, int to) {
    sums[to] = sums[from];
    has[to] = has[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    add(args[0], inputCodec, groupIds, n);
  }

  @Override
  public void updateSingleGroup(ColumnVector[] args, int n) {
    ColumnVector v = args[0];
    long[] x = inputCodec.toLongs(v, n, scratch);
    if (inputCodec != LongCodec.LONG) scratch = x;
    boolean[] nulls = v.nulls();
    long sum = sums[0];
    long overflow = 0;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      long b = x[i];
      long r = sum + b;
      overflow |= (sum ^ r) & (b ^ r);
      sum = r;
      any = true;
    }
    if (checked && overflow < 0) throw AggregateErrors.longOverflow();
    sums[0] = sum;
    has[0] |= any;
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    add(buffers[0], resultCodec, groupIds, n);
  }

  private void add(ColumnVector v, LongCodec codec, int[] groupIds, int n) {
    long[] x = codec.toLongs(v, n, scratch);
    if (codec != LongCodec.LONG) scratch = x;
    boolean[] nulls = v.nulls();
    long[] s = sums;
    boolean[] h = has;
    // overflow is detected without a branch per row: the sign bit of (a ^ r) & (b ^ r) is set
    // exactly when r = a + b overflowed; a query that overflows fails, so the wrapped sums
    // left behind are never read
    long overflow = 0;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        int g = groupIds[i];
        long a = s[g];
        long b = x[i];
        long r = a + b;
        overflow |= (a ^ r) & (b ^ r);
        s[g] = r;
        h[g] = true;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        int g = groupIds[i];
        long a = s[g];
        long b = x[i];
        long r = a + b;
        overflow |= (a ^ r) & (b ^ r);
        s[g] = r;
        h[g] = true;
      }
    }
    if (checked && overflow < 0) throw AggregateErrors.longOverflow();
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    return new ColumnVector[] {result(from, to)};
  }

  @Override
  public ColumnVector result(int from, int to) {
    if (monthsInterval) {
      for (int g = from; g < to; g++) {
        if (sums[g] != (int) sums[g]) {
          throw AggregateErrors.overflow("integer overflow", "try_add");
        }
      }
    }
    boolean[] isNull = null;
    boolean[] missing = missing(has, from, to);
    if (missing != null) {
      isNull = new boolean[to];
      System.arraycopy(missing, 0, isNull, from, to - from);
    }
    return resultCodec.fromLongs(resultType, sums, isNull, from, to);
  }
}
