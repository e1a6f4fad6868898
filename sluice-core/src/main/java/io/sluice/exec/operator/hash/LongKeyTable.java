package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.Arrays;

/**
 * A {@link KeyTable} over one fixed-width key column, keyed by its {@link LongCodec} codes.
 *
 * <p>While the codes seen lie in a dense range the ids are found by direct addressing ({@link
 * DirectIds}); once a batch would make the range too sparse or too wide the keys move to a hash
 * table for good.
 *
 * <p>The hash table uses open addressing with linear probing; each slot holds the key and its id
 * side by side ({@code slots[2s]}, {@code slots[2s + 1]} = id + 1, 0 when empty), so a probe reads
 * one cache line. Slots are chosen by Fibonacci hashing (the top bits of {@code key * 2^64/phi}),
 * which spreads sequential and strided keys evenly. At most half the slots are used.
 *
 * <p>Once the table outgrows the core's caches a probe is a cache miss. A batch is therefore looked
 * up in two passes: the first only loads each row's home slot, with no dependence between rows, so
 * the processor keeps many misses in flight; the second probes the now cached slots.
 */
final class LongKeyTable extends KeyTable {
  /** Tables larger than this (in bytes of slots) are probed in two passes. */
  private static final int PREFETCH_BYTES = 256 * 1024;

  private final DataType type;
  private final LongCodec codec;
  private final boolean ownsScratch;

  /** The dense-range ids while they serve, then {@code null}. */
  private DirectIds direct = new DirectIds();

  private long[] slots;
  private int mask;
  private int shift;
  private long[] keys = new long[64];
  private int size;
  private int nullId = -1;
  private long[] scratch;

  /** Where the prefetch pass leaves its result, so its loads are not optimized away. */
  private long sink;

  LongKeyTable(DataType type, LongCodec codec) {
    this.type = type;
    this.codec = codec;
    this.ownsScratch = codec != LongCodec.LONG && codec != LongCodec.DECIMAL;
    allocate(64);
  }

  @Override
  public int size() {
    return size;
  }

  /** True while ids are found by direct addressing (for tests). */
  boolean isDirect() {
    return direct != null;
  }

  @Override
  public void findOrInsert(ColumnVector[] keyCols, int n, int[] ids) {
    ColumnVector v = keyCols[0];
    long[] k = codes(v, n);
    boolean[] nulls = v.nulls();
    if (direct != null && insertDirect(k, nulls, n, ids)) return;
    if (slots.length * 8L > PREFETCH_BYTES) sink += touch(slots, shift, k, n);
    if (nulls == null) {
      for (int i = 0; i < n; i++) ids[i] = insert(k[i]);
    } else {
      for (int i = 0; i < n; i++) ids[i] = nulls[i] ? nullId() : insert(k[i]);
    }
  }

  /**
   * Maps the batch by direct addressing when its codes keep the range dense; otherwise moves the
   * table to hashing and returns false.
   */
  private boolean insertDirect(long[] k, boolean[] nulls, int n, int[] ids) {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        lo = Math.min(lo, k[i]);
        hi = Math.max(hi, k[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        lo = Math.min(lo, k[i]);
        hi = Math.max(hi, k[i]);
      }
    }
    if (lo <= hi && !direct.accepts(lo, hi, (long) size + n)) {
      toHashing(n);
      return false;
    }
    if (lo <= hi) direct.cover(lo, hi);
    int[] d = direct.ids();
    long base = direct.base();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        ids[i] = nullId();
        continue;
      }
      long key = k[i];
      int off = (int) (key - base);
      int id = d[off];
      if (id == 0) {
        id = newId(key) + 1;
        d[off] = id;
      }
      ids[i] = id - 1;
    }
    return true;
  }

  /** Moves every key to the hash table, sized for {@code incoming} more. */
  private void toHashing(int incoming) {
    direct = null;
    int capacity = Integer.highestOneBit(Math.max(32, 2 * (size + incoming) - 1)) * 2;
    allocate(capacity);
    long[] s = slots;
    for (int id = 0; id < size; id++) {
      if (id == nullId) continue;
      int at = home(keys[id], shift);
      while (s[at + 1] != 0) at = (at + 2) & mask;
      s[at] = keys[id];
      s[at + 1] = id + 1;
    }
  }

  @Override
  public void find(ColumnVector[] keyCols, int n, boolean[] skip, int[] ids) {
    ColumnVector v = keyCols[0];
    long[] k = codec.toLongs(v, n, null);
    boolean[] nulls = v.nulls();
    DirectIds d = direct;
    if (d != null) {
      for (int i = 0; i < n; i++) {
        if (skip != null && skip[i]) {
          ids[i] = -1;
        } else if (nulls != null && nulls[i]) {
          ids[i] = nullId;
        } else {
          ids[i] = d.find(k[i]);
        }
      }
      return;
    }
    long[] s = slots;
    int sh = shift;
    int m = mask;
    // several threads may probe a finished table at once; racing on the sink is harmless
    if (s.length * 8L > PREFETCH_BYTES) sink = touch(s, sh, k, n);
    if (skip == null && nulls == null) {
      for (int i = 0; i < n; i++) ids[i] = lookup(s, sh, m, k[i]);
    } else {
      for (int i = 0; i < n; i++) {
        if (skip != null && skip[i]) {
          ids[i] = -1;
        } else if (nulls != null && nulls[i]) {
          ids[i] = nullId;
        } else {
          ids[i] = lookup(s, sh, m, k[i]);
        }
      }
    }
  }

  @Override
  public ColumnVector[] keyColumns(int from, int to) {
    boolean[] isNull = null;
    if (nullId >= from && nullId < to) {
      isNull = new boolean[to];
      isNull[nullId] = true;
    }
    return new ColumnVector[] {codec.fromLongs(type, keys, isNull, from, to)};
  }

  private long[] codes(ColumnVector v, int n) {
    long[] k = codec.toLongs(v, n, scratch);
    if (ownsScratch) scratch = k;
    return k;
  }

  /** The home slot of {@code key} (an index of its key word). */
  private static int home(long key, int shift) {
    return (int) ((key * Hashing.GOLDEN) >>> shift) << 1;
  }

  /** Loads the home slot of every key; independent loads overlap their cache misses. */
  private static long touch(long[] s, int shift, long[] k, int n) {
    long acc = 0;
    for (int i = 0; i < n; i++) acc += s[home(k[i], shift) + 1];
    return acc;
  }

  private int insert(long key) {
    long[] s = slots;
    int at = home(key, shift);
    while (true) {
      long id = s[at + 1];
      if (id == 0) return add(at, key);
      if (s[at] == key) return (int) id - 1;
      at = (at + 2) & mask;
    }
  }

  private static int lookup(long[] s, int shift, int mask, long key) {
    int at = home(key, shift);
    while (true) {
      long id = s[at + 1];
      if (id == 0) return -1;
      if (s[at] == key) return (int) id - 1;
      at = (at + 2) & mask;
    }
  }

  private int nullId() {
    if (nullId < 0) nullId = newId(0);
    return nullId;
  }

  private int add(int at, long key) {
    int id = newId(key);
    slots[at] = key;
    slots[at + 1] = id + 1;
    if (size * 4L > slots.length) rehash();
    return id;
  }

  private int newId(long key) {
    if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
    keys[size] = key;
    return size++;
  }

  /** Room for {@code capacity} slots (a power of two). */
  private void allocate(int capacity) {
    slots = new long[capacity * 2];
    mask = capacity * 2 - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private void rehash() {
    long[] old = slots;
    allocate(old.length);
    long[] s = slots;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int at = home(old[i], shift);
        while (s[at + 1] != 0) at = (at + 2) & mask;
        s[at] = old[i];
        s[at + 1] = old[i + 1];
      }
    }
  }
}
