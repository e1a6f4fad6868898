package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_count_distinct(x[, rsd])}: the dense HyperLogLog++ sketch as Spark builds it. The
 * precision is {@code p = ceil(2 log2(1.106 / rsd))} (9 for the default 0.05, so 512 registers);
 * values are hashed with XXH64 and seed 42 exactly as Spark hashes them, the top {@code p} bits
 * choose a register and the register keeps the largest rank (leading zeros of the remaining bits,
 * plus one). Registers are one byte each, all groups in one array.
 *
 * <p>The estimate is Spark's: linear counting {@code m ln(m / V)} (V registers still zero) while it
 * is at most Spark's threshold for the precision, or while the raw estimate {@code E = alpha m² /
 * sum 2^-M[j]} is at most {@code 2.5 m}; otherwise {@code E} less the empirical bias of HLL++
 * ({@link HllBias}) when {@code E < 5 m}, else {@code E}, rounded to the nearest long. Precisions
 * above 18 have no bias tables: there only the {@code 2.5 m} rule chooses linear counting. Nulls
 * are not counted; an empty group is 0.
 *
 * <p>Buffer: the registers as binary ({@code m} bytes).
 */
final class HllAccumulator extends Accumulator {
  /**
   * Spark's linear-counting thresholds for precisions 4 to 18: the HLL++ paper's, except 15500 for
   * precision 14 where the paper has 11500.
   */
  private static final double[] THRESHOLDS = {
    10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 15500, 20000, 50000, 120000, 350000
  };

  private static final long SEED = 42L;

  private final int p;
  private final int m;
  private final long wPadding;
  private final double alphaM2;
  private byte[] registers = new byte[0];
  private int capacity;
  private long[] hashes = new long[0];

  HllAccumulator(double relativeSD) {
    this.p = precision(relativeSD);
    this.m = 1 << p;
    this.wPadding = 1L << (p - 1);
    double alpha =
        switch (p) {
          case 4 -> 0.673;
          case 5 -> 0.697;
          case 6 -> 0.709;
          default -> 0.7213 / (1.0 + 1.079 / m);
        };
    this.alphaM2 = alpha * m * m;
  }

  /** The register address bits for a relative standard deviation, as Spark computes them. */
  static int precision(double relativeSD) {
    return (int) Math.ceil(2.0 * Math.log(1.106 / relativeSD) / Math.log(2.0));
  }

  /** The largest precision accepted (16 Mi registers, 16 MiB per group). */
  static final int MAX_PRECISION = 24;

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.BinaryType);
  }

  @Override
  public DataType resultType() {
    return DataTypes.LongType;
  }

  @Override
  public void grow(int groups) {
    if (groups > capacity) {
      // allocated on demand: planning creates accumulators only to ask for buffer types
      capacity = grownLength(capacity, groups);
      registers = Arrays.copyOf(registers, Math.multiplyExact(capacity, m));
    }
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    ColumnVector v = args[0];
    if (hashes.length < n) hashes = new long[n];
    long[] h = hashes;
    ValueHashes.hash(v, n, SEED, h);
    boolean[] nulls = v.nulls();
    byte[] r = registers;
    int shift = 64 - p;
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      long x = h[i];
      int idx = groupIds[i] * m + (int) (x >>> shift);
      byte rank = (byte) (Long.numberOfLeadingZeros((x << p) | wPadding) + 1);
      if (rank > r[idx]) r[idx] = rank;
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    BytesVector in = (BytesVector) buffers[0];
    byte[] data = in.data();
    int[] off = in.offsets();
    byte[] r = registers;
    for (int i = 0; i < n; i++) {
      int base = groupIds[i] * m;
      int src = off[i];
      for (int j = 0; j < m; j++) {
        if (data[src + j] > r[base + j]) r[base + j] = data[src + j];
      }
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    BytesVector out = new BytesVector(DataTypes.BinaryType, to - from);
    out.reserveData((to - from) * m);
    for (int g = from; g < to; g++) out.appendBytes(registers, g * m, m);
    return new ColumnVector[] {out};
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    long[] out = new long[Math.max(n, 1)];
    for (int g = from; g < to; g++) out[g - from] = estimate(g * m);
    return new LongVector(DataTypes.LongType, out, null, n);
  }

  /** The cardinality estimate of the registers at {@code base}. */
  long estimate(int base) {
    double zInverse = 0;
    int zeros = 0;
    for (int j = 0; j < m; j++) {
      int rank = registers[base + j];
      zInverse += 1.0 / (1L << rank);
      if (rank == 0) zeros++;
    }
    double raw = alphaM2 / zInverse;
    boolean tabulated = p <= HllBias.MAX_PRECISION;
    if (zeros > 0) {
      double linear = m * Math.log((double) m / zeros);
      if ((tabulated && linear <= THRESHOLDS[p - 4]) || raw <= 2.5 * m) {
        return Math.round(linear);
      }
    }
    double corrected = tabulated && raw < 5.0 * m ? raw - HllBias.of(p, raw) : raw;
    return Math.round(corrected);
  }

  /** Registers of group 0, for tests that build a sketch register by register. */
  byte[] registers() {
    return registers;
  }
}
