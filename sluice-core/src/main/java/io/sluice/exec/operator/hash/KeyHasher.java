package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.StringType;
import java.util.List;

/**
 * Hashes the key columns of a batch a vector at a time, consistently with key equality for grouping
 * and joins (integral keys by numeric value, floating point normalized, strings by bytes), e.g. to
 * choose each row's partition in a hash exchange.
 */
public final class KeyHasher {
  private static final int NULL_HASH = 0x2545F491;
  private static final long SEED = 42;

  private final LongCodec[] codecs;
  private final boolean[] bytes;
  private long[] scratch;

  public KeyHasher(List<DataType> types) {
    codecs = new LongCodec[types.size()];
    bytes = new boolean[types.size()];
    for (int c = 0; c < codecs.length; c++) {
      DataType t = types.get(c);
      codecs[c] = LongCodec.forType(t);
      bytes[c] = t instanceof StringType || t instanceof BinaryType;
    }
  }

  /** Sets {@code hashes[0, n)} to the combined hash of each row's keys. */
  public void hash(ColumnVector[] keys, int n, int[] hashes) {
    java.util.Arrays.fill(hashes, 0, n, 0);
    for (int c = 0; c < codecs.length; c++) {
      ColumnVector v = keys[c];
      boolean[] nulls = v.nulls();
      if (codecs[c] != null) {
        long[] k = codecs[c].toLongs(v, n, scratch);
        if (k != scratch && codecs[c] != LongCodec.LONG && codecs[c] != LongCodec.DECIMAL) {
          scratch = k;
        }
        for (int i = 0; i < n; i++) {
          int h = nulls != null && nulls[i] ? NULL_HASH : (int) Hashing.mix64(k[i] ^ SEED);
          hashes[i] = hashes[i] * 0x9E3779B1 + h;
        }
      } else if (bytes[c]) {
        BytesVector b = (BytesVector) v;
        byte[] data = b.data();
        int[] off = b.offsets();
        for (int i = 0; i < n; i++) {
          int h =
              nulls != null && nulls[i]
                  ? NULL_HASH
                  : Hashing.hashBytes(data, off[i], off[i + 1], SEED);
          hashes[i] = hashes[i] * 0x9E3779B1 + h;
        }
      } else {
        for (int i = 0; i < n; i++) {
          int h = v.isNullAt(i) ? NULL_HASH : GenericKeys.hash(v.getObject(i));
          hashes[i] = hashes[i] * 0x9E3779B1 + h;
        }
      }
    }
    for (int i = 0; i < n; i++) hashes[i] = Hashing.mix32(hashes[i]);
  }
}
