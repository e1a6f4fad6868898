package io.sluice.exec.expr.fn;

/**
 * 32-bit Murmur3 (x86 variant) as Spark's {@code hash()} uses it. Byte strings are hashed the way
 * Spark's {@code hashUnsafeBytes} does: whole little-endian 4-byte words, then each trailing byte
 * (sign-extended) mixed as a word of its own, which differs from the reference tail.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  static int hashInt(int input, int seed) {
    return fmix(mixH1(seed, mixK1(input)), 4);
  }

  static int hashLong(long input, int seed) {
    int h = mixH1(seed, mixK1((int) input));
    h = mixH1(h, mixK1((int) (input >>> 32)));
    return fmix(h, 8);
  }

  static int hashBytes(byte[] d, int off, int len, int seed) {
    int aligned = len - len % 4;
    int h = seed;
    for (int i = 0; i < aligned; i += 4) {
      int word =
          (d[off + i] & 0xFF)
              | (d[off + i + 1] & 0xFF) << 8
              | (d[off + i + 2] & 0xFF) << 16
              | (d[off + i + 3] & 0xFF) << 24;
      h = mixH1(h, mixK1(word));
    }
    for (int i = aligned; i < len; i++) {
      h = mixH1(h, mixK1(d[off + i]));
    }
    return fmix(h, len);
  }

  private static int mixK1(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int mixH1(int h, int k) {
    h ^= k;
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int fmix(int h, int len) {
    h ^= len;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
