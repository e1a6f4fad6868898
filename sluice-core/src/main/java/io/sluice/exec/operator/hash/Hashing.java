package io.sluice.exec.operator.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Hash functions over primitive codes and byte ranges. */
public final class Hashing {
  /** 2^64 / golden ratio: Fibonacci hashing multiplier. */
  public static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private static final long C2 = 0xC2B2AE3D27D4EB4FL;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Hashing() {}

  /** Murmur3's 64-bit finalizer: every input bit affects every output bit. */
  public static long mix64(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= C2;
    h ^= h >>> 33;
    return h;
  }

  public static int mix32(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  /** Hash of {@code data[from, to)}, eight bytes at a time. */
  public static int hashBytes(byte[] data, int from, int to, long seed) {
    long h = seed ^ ((to - from) * GOLDEN);
    int p = from;
    for (; p + 8 <= to; p += 8) {
      long k = (long) LONGS.get(data, p);
      h = Long.rotateLeft(h ^ (k * C2), 31) * GOLDEN;
    }
    long tail = 0;
    int shift = 0;
    if (p + 4 <= to) {
      tail = (int) INTS.get(data, p) & 0xFFFFFFFFL;
      p += 4;
      shift = 32;
    }
    for (; p < to; p++, shift += 8) {
      tail |= (data[p] & 0xFFL) << shift;
    }
    h ^= tail * C2;
    return (int) mix64(h);
  }

  /** Writes a long at {@code pos}, little-endian. */
  static void putLong(byte[] data, int pos, long v) {
    LONGS.set(data, pos, v);
  }
}
