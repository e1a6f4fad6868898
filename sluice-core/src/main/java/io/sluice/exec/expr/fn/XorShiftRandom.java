package io.sluice.exec.expr.fn;

/**
 * The random generator behind Spark's {@code rand} and {@code randn}: a 64-bit xorshift whose seed
 * is first spread by two rounds of MurmurHash3 (x86, 32-bit) over the seed's big-endian bytes,
 * drawn through {@code java.util.Random}'s {@code nextDouble} and {@code nextGaussian} formulas.
 * Same seed, same sequence as Spark's {@code XORShiftRandom}. Not thread-safe.
 */
final class XorShiftRandom {
  /** Scala's {@code MurmurHash3.arraySeed}. */
  private static final int ARRAY_SEED = 0x3c074a61;

  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  XorShiftRandom(long seed) {
    this.state = hashSeed(seed);
  }

  /** The state a seed starts from: two murmur3 hashes of its 8 bytes as the high and low half. */
  static long hashSeed(long seed) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) bytes[i] = (byte) (seed >>> (56 - 8 * i));
    int low = murmur3(bytes, ARRAY_SEED);
    int high = murmur3(bytes, low);
    return ((long) high << 32) | (low & 0xFFFFFFFFL);
  }

  /** MurmurHash3 x86 32-bit of {@code data} (little-endian blocks), as Scala's bytesHash. */
  static int murmur3(byte[] data, int seed) {
    int h = seed;
    int len = data.length;
    int i = 0;
    for (; len - i >= 4; i += 4) {
      int k =
          (data[i] & 0xFF)
              | (data[i + 1] & 0xFF) << 8
              | (data[i + 2] & 0xFF) << 16
              | (data[i + 3] & 0xFF) << 24;
      h = mixLast(h, k);
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    int rest = len - i;
    if (rest > 0) {
      int k = 0;
      if (rest == 3) k ^= (data[i + 2] & 0xFF) << 16;
      if (rest >= 2) k ^= (data[i + 1] & 0xFF) << 8;
      k ^= data[i] & 0xFF;
      h = mixLast(h, k);
    }
    h ^= len;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int mixLast(int h, int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    return h ^ k;
  }

  /** The next {@code bits} random bits. */
  int next(int bits) {
    long s = state ^ (state << 21);
    s ^= s >>> 35;
    s ^= s << 4;
    state = s;
    return (int) (s & ((1L << bits) - 1));
  }

  /** Uniform in [0, 1), as {@code java.util.Random.nextDouble}. */
  double nextDouble() {
    return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
  }

  /** Standard normal, by the polar method of {@code java.util.Random.nextGaussian}. */
  double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
