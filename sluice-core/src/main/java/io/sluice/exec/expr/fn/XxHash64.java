package io.sluice.exec.expr.fn;

/** 64-bit xxHash (XXH64), as Spark's {@code xxhash64()} uses it: little-endian input. */
public final class XxHash64 {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private XxHash64() {}

  /** XXH64 of the 4 little-endian bytes of {@code input}. */
  public static long hashInt(int input, long seed) {
    long h = seed + P5 + 4L;
    h ^= (input & 0xFFFFFFFFL) * P1;
    h = Long.rotateLeft(h, 23) * P2 + P3;
    return avalanche(h);
  }

  /** XXH64 of the 8 little-endian bytes of {@code input}. */
  public static long hashLong(long input, long seed) {
    long h = seed + P5 + 8L;
    h ^= round(0, input);
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return avalanche(h);
  }

  public static long hashBytes(byte[] d, int off, int len, long seed) {
    int p = off;
    int end = off + len;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      for (int limit = end - 32; p <= limit; p += 32) {
        v1 = round(v1, readLong(d, p));
        v2 = round(v2, readLong(d, p + 8));
        v3 = round(v3, readLong(d, p + 16));
        v4 = round(v4, readLong(d, p + 24));
      }
      h =
          Long.rotateLeft(v1, 1)
              + Long.rotateLeft(v2, 7)
              + Long.rotateLeft(v3, 12)
              + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = seed + P5;
    }
    h += len;
    for (; p + 8 <= end; p += 8) {
      h ^= round(0, readLong(d, p));
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (p + 4 <= end) {
      h ^= (readInt(d, p) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      p += 4;
    }
    for (; p < end; p++) {
      h ^= (d[p] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    return avalanche(h);
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long h, long v) {
    h ^= round(0, v);
    return h * P1 + P4;
  }

  private static long avalanche(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }

  private static long readLong(byte[] d, int p) {
    return (readInt(d, p) & 0xFFFFFFFFL) | ((long) readInt(d, p + 4) << 32);
  }

  private static int readInt(byte[] d, int p) {
    return (d[p] & 0xFF)
        | (d[p + 1] & 0xFF) << 8
        | (d[p + 2] & 0xFF) << 16
        | (d[p + 3] & 0xFF) << 24;
  }
}
