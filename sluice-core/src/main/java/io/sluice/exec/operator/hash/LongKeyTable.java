package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.Arrays;

/** A {@link KeyTable} over one fixed-width key column, keyed by its {@link LongCodec} codes. */
final class LongKeyTable extends KeyTable {
  private final DataType type;
  private final LongCodec codec;
  private final boolean ownsScratch;
  private long[] slotKeys;
  private int[] slotIds;
  private int mask;
  private int shift;
  private long[] keys = new long[64];
  private int size;
  private int nullId = -1;
  private long[] scratch;

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

  @Override
  public void findOrInsert(ColumnVector[] keyCols, int n, int[] ids) {
    ColumnVector v = keyCols[0];
    long[] k = codes(v, n);
    boolean[] nulls = v.nulls();
    if (nulls == null) {
      for (int i = 0; i < n; i++) ids[i] = insert(k[i]);
    } else {
      for (int i = 0; i < n; i++) ids[i] = nulls[i] ? nullId() : insert(k[i]);
    }
  }

  @Override
  public void find(ColumnVector[] keyCols, int n, boolean[] skip, int[] ids) {
    ColumnVector v = keyCols[0];
    long[] k = codec.toLongs(v, n, null);
    boolean[] nulls = v.nulls();
    for (int i = 0; i < n; i++) {
      if (skip != null && skip[i]) {
        ids[i] = -1;
      } else if (nulls != null && nulls[i]) {
        ids[i] = nullId;
      } else {
        ids[i] = lookup(k[i]);
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

  private int insert(long key) {
    int slot = (int) ((key * Hashing.GOLDEN) >>> shift);
    while (true) {
      int id = slotIds[slot];
      if (id == 0) return add(slot, key);
      if (slotKeys[slot] == key) return id - 1;
      slot = (slot + 1) & mask;
    }
  }

  private int lookup(long key) {
    int slot = (int) ((key * Hashing.GOLDEN) >>> shift);
    while (true) {
      int id = slotIds[slot];
      if (id == 0) return -1;
      if (slotKeys[slot] == key) return id - 1;
      slot = (slot + 1) & mask;
    }
  }

  private int nullId() {
    if (nullId < 0) nullId = newId(0);
    return nullId;
  }

  private int add(int slot, long key) {
    int id = newId(key);
    slotIds[slot] = id + 1;
    slotKeys[slot] = key;
    if (size * 2 > slotIds.length) rehash();
    return id;
  }

  private int newId(long key) {
    if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
    keys[size] = key;
    return size++;
  }

  private void allocate(int capacity) {
    slotKeys = new long[capacity];
    slotIds = new int[capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private void rehash() {
    long[] oldKeys = slotKeys;
    int[] oldIds = slotIds;
    allocate(oldIds.length * 2);
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != 0) {
        int slot = (int) ((oldKeys[i] * Hashing.GOLDEN) >>> shift);
        while (slotIds[slot] != 0) slot = (slot + 1) & mask;
        slotIds[slot] = oldIds[i];
        slotKeys[slot] = oldKeys[i];
      }
    }
  }
}
