package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.StringType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Hashes the key columns of a batch a vector at a time, consistently with key equality for grouping
 * and joins (integral keys by numeric value, floating point normalized, strings by bytes), e.g. to
 * choose each row's partition in a hash exchange.
 */
public final class KeyHasher {
  private static final int NULL_HASH = 0x2545F491;
  private static final long SEED = 42;
  private static final VarHandle BE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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
      } else if (v instanceof StructVector sv && longChildren(sv)) {
        hashLongStructs(sv, n, hashes);
      } else {
        for (int i = 0; i < n; i++) {
          int h = v.isNullAt(i) ? NULL_HASH : GenericKeys.hash(v.getObject(i));
          hashes[i] = hashes[i] * 0x9E3779B1 + h;
        }
      }
    }
    for (int i = 0; i < n; i++) hashes[i] = Hashing.mix32(hashes[i]);
  }

  private static boolean longChildren(StructVector sv) {
    for (ColumnVector c : sv.children()) {
      if (!(c instanceof LongVector)) return false;
    }
    return true;
  }

  /**
   * Hashes structs of long fields (window columns) to exactly what {@link GenericKeys#hash} gives
   * their row objects, writing those bytes without the objects.
   */
  private static void hashLongStructs(StructVector sv, int n, int[] hashes) {
    ColumnVector[] fields = sv.children();
    byte[] buf = new byte[5 + 9 * fields.length];
    buf[0] = 7; // GenericKeys' tag of an Object[]
    BE_INT.set(buf, 1, fields.length);
    for (int i = 0; i < n; i++) {
      int h;
      if (sv.isNullAt(i)) {
        h = NULL_HASH;
      } else {
        int p = 5;
        for (ColumnVector f : fields) {
          if (f.isNullAt(i)) {
            buf[p++] = 0;
          } else {
            buf[p] = 4; // GenericKeys' tag of a Number, written as a long
            BE_LONG.set(buf, p + 1, ((LongVector) f).get(i));
            p += 9;
          }
        }
        h = Hashing.hashBytes(buf, 0, p, 7);
      }
      hashes[i] = hashes[i] * 0x9E3779B1 + h;
    }
  }
}
