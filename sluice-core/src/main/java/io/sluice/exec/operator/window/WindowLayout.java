package io.sluice.exec.operator.window;

import io.sluice.exec.operator.sort.RowComparator;
import io.sluice.exec.vector.ColumnVector;

/**
 * The rows of one task's input sorted by window partition, then by the ORDER BY keys, with for
 * every row (by its position in that order) the bounds of its partition and of its peer group (the
 * rows of the partition with equal ORDER BY keys; the whole partition without an ORDER BY). Bounds
 * are half-open: {@code [partStart[i], partEnd[i])}.
 */
final class WindowLayout {
  final int n;
  final int[] partStart;
  final int[] partEnd;
  final int[] peerStart;
  final int[] peerEnd;

  /** The ORDER BY key vectors in sorted row order, with their directions. */
  final ColumnVector[] orderKeys;

  final boolean[] ascending;
  final boolean[] nullsFirst;

  /**
   * @param partitionIds each sorted row's window partition (rows of one partition adjacent)
   * @param orderKeys the ORDER BY keys of the sorted rows
   */
  WindowLayout(
      int n,
      int[] partitionIds,
      ColumnVector[] orderKeys,
      boolean[] ascending,
      boolean[] nullsFirst) {
    this.n = n;
    this.orderKeys = orderKeys;
    this.ascending = ascending;
    this.nullsFirst = nullsFirst;
    partStart = new int[n];
    partEnd = new int[n];
    peerStart = new int[n];
    peerEnd = new int[n];
    RowComparator order =
        orderKeys.length == 0 ? null : RowComparator.of(orderKeys, ascending, nullsFirst, n);
    int start = 0;
    int peer = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && partitionIds[i] != partitionIds[i - 1]) {
        start = i;
        peer = i;
      } else if (i > 0 && order != null && order.compare(i - 1, i) != 0) {
        peer = i;
      }
      partStart[i] = start;
      peerStart[i] = peer;
    }
    int end = n;
    int peerE = n;
    for (int i = n - 1; i >= 0; i--) {
      if (i < n - 1 && partStart[i] != partStart[i + 1]) {
        end = i + 1;
        peerE = i + 1;
      } else if (i < n - 1 && peerStart[i] != peerStart[i + 1]) {
        peerE = i + 1;
      }
      partEnd[i] = end;
      peerEnd[i] = peerE;
    }
  }
}
