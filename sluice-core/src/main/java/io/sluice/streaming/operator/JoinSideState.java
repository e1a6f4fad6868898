package io.sluice.streaming.operator;

import io.sluice.exec.operator.VectorAppender;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.state.StateCursor;
import io.sluice.state.StateStore;
import io.sluice.types.DataType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The rows one side of a stream-stream join keeps between micro-batches, in one partition: the rows
 * in column vectors, their join keys mapped to dense ids by a {@link KeyTable} with a chain of rows
 * per key, a matched flag (outer and semi joins) and a live flag (eviction). Each row has a
 * sequence number that is its key in the state store, whose value is the encoded row and the
 * matched flag.
 */
final class JoinSideState {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  long version = -1;
  private final List<DataType> rowTypes;
  private final List<DataType> keyTypes;
  private final StateRowCodec rowCodec;
  ColumnVector[] rows;
  int size;
  boolean[] matched = new boolean[16];
  boolean[] live = new boolean[16];
  long[] seq = new long[16];
  private int[] next = new int[16];
  private int[] head = new int[16];
  private KeyTable keys;
  private long nextSeq;
  private int dead;

  /** Kept rows whose matched flag changed in this batch (their state value must be rewritten). */
  final java.util.List<Integer> rematched = new java.util.ArrayList<>();

  JoinSideState(List<DataType> rowTypes, List<DataType> keyTypes) {
    this.rowTypes = rowTypes;
    this.keyTypes = keyTypes;
    this.rowCodec = new StateRowCodec(rowTypes);
    clear();
  }

  private void clear() {
    rows = rowCodec.newColumns(16);
    size = 0;
    dead = 0;
    keys = KeyTable.create(keyTypes);
    Arrays.fill(head, -1);
  }

  /** Row ids of the stored rows with each probe key: the first of a chain, -1 when none. */
  int[] firstMatches(ColumnVector[] probeKeys, int n) {
    int[] ids = new int[n];
    keys.find(probeKeys, n, null, ids);
    for (int i = 0; i < n; i++) ids[i] = ids[i] < 0 || ids[i] >= head.length ? -1 : head[ids[i]];
    return ids;
  }

  int nextInChain(int row) {
    return next[row];
  }

  /** Appends rows {@code sel[0..n)} of {@code batch} (key columns {@code keyCols}). */
  void append(ColumnBatch batch, ColumnVector[] keyCols, int[] sel, int n, boolean[] matchedRows) {
    if (n == 0) return;
    int[] ids = new int[n];
    ColumnVector[] k = new ColumnVector[keyCols.length];
    for (int i = 0; i < k.length; i++) k[i] = keyCols[i].gather(sel, n);
    keys.findOrInsert(k, n, ids);
    ensure(size + n, keys.size());
    for (int c = 0; c < rows.length; c++)
      VectorAppender.append(rows[c], batch.column(c), sel, 0, n);
    for (int i = 0; i < n; i++) {
      int r = size + i;
      matched[r] = matchedRows != null && matchedRows[i];
      live[r] = true;
      seq[r] = nextSeq++;
      next[r] = head[ids[i]];
      head[ids[i]] = r;
    }
    size += n;
  }

  private void ensure(int rowsNeeded, int keysNeeded) {
    if (matched.length < rowsNeeded) {
      int cap = Math.max(rowsNeeded, matched.length * 2);
      matched = Arrays.copyOf(matched, cap);
      live = Arrays.copyOf(live, cap);
      seq = Arrays.copyOf(seq, cap);
      next = Arrays.copyOf(next, cap);
    }
    if (head.length < keysNeeded) {
      int old = head.length;
      head = Arrays.copyOf(head, Math.max(keysNeeded, old * 2));
      Arrays.fill(head, old, head.length, -1);
    }
  }

  /** Marks a kept row matched, remembering to rewrite its state value. */
  void markMatched(int row) {
    if (!matched[row]) {
      matched[row] = true;
      rematched.add(row);
    }
  }

  void kill(int row) {
    if (live[row]) {
      live[row] = false;
      dead++;
    }
  }

  byte[] seqKey(int row) {
    byte[] key = new byte[8];
    LONG.set(key, 0, seq[row]);
    return key;
  }

  byte[] value(int row) {
    byte[] out = rowCodec.encode(rows, row, 1);
    out[out.length - 1] = (byte) (matched[row] ? 1 : 0);
    return out;
  }

  /** Rebuilds from the store's entries (after a restart or a re-run of a batch). */
  void restore(StateStore store, int[] keyOrdinals) {
    clear();
    nextSeq = 0;
    StateCursor c = store.iterator();
    ColumnVector[] batch = rowCodec.newColumns(64);
    java.util.List<Long> seqs = new java.util.ArrayList<>();
    java.util.List<Boolean> flags = new java.util.ArrayList<>();
    while (c.next()) {
      byte[] v = c.value();
      rowCodec.decodeInto(Arrays.copyOf(v, v.length - 1), batch);
      flags.add(v[v.length - 1] == 1);
      seqs.add(ByteBuffer.wrap(c.key()).getLong());
    }
    int n = seqs.size();
    if (n > 0) {
      ColumnBatch b = new ColumnBatch(batch, n);
      ColumnVector[] k = new ColumnVector[keyOrdinals.length];
      for (int i = 0; i < k.length; i++) k[i] = batch[keyOrdinals[i]];
      int[] sel = new int[n];
      boolean[] m = new boolean[n];
      for (int i = 0; i < n; i++) {
        sel[i] = i;
        m[i] = flags.get(i);
      }
      append(b, k, sel, n, m);
      for (int i = 0; i < n; i++) seq[i] = seqs.get(i);
      long max = -1;
      for (long s : seqs) max = Math.max(max, s);
      nextSeq = max + 1;
    }
    version = store.version();
  }

  /** Drops dead rows when they are at least half of all rows. */
  void compactIfSparse(int[] keyOrdinals) {
    if (dead == 0 || dead * 2 < size) return;
    int[] keep = new int[size - dead];
    int k = 0;
    for (int r = 0; r < size; r++) if (live[r]) keep[k++] = r;
    ColumnVector[] kept = new ColumnVector[rows.length];
    for (int c = 0; c < rows.length; c++) kept[c] = rows[c].gather(keep, k);
    boolean[] m = new boolean[k];
    long[] s = new long[k];
    for (int i = 0; i < k; i++) {
      m[i] = matched[keep[i]];
      s[i] = seq[keep[i]];
    }
    long savedNext = nextSeq;
    clear();
    if (k > 0) {
      ColumnBatch b = new ColumnBatch(kept, k);
      ColumnVector[] keyCols = new ColumnVector[keyOrdinals.length];
      for (int i = 0; i < keyCols.length; i++) keyCols[i] = kept[keyOrdinals[i]];
      int[] sel = new int[k];
      for (int i = 0; i < k; i++) sel[i] = i;
      append(b, keyCols, sel, k, m);
      System.arraycopy(s, 0, seq, 0, k);
    }
    nextSeq = savedNext;
  }
}
