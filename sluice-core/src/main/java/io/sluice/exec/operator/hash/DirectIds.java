package io.sluice.exec.operator.hash;

/**
 * Ids of integer codes that lie in a dense range, by direct addressing: {@code ids[code - base]}
 * holds the id + 1 of the code (0 when it has none). Group-by and join keys are very often dense
 * integers (surrogate keys, dates, buckets of {@code x % n}, small enums); for them a lookup is one
 * subtraction and one array read, without hashing or probing, and keys that arrive in order touch
 * memory in order.
 *
 * <p>The range grows with the keys seen as long as it stays dense enough ({@link #accepts}); when a
 * batch would make it too sparse or too large, the owner moves the keys to a hash table.
 */
final class DirectIds {
  /** The largest range served (16 MB of ids). */
  static final int MAX_SPAN = 1 << 22;

  /** The range may exceed the number of keys seen by this factor. */
  private static final int MAX_SPARSENESS = 16;

  private long base;
  private int[] ids = new int[0];

  /**
   * True when codes in {@code [lo, hi]} can be added to a table that holds about {@code keys} keys
   * after the batch, keeping the range within the limits.
   */
  boolean accepts(long lo, long hi, long keys) {
    long newLo = ids.length == 0 ? lo : Math.min(lo, base);
    long newHi = ids.length == 0 ? hi : Math.max(hi, base + ids.length - 1);
    long spanMinusOne = newHi - newLo; // negative when the difference overflows
    return spanMinusOne >= 0
        && spanMinusOne < MAX_SPAN
        && spanMinusOne < Math.max(4096, keys * MAX_SPARSENESS);
  }

  /** Widens the range to cover {@code [lo, hi]} (which {@link #accepts} allowed). */
  void cover(long lo, long hi) {
    if (ids.length > 0 && lo >= base && hi - base < ids.length) return;
    long newLo = ids.length == 0 ? lo : Math.min(lo, base);
    long newHi = ids.length == 0 ? hi : Math.max(hi, base + ids.length - 1);
    int span = (int) (newHi - newLo + 1);
    // grow geometrically so a range extended batch by batch is copied O(log n) times
    int length = (int) Math.min(MAX_SPAN, Math.max(span, Math.max(1024, 2L * ids.length)));
    long newBase = newLo;
    if (lo < base && ids.length > 0) {
      // extending downward: leave the spare room below, unless that leaves the long range
      long below = newLo - (length - span);
      if (below <= newLo) newBase = below;
    } else if (newLo + (length - 1) < newLo) {
      newBase = newHi - (length - 1);
    }
    int[] grown = new int[length];
    if (ids.length > 0) System.arraycopy(ids, 0, grown, (int) (base - newBase), ids.length);
    ids = grown;
    base = newBase;
  }

  long base() {
    return base;
  }

  int[] ids() {
    return ids;
  }

  /** The id of {@code code}, or -1. */
  int find(long code) {
    long off = code - base;
    return off >= 0 && off < ids.length ? ids[(int) off] - 1 : -1;
  }
}
