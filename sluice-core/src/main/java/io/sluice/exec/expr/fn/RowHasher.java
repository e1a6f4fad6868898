package io.sluice.exec.expr.fn;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.CalendarIntervalVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.NullVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.exec.vector.StructVector;
import java.math.BigDecimal;

/**
 * Spark's row hashing ({@code hash()}, {@code xxhash64()}): the running hash starts at the seed and
 * each argument's value is hashed with the running hash as its seed; a null leaves it unchanged.
 * Values are encoded as Spark does: booleans as ints 1/0, bytes/shorts/ints/dates as ints,
 * longs/timestamps as longs, -0.0 as 0, decimals of up to 18 digits as their unscaled long (else
 * the unscaled value's big-endian two's-complement bytes), strings and binaries as bytes, intervals
 * as months, days then microseconds, structs field by field, arrays element by element, maps key
 * then value per entry. Column at a time over the primitive arrays.
 */
abstract class RowHasher {
  abstract long hashInt(int v, long seed);

  abstract long hashLong(long v, long seed);

  abstract long hashBytes(byte[] d, int off, int len, long seed);

  /** Spark's {@code hash()}: Murmur3 x86_32; the running hash is kept as an int in a long. */
  static final RowHasher MURMUR3 =
      new RowHasher() {
        @Override
        long hashInt(int v, long seed) {
          return Murmur3.hashInt(v, (int) seed);
        }

        @Override
        long hashLong(long v, long seed) {
          return Murmur3.hashLong(v, (int) seed);
        }

        @Override
        long hashBytes(byte[] d, int off, int len, long seed) {
          return Murmur3.hashBytes(d, off, len, (int) seed);
        }
      };

  /** Spark's {@code xxhash64()}. */
  static final RowHasher XXHASH64 =
      new RowHasher() {
        @Override
        long hashInt(int v, long seed) {
          return XxHash64.hashInt(v, seed);
        }

        @Override
        long hashLong(long v, long seed) {
          return XxHash64.hashLong(v, seed);
        }

        @Override
        long hashBytes(byte[] d, int off, int len, long seed) {
          return XxHash64.hashBytes(d, off, len, seed);
        }
      };

  /**
   * Mixes rows {@code [0, n)} of {@code v} into {@code h}, skipping null rows and rows not {@code
   * active} (null: all rows active).
   */
  final void hashColumn(ColumnVector v, int n, long[] h, boolean[] active) {
    if (v instanceof NullVector) return;
    boolean[] nulls = v.nulls();
    if (v instanceof StructVector s) {
      boolean[] rows = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) rows[i] = on(active, i) && !Args.isNull(nulls, i);
      for (ColumnVector child : s.children()) hashColumn(child, n, h, rows);
      return;
    }
    if (v instanceof IntVector x) {
      int[] a = x.values();
      for (int i = 0; i < n; i++) {
        if (on(active, i) && !Args.isNull(nulls, i)) h[i] = hashInt(a[i], h[i]);
      }
      return;
    }
    if (v instanceof LongVector x) {
      long[] a = x.values();
      for (int i = 0; i < n; i++) {
        if (on(active, i) && !Args.isNull(nulls, i)) h[i] = hashLong(a[i], h[i]);
      }
      return;
    }
    if (v instanceof BytesVector x) {
      byte[] d = x.data();
      int[] off = x.offsets();
      for (int i = 0; i < n; i++) {
        if (on(active, i) && !Args.isNull(nulls, i)) {
          h[i] = hashBytes(d, off[i], off[i + 1] - off[i], h[i]);
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      if (on(active, i) && !Args.isNull(nulls, i)) h[i] = hashValue(v, i, h[i]);
    }
  }

  private static boolean on(boolean[] active, int i) {
    return active == null || active[i];
  }

  /** The hash of value {@code i} of {@code v} (not null) with seed {@code seed}. */
  final long hashValue(ColumnVector v, int i, long seed) {
    if (v instanceof IntVector x) return hashInt(x.get(i), seed);
    if (v instanceof LongVector x) return hashLong(x.get(i), seed);
    if (v instanceof BytesVector x) return hashBytes(x.data(), x.start(i), x.length(i), seed);
    if (v instanceof BooleanVector x) return hashInt(x.get(i) ? 1 : 0, seed);
    if (v instanceof ByteVector x) return hashInt(x.get(i), seed);
    if (v instanceof ShortVector x) return hashInt(x.get(i), seed);
    if (v instanceof FloatVector x) {
      float f = x.get(i);
      return hashInt(f == 0.0f ? 0 : Float.floatToIntBits(f), seed);
    }
    if (v instanceof DoubleVector x) {
      double d = x.get(i);
      return hashLong(d == 0.0d ? 0L : Double.doubleToLongBits(d), seed);
    }
    if (v instanceof DecimalVector x) return hashDecimal(x, i, seed);
    if (v instanceof CalendarIntervalVector x) {
      return hashInt(x.months()[i], hashInt(x.days()[i], hashLong(x.micros()[i], seed)));
    }
    if (v instanceof StructVector x) {
      for (ColumnVector c : x.children()) {
        if (!c.isNullAt(i)) seed = hashValue(c, i, seed);
      }
      return seed;
    }
    if (v instanceof ArrayVector x) {
      ColumnVector el = x.elements();
      for (int e = x.start(i), end = e + x.length(i); e < end; e++) {
        if (!el.isNullAt(e)) seed = hashValue(el, e, seed);
      }
      return seed;
    }
    if (v instanceof MapVector x) {
      for (int e = x.start(i), end = e + x.length(i); e < end; e++) {
        if (!x.keys().isNullAt(e)) seed = hashValue(x.keys(), e, seed);
        if (!x.values().isNullAt(e)) seed = hashValue(x.values(), e, seed);
      }
      return seed;
    }
    return seed;
  }

  private long hashDecimal(DecimalVector x, int i, long seed) {
    if (x.decimalType().precision() <= 18) {
      long unscaled =
          x.isCompact()
              ? x.unscaled()[i]
              : x.getDecimal(i).setScale(x.decimalType().scale()).unscaledValue().longValueExact();
      return hashLong(unscaled, seed);
    }
    BigDecimal d = x.getDecimal(i).setScale(x.decimalType().scale());
    byte[] bytes = d.unscaledValue().toByteArray();
    return hashBytes(bytes, 0, bytes.length, seed);
  }
}
