package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import java.util.Arrays;
import java.util.List;

/**
 * The hashed side of a join: all its rows in one batch, a key table mapping key values to ids, and
 * per id a chain of row numbers in input order ({@code head[id]}, then {@code next[row]}, -1 ends a
 * chain). Without keys (nested loop join) every row is on the chain of id 0.
 */
final class JoinBuildTable {
  final ColumnBatch rows;
  final KeyTable table;
  final int[] head;
  final int[] next;

  /** True when no chain has more than one row (unique build keys): each probe matches once. */
  final boolean unique;

  private JoinBuildTable(ColumnBatch rows, KeyTable table, int[] head, int[] next) {
    this.rows = rows;
    this.table = table;
    this.head = head;
    this.next = next;
    boolean single = true;
    for (int r : next) single &= r < 0;
    this.unique = single;
  }

  static JoinBuildTable build(
      HashJoinOperator join, List<ColumnBatch> batches, TaskContext context) {
    ColumnBatch rows = BatchBuilder.concat(BoundExpressions.typesOf(join.build.output()), batches);
    int n = rows.numRows();
    int[] next = new int[n];
    if (join.buildKeys.size() == 0) {
      for (int r = 0; r < n; r++) next[r] = r + 1 < n ? r + 1 : -1;
      return new JoinBuildTable(rows, null, n == 0 ? new int[0] : new int[] {0}, next);
    }
    VectorEvaluator[] evals = join.buildKeys.compileTransient(context);
    ColumnVector[] keys = new ColumnVector[evals.length];
    for (int k = 0; k < keys.length; k++) keys[k] = evals[k].evaluate(rows);
    KeyTable table = KeyTable.create(join.buildKeys.types());
    int[] ids = new int[n];
    table.findOrInsert(keys, n, ids);
    boolean[] unmatchable = nullKeys(keys, join.nullSafe, n);
    int[] head = new int[table.size()];
    Arrays.fill(head, -1);
    for (int r = n - 1; r >= 0; r--) {
      if (unmatchable != null && unmatchable[r]) {
        next[r] = -1;
        continue;
      }
      next[r] = head[ids[r]];
      head[ids[r]] = r;
    }
    return new JoinBuildTable(rows, table, head, next);
  }

  /** Rows with a null in a key whose equality is not null-safe, or null when there is none. */
  static boolean[] nullKeys(ColumnVector[] keys, boolean[] nullSafe, int n) {
    boolean[] out = null;
    for (int k = 0; k < keys.length; k++) {
      boolean[] nulls = keys[k].nulls();
      if (nullSafe[k] || nulls == null) continue;
      if (out == null) out = new boolean[n];
      for (int i = 0; i < n; i++) out[i] |= nulls[i];
    }
    return out;
  }
}
