package io.sluice.exec.operator.agg;

import io.sluice.exec.expr.fn.XxHash64;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapValue;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.ArrayType;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Spark's {@code XxHash64Function} of column values: ints (and narrower types, dates) as 4-byte
 * inputs, longs (timestamps) as 8-byte inputs, floating point by its bits with {@code -0.0} hashed
 * as {@code 0}, decimals by their unscaled long (up to 18 digits) or the two's-complement bytes of
 * the unscaled value, strings and binary by their bytes, and nested values by chaining the seed
 * through their parts. Null rows are not hashed (callers skip them).
 */
final class ValueHashes {
  private ValueHashes() {}

  /** Hashes rows {@code [0, n)} of {@code v} into {@code out}; null rows are left as is. */
  static void hash(ColumnVector v, int n, long seed, long[] out) {
    if (v instanceof LongVector lv) {
      long[] x = lv.values();
      for (int i = 0; i < n; i++) out[i] = XxHash64.hashLong(x[i], seed);
    } else if (v instanceof IntVector iv) {
      int[] x = iv.values();
      for (int i = 0; i < n; i++) out[i] = XxHash64.hashInt(x[i], seed);
    } else if (v instanceof BytesVector b) {
      byte[] data = b.data();
      int[] off = b.offsets();
      for (int i = 0; i < n; i++) {
        out[i] = XxHash64.hashBytes(data, off[i], off[i + 1] - off[i], seed);
      }
    } else if (v instanceof DoubleVector dv) {
      double[] x = dv.values();
      for (int i = 0; i < n; i++) {
        out[i] = XxHash64.hashLong(x[i] == 0.0 ? 0L : Double.doubleToLongBits(x[i]), seed);
      }
    } else if (v instanceof FloatVector fv) {
      float[] x = fv.values();
      for (int i = 0; i < n; i++) {
        out[i] = XxHash64.hashInt(x[i] == 0.0f ? 0 : Float.floatToIntBits(x[i]), seed);
      }
    } else if (v instanceof ShortVector sv) {
      short[] x = sv.values();
      for (int i = 0; i < n; i++) out[i] = XxHash64.hashInt(x[i], seed);
    } else if (v instanceof ByteVector bv) {
      byte[] x = bv.values();
      for (int i = 0; i < n; i++) out[i] = XxHash64.hashInt(x[i], seed);
    } else if (v instanceof BooleanVector bv) {
      boolean[] x = bv.values();
      for (int i = 0; i < n; i++) out[i] = XxHash64.hashInt(x[i] ? 1 : 0, seed);
    } else if (v instanceof DecimalVector d && d.isCompact()) {
      long[] x = d.unscaled();
      for (int i = 0; i < n; i++) out[i] = XxHash64.hashLong(x[i], seed);
    } else {
      for (int i = 0; i < n; i++) {
        if (!v.isNullAt(i)) out[i] = hashObject(v.getObject(i), v.type(), seed);
      }
    }
  }

  /** The hash of one value in internal form; a null leaves the seed unchanged, as in Spark. */
  static long hashObject(Object value, DataType type, long seed) {
    if (value == null) return seed;
    if (value instanceof Boolean b) return XxHash64.hashInt(b ? 1 : 0, seed);
    if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
      return XxHash64.hashInt(((Number) value).intValue(), seed);
    }
    if (value instanceof Long l) return XxHash64.hashLong(l, seed);
    if (value instanceof Float f) {
      return XxHash64.hashInt(f == 0.0f ? 0 : Float.floatToIntBits(f), seed);
    }
    if (value instanceof Double d) {
      return XxHash64.hashLong(d == 0.0 ? 0L : Double.doubleToLongBits(d), seed);
    }
    if (value instanceof BigDecimal d) {
      DecimalType t = (DecimalType) type;
      BigDecimal scaled = d.setScale(t.scale());
      if (t.fitsInLong()) return XxHash64.hashLong(scaled.unscaledValue().longValue(), seed);
      byte[] bytes = scaled.unscaledValue().toByteArray();
      return XxHash64.hashBytes(bytes, 0, bytes.length, seed);
    }
    if (value instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      return XxHash64.hashBytes(bytes, 0, bytes.length, seed);
    }
    if (value instanceof byte[] bytes) return XxHash64.hashBytes(bytes, 0, bytes.length, seed);
    if (value instanceof CalendarInterval c) {
      return XxHash64.hashInt(
          c.months(), XxHash64.hashInt(c.days(), XxHash64.hashLong(c.microseconds(), seed)));
    }
    if (value instanceof MapValue m) {
      MapType mt = (MapType) type;
      long h = seed;
      for (int i = 0; i < m.size(); i++) {
        h = hashObject(m.keys()[i], mt.keyType(), h);
        h = hashObject(m.values()[i], mt.valueType(), h);
      }
      return h;
    }
    Object[] parts = (Object[]) value;
    long h = seed;
    for (int i = 0; i < parts.length; i++) {
      DataType t =
          type instanceof StructType s
              ? s.fields()[i].dataType()
              : ((ArrayType) type).elementType();
      h = hashObject(parts[i], t, h);
    }
    return h;
  }
}
