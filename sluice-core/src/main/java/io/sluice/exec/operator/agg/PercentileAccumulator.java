package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.types.ArrayType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.ShortType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * {@code percentile_approx(x, percentage[, accuracy])}: a {@link QuantileSummary} per group
 * (relative error {@code 1 / accuracy}) over the values as doubles (dates, timestamps and intervals
 * by their internal numbers), queried per percentage and converted back to the input type as Spark
 * does (truncating integral types). Null for a group without values.
 *
 * <p>Buffer: the compressed summary as binary (empty when the group has no summary).
 */
final class PercentileAccumulator extends Accumulator {
  private final DataType inputType;
  private final DataType resultType;
  private final double[] percentages;
  private final boolean array;
  private final double eps;
  private QuantileSummary[] summaries = new QuantileSummary[16];
  private double[] scratch;

  PercentileAccumulator(DataType inputType, double[] percentages, boolean array, long accuracy) {
    this.inputType = inputType;
    this.percentages = percentages;
    this.array = array;
    this.resultType = array ? new ArrayType(inputType, false) : inputType;
    this.eps = 1.0 / accuracy;
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.BinaryType);
  }

  @Override
  public DataType resultType() {
    return resultType;
  }

  @Override
  public void grow(int groups) {
    if (groups > summaries.length) {
      summaries = Arrays.copyOf(summaries, grownLength(summaries.length, groups));
    }
  }

  private QuantileSummary summary(int g) {
    QuantileSummary s = summaries[g];
    if (s == null) {
      s = new QuantileSummary(eps);
      summaries[g] = s;
    }
    return s;
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    ColumnVector v = args[0];
    double[] x = Numbers.toDoubles(v, n, scratch);
    if (!(v instanceof DoubleVector)) scratch = x;
    boolean[] nulls = v.nulls();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      summary(groupIds[i]).insert(x[i]);
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    BytesVector in = (BytesVector) buffers[0];
    for (int i = 0; i < n; i++) {
      if (in.isNullAt(i) || in.length(i) == 0) continue;
      summary(groupIds[i]).merge(QuantileSummary.deserialize(in.data(), in.start(i), in.length(i)));
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    BytesVector out = new BytesVector(DataTypes.BinaryType, to - from);
    for (int g = from; g < to; g++) {
      out.appendBytes(summaries[g] == null ? new byte[0] : summaries[g].serialize());
    }
    return new ColumnVector[] {out};
  }

  @Override
  public ColumnVector result(int from, int to) {
    ColumnVector out = ColumnVector.allocate(resultType, to - from);
    for (int g = from; g < to; g++) {
      QuantileSummary s = summaries[g];
      if (s == null || s.count() == 0) {
        out.appendNull();
        continue;
      }
      if (!array) {
        out.append(convert(s.query(percentages[0])));
        continue;
      }
      ArrayVector a = (ArrayVector) out;
      for (double p : percentages) a.elements().append(convert(s.query(p)));
      a.commitRow();
    }
    return out;
  }

  /** A percentile as a value of the input type (internal form), as Spark converts it. */
  private Object convert(double d) {
    DataType t = inputType;
    if (t instanceof DateType || t instanceof YearMonthIntervalType || t instanceof IntegerType) {
      return (int) d;
    }
    if (t instanceof ByteType) return (byte) (int) d;
    if (t instanceof ShortType) return (short) (int) d;
    if (t instanceof FloatType) return (float) d;
    if (t instanceof DecimalType dt) {
      return BigDecimal.valueOf(d).setScale(dt.scale(), RoundingMode.HALF_UP);
    }
    if (t.isIntegral() || !t.isNumeric()) return (long) d;
    return d;
  }
}
