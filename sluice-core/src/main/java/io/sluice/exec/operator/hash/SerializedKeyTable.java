package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.List;

/**
 * A {@link KeyTable} over several key columns (or one of a type without a primitive layout): each
 * row's keys are serialized into bytes and looked up as one byte string. The key values of each new
 * id are also appended to key vectors, which {@link #keyColumns} returns.
 */
final class SerializedKeyTable extends KeyTable {
  private final List<DataType> types;
  private final RowKeySerializer serializer;
  private final ByteKeyMap map = new ByteKeyMap();
  private final ColumnVector[] keyVectors;
  private int[] hashes = new int[0];

  SerializedKeyTable(List<DataType> types) {
    this.types = List.copyOf(types);
    serializer = new RowKeySerializer(types);
    keyVectors = new ColumnVector[types.size()];
    for (int c = 0; c < keyVectors.length; c++) {
      keyVectors[c] = ColumnVector.allocate(types.get(c), 64);
    }
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public void findOrInsert(ColumnVector[] keys, int n, int[] ids) {
    if (hashes.length < n) hashes = new int[Math.max(n, 16)];
    int[] h = serializeAndHash(serializer, keys, n, hashes);
    byte[] data = serializer.data();
    int[] off = serializer.offsets();
    for (int i = 0; i < n; i++) {
      int before = map.size();
      int id = map.findOrInsert(data, off[i], off[i + 1], h[i]);
      if (id == before) {
        for (int c = 0; c < keyVectors.length; c++) keyVectors[c].appendFrom(keys[c], i);
      }
      ids[i] = id;
    }
  }

  @Override
  public void find(ColumnVector[] keys, int n, boolean[] skip, int[] ids) {
    RowKeySerializer serializer = new RowKeySerializer(types);
    int[] h = serializeAndHash(serializer, keys, n, new int[n]);
    byte[] data = serializer.data();
    int[] off = serializer.offsets();
    for (int i = 0; i < n; i++) {
      ids[i] = skip != null && skip[i] ? -1 : map.find(data, off[i], off[i + 1], h[i]);
    }
  }

  private static int[] serializeAndHash(
      RowKeySerializer serializer, ColumnVector[] keys, int n, int[] out) {
    serializer.serialize(keys, n);
    byte[] data = serializer.data();
    int[] off = serializer.offsets();
    for (int i = 0; i < n; i++) out[i] = Hashing.hashBytes(data, off[i], off[i + 1], 0);
    return out;
  }

  @Override
  public boolean retain(int[] keep, int k) {
    map.retain(keep, k);
    for (int c = 0; c < keyVectors.length; c++) keyVectors[c] = keyVectors[c].gather(keep, k);
    return true;
  }

  @Override
  public ColumnVector[] keyColumns(int from, int to) {
    ColumnVector[] out = new ColumnVector[keyVectors.length];
    int n = to - from;
    int[] sel = new int[n];
    for (int i = 0; i < n; i++) sel[i] = from + i;
    for (int c = 0; c < out.length; c++) out[c] = keyVectors[c].gather(sel, n);
    return out;
  }
}
