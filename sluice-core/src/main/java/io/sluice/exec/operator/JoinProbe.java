package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.JoinType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Streams one partition of a join's streamed side through its build table. For each streamed batch
 * the keys are looked up a vector at a time; candidate pairs (streamed row, build row) are produced
 * at most a batch at a time, filtered by the remaining condition, and turned into output by join
 * type: pairs, unmatched rows padded with nulls, or streamed rows alone (semi and anti joins).
 */
final class JoinProbe implements BatchIterator {
  private final HashJoinOperator join;
  private final JoinBuildTable build;
  private final BatchIterator input;
  private final int batchSize;
  private final VectorEvaluator[] keyEvals;
  private final VectorEvaluator condition;
  private final JoinType type;
  private final boolean emitPairs;
  private final boolean trackStream;
  private final boolean[] buildMatched;
  private final ArrayDeque<ColumnBatch> queue = new ArrayDeque<>();
  private final int[] streamIdx;
  private final int[] buildIdx;

  /** Columns of the streamed and build rows that are read (output or condition). */
  private final boolean[] streamUsed;

  private final boolean[] buildUsed;

  /** Buffers for the pairs' columns when the caller reads batches transiently, else null. */
  private final ReusableGather reuse;

  private ColumnBatch current;
  private int rows;
  private int[] ids = new int[0];
  private boolean[] streamMatched;
  private int row;
  private int pos;
  private boolean finished;

  /**
   * @param transientOutput whether the caller is done with each batch before asking for the next
   *     (then pairs are gathered into reused buffers)
   */
  JoinProbe(
      HashJoinOperator join,
      JoinBuildTable build,
      BatchIterator input,
      TaskContext context,
      boolean transientOutput) {
    this.join = join;
    this.build = build;
    this.input = input;
    this.batchSize = context.batchSize();
    this.keyEvals = join.streamKeys.compileTransient(context);
    this.condition =
        join.boundCondition == null ? null : join.boundCondition.compileTransient(context)[0];
    this.type = join.joinType;
    this.emitPairs = !type.leftOnly();
    this.trackStream = type != JoinType.INNER && type != JoinType.CROSS;
    this.buildMatched = type == JoinType.FULL_OUTER ? new boolean[build.rows.numRows()] : null;
    this.streamIdx = new int[batchSize];
    this.buildIdx = new int[batchSize];
    int leftWidth = join.left.output().size();
    boolean[] used = join.usedColumns;
    boolean[] leftUsed = Arrays.copyOfRange(used, 0, leftWidth);
    boolean[] rightUsed = Arrays.copyOfRange(used, leftWidth, used.length);
    this.streamUsed = join.streamIsLeft() ? leftUsed : rightUsed;
    this.buildUsed = join.streamIsLeft() ? rightUsed : leftUsed;
    this.reuse = transientOutput ? new ReusableGather() : null;
  }

  @Override
  public ColumnBatch next() {
    while (true) {
      if (!queue.isEmpty()) return queue.poll();
      if (finished) return null;
      if (current == null) {
        ColumnBatch b = input.next();
        if (b == null) {
          finished = true;
          if (buildMatched != null) emitUnmatchedBuildRows();
          continue;
        }
        if (b.numRows() == 0) continue;
        start(b);
        if (type.leftOnly() && condition == null) {
          emitStreamRows(type == JoinType.LEFT_SEMI);
          current = null;
          continue;
        }
      }
      if (fillPairs()) {
        finishBatch();
        current = null;
      }
    }
  }

  private void start(ColumnBatch b) {
    current = b;
    rows = b.numRows();
    if (ids.length < rows) ids = new int[rows];
    if (build.table == null) {
      Arrays.fill(ids, 0, rows, build.head.length == 0 ? -1 : 0);
    } else {
      ColumnVector[] keys = new ColumnVector[keyEvals.length];
      for (int k = 0; k < keys.length; k++) keys[k] = keyEvals[k].evaluate(b);
      boolean[] skip = JoinBuildTable.nullKeys(keys, join.nullSafe, rows);
      build.table.find(keys, rows, skip, ids);
    }
    streamMatched = trackStream ? new boolean[rows] : null;
    row = 0;
    pos = -2;
  }

  /** Produces up to one batch of candidate pairs; returns true once the batch is exhausted. */
  private boolean fillPairs() {
    if (build.unique && pos == -2) return fillUniquePairs();
    int count = 0;
    int[] head = build.head;
    int[] next = build.next;
    while (count < batchSize && row < rows) {
      if (pos == -2) {
        int id = ids[row];
        pos = id < 0 ? -1 : head[id];
      }
      if (pos < 0) {
        row++;
        pos = -2;
        continue;
      }
      streamIdx[count] = row;
      buildIdx[count] = pos;
      count++;
      pos = next[pos];
    }
    if (count > 0) processPairs(count);
    return row >= rows;
  }

  /**
   * {@link #fillPairs} for a build side with unique keys: a row has at most one partner, so the
   * pairs of up to a batch of rows come from one branch-free pass.
   */
  private boolean fillUniquePairs() {
    int[] head = build.head;
    int end = Math.min(rows, row + batchSize);
    int count = 0;
    for (int i = row; i < end; i++) {
      int id = ids[i];
      int partner = id < 0 ? -1 : head[id];
      streamIdx[count] = i;
      buildIdx[count] = partner;
      count += partner >= 0 ? 1 : 0;
    }
    row = end;
    if (count > 0) processPairs(count);
    return row >= rows;
  }

  private void processPairs(int count) {
    ColumnVector[] s = gather(current, streamIdx, count, streamUsed, 0);
    ColumnVector[] b = gather(build.rows, buildIdx, count, buildUsed, streamUsed.length);
    ColumnBatch joined = join.streamIsLeft() ? concat(s, b, count) : concat(b, s, count);
    int[] sel = null;
    int kept = count;
    if (condition != null) {
      sel = new int[count];
      kept = FilterOperator.select(condition.evaluate(joined), count, sel);
    }
    for (int i = 0; i < kept; i++) {
      int p = sel == null ? i : sel[i];
      if (streamMatched != null) streamMatched[streamIdx[p]] = true;
      if (buildMatched != null) buildMatched[buildIdx[p]] = true;
    }
    if (emitPairs && kept > 0) emit(kept == count ? joined : gatherUsed(joined, sel, kept));
  }

  /** Queues a batch of assembled rows as output columns. */
  private void emit(ColumnBatch assembled) {
    int[] positions = join.outputPositions;
    queue.add(positions == null ? assembled : assembled.project(positions));
  }

  /** Rows {@code sel} of the read columns of {@code b} (others stay null). */
  private static ColumnBatch gatherUsed(ColumnBatch b, int[] sel, int count) {
    ColumnVector[] out = new ColumnVector[b.numColumns()];
    for (int c = 0; c < out.length; c++) {
      if (b.column(c) != null) out[c] = b.column(c).gather(sel, count);
    }
    return new ColumnBatch(out, count);
  }

  private void finishBatch() {
    switch (type) {
      case INNER, CROSS -> {}
      case LEFT_OUTER, RIGHT_OUTER, FULL_OUTER -> emitUnmatchedStreamRows();
      case LEFT_SEMI -> emitMatching(true);
      case LEFT_ANTI -> emitMatching(false);
    }
  }

  /** Semi/anti join without a condition: a streamed row matches when its key was found. */
  private void emitStreamRows(boolean matching) {
    int[] sel = new int[rows];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if ((ids[i] >= 0) == matching) sel[k++] = i;
    }
    addRows(current, sel, k);
  }

  private void emitMatching(boolean matching) {
    int[] sel = new int[rows];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (streamMatched[i] == matching) sel[k++] = i;
    }
    addRows(current, sel, k);
  }

  private void addRows(ColumnBatch b, int[] sel, int k) {
    if (k == b.numRows()) {
      emit(b);
    } else if (k > 0) {
      emit(b.gather(sel, k));
    }
  }

  private void emitUnmatchedStreamRows() {
    int[] sel = new int[rows];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (!streamMatched[i]) sel[k++] = i;
    }
    if (k == 0) return;
    ColumnVector[] s = gather(current, sel, k, streamUsed, -1);
    ColumnVector[] nulls = nulls(join.build.output(), k);
    emit(join.streamIsLeft() ? concat(s, nulls, k) : concat(nulls, s, k));
  }

  private void emitUnmatchedBuildRows() {
    int n = buildMatched.length;
    int[] sel = new int[Math.max(n, 1)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!buildMatched[i]) sel[k++] = i;
    }
    for (int from = 0; from < k; from += batchSize) {
      int m = Math.min(batchSize, k - from);
      int[] part = Arrays.copyOfRange(sel, from, from + m);
      ColumnVector[] b = gather(build.rows, part, m, buildUsed, -1);
      ColumnVector[] nulls = nulls(join.stream.output(), m);
      emit(join.streamIsLeft() ? concat(nulls, b, m) : concat(b, nulls, m));
    }
  }

  /**
   * Rows {@code sel} of the columns of {@code b} flagged in {@code used} (others are left null);
   * into reused buffers from slot {@code slot} on when the output is transient and {@code slot} is
   * not negative.
   */
  private ColumnVector[] gather(ColumnBatch b, int[] sel, int count, boolean[] used, int slot) {
    ColumnVector[] out = new ColumnVector[b.numColumns()];
    for (int c = 0; c < out.length; c++) {
      if (!used[c]) continue;
      out[c] =
          reuse != null && slot >= 0
              ? reuse.gather(slot + c, b.column(c), sel, count)
              : b.column(c).gather(sel, count);
    }
    return out;
  }

  private static ColumnVector[] nulls(List<AttributeReference> attrs, int n) {
    ColumnVector[] out = new ColumnVector[attrs.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = VectorAppender.nulls(attrs.get(c).dataType(), n);
    }
    return out;
  }

  private static ColumnBatch concat(ColumnVector[] a, ColumnVector[] b, int n) {
    ColumnVector[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return new ColumnBatch(out, n);
  }

  @Override
  public void close() {
    input.close();
  }
}
