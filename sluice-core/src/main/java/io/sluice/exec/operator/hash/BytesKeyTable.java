package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.Arrays;

/** A {@link KeyTable} over one string or binary key column. */
final class BytesKeyTable extends KeyTable {
  private final DataType type;
  private final ByteKeyMap map = new ByteKeyMap();
  private int nullId = -1;
  private int[] hashes = new int[0];

  BytesKeyTable(DataType type) {
    this.type = type;
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public void findOrInsert(ColumnVector[] keyCols, int n, int[] ids) {
    BytesVector v = (BytesVector) keyCols[0];
    byte[] data = v.data();
    int[] off = v.offsets();
    boolean[] nulls = v.nulls();
    if (hashes.length < n) hashes = new int[Math.max(n, 16)];
    int[] h = hash(v, n, hashes);
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        if (nullId < 0) nullId = map.addUnmapped();
        ids[i] = nullId;
      } else {
        ids[i] = map.findOrInsert(data, off[i], off[i + 1], h[i]);
      }
    }
  }

  @Override
  public void find(ColumnVector[] keyCols, int n, boolean[] skip, int[] ids) {
    BytesVector v = (BytesVector) keyCols[0];
    byte[] data = v.data();
    int[] off = v.offsets();
    boolean[] nulls = v.nulls();
    int[] h = hash(v, n, new int[n]);
    for (int i = 0; i < n; i++) {
      if (skip != null && skip[i]) {
        ids[i] = -1;
      } else if (nulls != null && nulls[i]) {
        ids[i] = nullId;
      } else {
        ids[i] = map.find(data, off[i], off[i + 1], h[i]);
      }
    }
  }

  private static int[] hash(BytesVector v, int n, int[] out) {
    byte[] data = v.data();
    int[] off = v.offsets();
    for (int i = 0; i < n; i++) out[i] = Hashing.hashBytes(data, off[i], off[i + 1], 0);
    return out;
  }

  @Override
  public ColumnVector[] keyColumns(int from, int to) {
    int n = to - from;
    int base = map.start(from);
    byte[] data = Arrays.copyOfRange(map.arena(), base, Math.max(map.start(to), base + 1));
    int[] offsets = new int[n + 1];
    for (int i = 0; i <= n; i++) offsets[i] = map.start(from + i) - base;
    boolean[] nulls = null;
    if (nullId >= from && nullId < to) {
      nulls = new boolean[n];
      nulls[nullId - from] = true;
    }
    return new ColumnVector[] {new BytesVector(type, data, offsets, nulls, n)};
  }
}
