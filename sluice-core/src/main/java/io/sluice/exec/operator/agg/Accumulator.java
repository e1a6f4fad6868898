package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.List;

/**
 * The running state of one aggregate function for every group of one task, in primitive arrays
 * indexed by group id. Rows arrive a batch at a time with each row's group id; updates are tight
 * loops over those arrays, without objects per row (except for rare types).
 *
 * <p>Partial aggregation {@link #update updates} from input rows and writes {@link #buffers}; final
 * aggregation {@link #merge merges} those buffers and writes {@link #result results}.
 *
 * <p>The vectors passed to {@code update} and {@code merge} are valid only during the call (the
 * aggregation reads its input transiently, and argument vectors reuse their buffers from batch to
 * batch): an accumulator copies what it keeps, never a reference to a vector.
 */
public abstract class Accumulator {
  /** Types of the columns a partial aggregation emits for this function, in order. */
  public abstract List<DataType> bufferTypes();

  public abstract DataType resultType();

  /** Makes room for groups {@code [0, groups)}; new groups start empty. */
  public abstract void grow(int groups);

  /** Adds rows {@code [0, n)} of the argument vectors to groups {@code groupIds[i]}. */
  public abstract void update(ColumnVector[] args, int[] groupIds, int n);

  /**
   * Adds rows {@code [0, n)} to group 0, the only group of an aggregation without keys. The default
   * passes group ids of 0 to {@link #update}; accumulators whose per-row update goes through a
   * state array override it to add into a local first (a loop over one array slot waits for each
   * store to be forwarded to the next load).
   */
  public void updateSingleGroup(ColumnVector[] args, int n) {
    if (zeros.length < n) zeros = new int[n];
    update(args, zeros, n);
  }

  /** Group ids of 0 for {@link #updateSingleGroup}'s default. */
  private int[] zeros = new int[0];

  /**
   * Adds rows {@code [from, to)} of the argument vectors to group {@code group}, in order: an
   * aggregate over a window frame. The default copies those rows into scratch vectors kept from
   * call to call and runs {@link #update}; accumulators may read the vectors in place instead.
   */
  public void updateRange(ColumnVector[] args, int from, int to, int group) {
    int n = to - from;
    if (n <= 0) return;
    if (rangeArgs == null || rangeArgs.length != args.length) {
      rangeArgs = new ColumnVector[args.length];
    }
    for (int j = 0; j < args.length; j++) {
      ColumnVector a = rangeArgs[j];
      if (a == null || !a.type().equals(args[j].type())) {
        a = ColumnVector.allocate(args[j].type(), n);
        rangeArgs[j] = a;
      } else {
        a.truncate(0);
      }
      io.sluice.exec.operator.VectorAppender.append(a, args[j], null, from, to);
    }
    if (rangeIds.length < n) rangeIds = new int[n];
    java.util.Arrays.fill(rangeIds, 0, n, group);
    update(rangeArgs, rangeIds, n);
  }

  private ColumnVector[] rangeArgs;
  private int[] rangeIds = new int[0];

  /**
   * Makes group {@code to}, empty so far, a copy of group {@code from} (the running state of a
   * window frame that grows). The default merges {@code from}'s buffers into it.
   */
  public void copyGroup(int from, int to) {
    merge(buffers(from, from + 1), new int[] {to}, 1);
  }

  /** Merges rows {@code [0, n)} of buffer columns (as written by {@link #buffers}). */
  public abstract void merge(ColumnVector[] buffers, int[] groupIds, int n);

  /** The buffer columns of groups {@code [from, to)}. */
  public abstract ColumnVector[] buffers(int from, int to);

  /** The function's value for groups {@code [from, to)}. */
  public abstract ColumnVector result(int from, int to);

  static int grownLength(int current, int needed) {
    return Math.max(needed, Math.max(16, current + (current >> 1)));
  }

  /** Null flags for groups {@code [from, to)} that have no value, or null when all have one. */
  static boolean[] missing(boolean[] has, int from, int to) {
    boolean[] out = null;
    for (int g = from; g < to; g++) {
      if (!has[g]) {
        if (out == null) out = new boolean[to - from];
        out[g - from] = true;
      }
    }
    return out;
  }
}
