package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.StringType;
import java.util.List;

/**
 * A hash table from key tuples to dense ids {@code 0 .. size()-1}, assigned in order of first
 * appearance: the group ids of a hash aggregation, the build keys of a hash join. Null is a key
 * value like any other (equal to itself); a join skips rows with null keys itself. Works a batch at
 * a time: one call maps every row of a set of key vectors to an id.
 *
 * <p>Three layouts: one fixed-width key column as primitive {@code long} codes; one string or
 * binary column as bytes; anything else as each row's keys serialized into bytes. Inserting is not
 * thread-safe; {@link #find} on a table no longer inserted into is.
 */
public abstract class KeyTable {

  /** A table for keys of these types (at least one). */
  public static KeyTable create(List<DataType> keyTypes) {
    if (keyTypes.isEmpty()) throw new IllegalArgumentException("no key columns");
    if (keyTypes.size() == 1) {
      DataType t = keyTypes.get(0);
      LongCodec codec = LongCodec.forType(t);
      if (codec != null) return new LongKeyTable(t, codec);
      if (t instanceof StringType || t instanceof BinaryType) return new BytesKeyTable(t);
    }
    return new SerializedKeyTable(keyTypes);
  }

  /** Number of distinct keys seen. */
  public abstract int size();

  /**
   * Sets {@code ids[i]} to the id of row {@code i}'s key for rows {@code [0, n)}, adding keys not
   * seen before; new keys get the next ids in row order.
   */
  public abstract void findOrInsert(ColumnVector[] keys, int n, int[] ids);

  /**
   * Sets {@code ids[i]} to the id of row {@code i}'s key, or -1 when absent or when {@code skip[i]}
   * is true ({@code skip} may be null). Once no more keys are inserted, several threads may call
   * this at once (a broadcast join table).
   */
  public abstract void find(ColumnVector[] keys, int n, boolean[] skip, int[] ids);

  /**
   * Keeps only the keys of ids {@code keep[0, k)} (ascending), renumbered {@code 0..k-1} in that
   * order; returns false, changing nothing, when this table cannot do it in place.
   */
  public boolean retain(int[] keep, int k) {
    return false;
  }

  /** The key columns of ids {@code [from, to)}. */
  public abstract ColumnVector[] keyColumns(int from, int to);
}
