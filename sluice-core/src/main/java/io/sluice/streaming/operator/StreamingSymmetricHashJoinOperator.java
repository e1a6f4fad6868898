package io.sluice.streaming.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.MicroBatchInput;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.JoinType;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreRegistry;
import io.sluice.streaming.StateOperatorProgress;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stream-stream join, per partition of the exchange on the join keys, as Spark's symmetric hash
 * join: each side keeps its rows in state; a new left row joins the right rows kept so far and is
 * kept, then a new right row joins the left rows kept (including this batch's) and is kept, so each
 * pair is produced once. Rows whose event time is at or below the watermark are late and dropped.
 * With a time-range condition, kept rows that no future row of the other side can match are
 * evicted; a left outer join then emits the evicted left rows that never matched, padded with
 * nulls. A left semi join emits a left row once, at its first match.
 */
public final class StreamingSymmetricHashJoinOperator
    implements PhysicalOperator, StatefulOperator {
  /** What a time-range condition allows: {@code left.t - right.t} within {@code [lo, hi]}. */
  public record TimeRange(
      int leftTimeOrdinal, int rightTimeOrdinal, Long lowerMicros, Long upperMicros) {}

  private final long operatorId;
  private final JoinType type;
  private final PhysicalOperator left;
  private final PhysicalOperator right;
  private final int[] leftKeyOrdinals;
  private final int[] rightKeyOrdinals;
  private final BoundExpressions condition;
  private final List<AttributeReference> output;
  private final int leftWatermarkOrdinal;
  private final int rightWatermarkOrdinal;
  private final TimeRange range;
  private final List<DataType> leftTypes = new ArrayList<>();
  private final List<DataType> rightTypes = new ArrayList<>();
  private final List<DataType> keyTypes = new ArrayList<>();
  private volatile long lastWatermarkMs = Long.MIN_VALUE;

  public StreamingSymmetricHashJoinOperator(
      long operatorId,
      JoinType type,
      PhysicalOperator left,
      PhysicalOperator right,
      int[] leftKeyOrdinals,
      int[] rightKeyOrdinals,
      Expression condition,
      List<AttributeReference> output,
      int leftWatermarkOrdinal,
      int rightWatermarkOrdinal,
      TimeRange range) {
    this.operatorId = operatorId;
    this.type = type;
    this.left = left;
    this.right = right;
    this.leftKeyOrdinals = leftKeyOrdinals.clone();
    this.rightKeyOrdinals = rightKeyOrdinals.clone();
    List<AttributeReference> both = new ArrayList<>(left.output());
    both.addAll(right.output());
    this.condition = condition == null ? null : new BoundExpressions(List.of(condition), both);
    this.output = List.copyOf(output);
    this.leftWatermarkOrdinal = leftWatermarkOrdinal;
    this.rightWatermarkOrdinal = rightWatermarkOrdinal;
    this.range = range;
    for (AttributeReference a : left.output()) leftTypes.add(a.dataType());
    for (AttributeReference a : right.output()) rightTypes.add(a.dataType());
    for (int o : leftKeyOrdinals) keyTypes.add(left.output().get(o).dataType());
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of(left, right);
  }

  @Override
  public int numPartitions() {
    return left.numPartitions();
  }

  private boolean evicts() {
    return range != null && (range.lowerMicros() != null || range.upperMicros() != null);
  }

  @Override
  public boolean shouldRunAnotherBatch(long newWatermarkMs) {
    return evicts() && newWatermarkMs > lastWatermarkMs;
  }

  /** The lower of both sides' state bounds, as Spark's join passes the watermark on. */
  @Override
  public long outputWatermarkMs(long inputWatermarkMs) {
    if (!evicts()) return inputWatermarkMs;
    long out = Long.MAX_VALUE;
    if (range.lowerMicros() != null) {
      out = Math.min(out, inputWatermarkMs + Math.floorDiv(range.lowerMicros(), 1000L));
    }
    if (range.upperMicros() != null) {
      out = Math.min(out, inputWatermarkMs - Math.floorDiv(range.upperMicros(), 1000L));
    }
    return out;
  }

  @Override
  public StateOperatorProgress progress(TaskContext context) {
    Metrics m = context.shared(this, Metrics::new);
    return new StateOperatorProgress(
        "symmetricHashJoin",
        m.total.sum(),
        m.updated.sum(),
        0,
        m.removed.sum(),
        0,
        0,
        m.memory.sum(),
        m.dropped.sum(),
        numPartitions(),
        2L * numPartitions(),
        Map.of());
  }

  private static final class Metrics {
    final LongAdder total = new LongAdder();
    final LongAdder updated = new LongAdder();
    final LongAdder removed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder memory = new LongAdder();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    MicroBatchInput mb = context.microBatch();
    lastWatermarkMs = mb.watermarkMs();
    long wmMs = WatermarkPropagation.inputMs(this, mb.watermarkMs());
    long lateMs = WatermarkPropagation.inputMs(this, mb.lateEventsWatermarkMs());
    StateStoreRegistry reg = mb.stateStores();
    String leftSchema = StateSchemas.ddl(left.output());
    String rightSchema = StateSchemas.ddl(right.output());
    StateStore leftStore =
        reg.provider(operatorId, partition, "left", "`seq` BIGINT", leftSchema)
            .getStore(mb.batchId());
    StateStore rightStore =
        reg.provider(operatorId, partition, "right", "`seq` BIGINT", rightSchema)
            .getStore(mb.batchId());
    JoinSideState ls =
        reg.attachment(operatorId, partition, "left", () -> new JoinSideState(leftTypes, keyTypes));
    JoinSideState rs =
        reg.attachment(
            operatorId, partition, "right", () -> new JoinSideState(rightTypes, keyTypes));
    if (ls.version != mb.batchId()) ls.restore(leftStore, leftKeyOrdinals);
    if (rs.version != mb.batchId()) rs.restore(rightStore, rightKeyOrdinals);
    Metrics m = context.shared(this, Metrics::new);
    VectorEvaluator cond = condition == null ? null : condition.compile(context)[0];
    List<ColumnBatch> out = new ArrayList<>();
    int leftStart = ls.size;
    int rightStart = rs.size;
    long bound = wmMs * 1000L;
    long lateBound = lateMs * 1000L;
    // new left rows: join the right rows kept so far, then keep them
    for (ColumnBatch b : drain(left.execute(partition, context))) {
      int[] sel = notLate(b, leftWatermarkOrdinal, lateBound, m);
      ColumnVector[] keys = columns(b, leftKeyOrdinals);
      boolean[] matched = probe(b, keys, sel, rs, true, cond, out);
      ls.append(b, keys, sel, sel.length, matched);
    }
    // new right rows: join the left rows kept (this batch's included), then keep them
    for (ColumnBatch b : drain(right.execute(partition, context))) {
      int[] sel = notLate(b, rightWatermarkOrdinal, lateBound, m);
      ColumnVector[] keys = columns(b, rightKeyOrdinals);
      boolean[] matched = probe(b, keys, sel, ls, false, cond, out);
      rs.append(b, keys, sel, sel.length, matched);
    }
    for (int r : ls.rematched) {
      if (r < leftStart && ls.live[r]) leftStore.put(ls.seqKey(r), ls.value(r));
    }
    for (int r : rs.rematched) {
      if (r < rightStart && rs.live[r]) rightStore.put(rs.seqKey(r), rs.value(r));
    }
    ls.rematched.clear();
    rs.rematched.clear();
    for (int r = leftStart; r < ls.size; r++) leftStore.put(ls.seqKey(r), ls.value(r));
    for (int r = rightStart; r < rs.size; r++) rightStore.put(rs.seqKey(r), rs.value(r));
    m.updated.add((ls.size - leftStart) + (rs.size - rightStart));
    if (evicts()) {
      evict(ls, leftStore, true, bound, out, m);
      evict(rs, rightStore, false, bound, out, m);
    }
    ls.compactIfSparse(leftKeyOrdinals);
    rs.compactIfSparse(rightKeyOrdinals);
    leftStore.commit();
    rightStore.commit();
    ls.version = mb.batchId() + 1;
    rs.version = mb.batchId() + 1;
    m.total.add(leftStore.numKeys() + rightStore.numKeys());
    m.memory.add(leftStore.memoryUsedBytes() + rightStore.memoryUsedBytes());
    return BatchIterator.of(out);
  }

  private static List<ColumnBatch> drain(BatchIterator it) {
    List<ColumnBatch> out = new ArrayList<>();
    try (it) {
      for (ColumnBatch b = it.next(); b != null; b = it.next()) {
        if (b.numRows() > 0) out.add(b);
      }
    }
    return out;
  }

  private static ColumnVector[] columns(ColumnBatch b, int[] ordinals) {
    ColumnVector[] out = new ColumnVector[ordinals.length];
    for (int i = 0; i < out.length; i++) out[i] = b.column(ordinals[i]);
    return out;
  }

  private static int[] notLate(ColumnBatch b, int ordinal, long boundMicros, Metrics m) {
    int n = b.numRows();
    int[] sel = new int[n];
    int k = 0;
    LongVector t = ordinal >= 0 ? (LongVector) b.column(ordinal) : null;
    for (int r = 0; r < n; r++) {
      if (t != null && !t.isNullAt(r) && t.get(r) <= boundMicros) continue;
      sel[k++] = r;
    }
    if (k < n) m.dropped.add(n - k);
    return java.util.Arrays.copyOf(sel, k);
  }

  /**
   * Joins rows {@code sel} of {@code b} with the rows kept by {@code other}; returns which of them
   * matched, and marks the kept rows they matched.
   */
  private boolean[] probe(
      ColumnBatch b,
      ColumnVector[] keys,
      int[] sel,
      JoinSideState other,
      boolean probeIsLeft,
      VectorEvaluator cond,
      List<ColumnBatch> out) {
    int n = sel.length;
    boolean[] matched = new boolean[n];
    if (n == 0 || other.size == 0) return matched;
    ColumnVector[] k = new ColumnVector[keys.length];
    for (int i = 0; i < k.length; i++) k[i] = keys[i].gather(sel, n);
    int[] first = other.firstMatches(k, n);
    int[] probeRows = new int[16];
    int[] keptRows = new int[16];
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      if (anyNull(k, i)) continue;
      for (int r = first[i]; r >= 0; r = other.nextInChain(r)) {
        if (!other.live[r]) continue;
        if (pairs == probeRows.length) {
          probeRows = java.util.Arrays.copyOf(probeRows, pairs * 2);
          keptRows = java.util.Arrays.copyOf(keptRows, pairs * 2);
        }
        probeRows[pairs] = sel[i];
        keptRows[pairs] = r;
        pairs++;
      }
    }
    if (pairs == 0) return matched;
    ColumnBatch leftSide =
        probeIsLeft ? b.gather(probeRows, pairs) : gatherKept(other, keptRows, pairs);
    ColumnBatch rightSide =
        probeIsLeft ? gatherKept(other, keptRows, pairs) : b.gather(probeRows, pairs);
    ColumnVector[] all = new ColumnVector[leftSide.numColumns() + rightSide.numColumns()];
    System.arraycopy(leftSide.columns(), 0, all, 0, leftSide.numColumns());
    System.arraycopy(rightSide.columns(), 0, all, leftSide.numColumns(), rightSide.numColumns());
    ColumnBatch joined = new ColumnBatch(all, pairs);
    boolean[] ok = new boolean[pairs];
    if (cond == null) {
      java.util.Arrays.fill(ok, true);
    } else {
      ColumnVector v = cond.evaluate(joined);
      if (v instanceof BooleanVector bv) {
        for (int p = 0; p < pairs; p++) ok[p] = !bv.isNullAt(p) && bv.values()[p];
      }
    }
    int[] emit = new int[pairs];
    int e = 0;
    int[] indexOf = new int[b.numRows()];
    for (int i = 0; i < n; i++) indexOf[sel[i]] = i;
    for (int p = 0; p < pairs; p++) {
      if (!ok[p]) continue;
      int probeIndex = indexOf[probeRows[p]];
      if (type == JoinType.LEFT_SEMI) {
        // a left row comes out once, at its first match
        if (probeIsLeft) {
          if (!matched[probeIndex]) emit[e++] = p;
        } else if (!other.matched[keptRows[p]]) {
          emit[e++] = p;
          other.markMatched(keptRows[p]);
        }
      } else {
        emit[e++] = p;
        // kept rows remember a match when their side may come out null-padded
        boolean keptIsLeft = !probeIsLeft;
        if (keptIsLeft ? padsLeft() : padsRight()) other.markMatched(keptRows[p]);
      }
      matched[probeIndex] = true;
    }
    if (e > 0) {
      ColumnBatch rows = type == JoinType.LEFT_SEMI ? leftSide : joined;
      out.add(rows.gather(emit, e));
    }
    return matched;
  }

  private boolean padsLeft() {
    return type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER;
  }

  private boolean padsRight() {
    return type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
  }

  private static boolean anyNull(ColumnVector[] keys, int row) {
    for (ColumnVector k : keys) {
      if (k.isNullAt(row)) return true;
    }
    return false;
  }

  private static ColumnBatch gatherKept(JoinSideState s, int[] rows, int n) {
    ColumnVector[] cols = new ColumnVector[s.rows.length];
    for (int c = 0; c < cols.length; c++) cols[c] = s.rows[c].gather(rows, n);
    return new ColumnBatch(cols, n);
  }

  /**
   * Evicts kept rows no future row of the other side can match: left rows with {@code t <= W + lo},
   * right rows with {@code t <= W - hi}; a left outer join emits evicted unmatched left rows.
   */
  private void evict(
      JoinSideState s,
      StateStore store,
      boolean isLeft,
      long watermarkMicros,
      List<ColumnBatch> out,
      Metrics m) {
    Long offset =
        isLeft ? range.lowerMicros() : (range.upperMicros() == null ? null : -range.upperMicros());
    if (offset == null) return;
    long bound = watermarkMicros + offset;
    int ordinal = isLeft ? range.leftTimeOrdinal() : range.rightTimeOrdinal();
    if (s.size == 0) return;
    ColumnVector t = s.rows[ordinal];
    int[] padded = new int[s.size];
    int np = 0;
    long removed = 0;
    for (int r = 0; r < s.size; r++) {
      if (!s.live[r] || t.isNullAt(r) || ((LongVector) t).get(r) > bound) continue;
      if ((isLeft ? padsLeft() : padsRight()) && !s.matched[r]) padded[np++] = r;
      store.remove(s.seqKey(r));
      s.kill(r);
      removed++;
    }
    m.removed.add(removed);
    if (np > 0) {
      // the kept side's columns, the other side's as nulls, in left-then-right order
      ColumnBatch kept = gatherKept(s, padded, np);
      List<DataType> otherTypes = isLeft ? rightTypes : leftTypes;
      ColumnVector[] nulls = new ColumnVector[otherTypes.size()];
      for (int c = 0; c < nulls.length; c++) {
        nulls[c] = ColumnVector.allocate(otherTypes.get(c), np);
        for (int i = 0; i < np; i++) nulls[c].appendNull();
      }
      ColumnVector[] all = new ColumnVector[kept.numColumns() + nulls.length];
      ColumnVector[] first = isLeft ? kept.columns() : nulls;
      ColumnVector[] second = isLeft ? nulls : kept.columns();
      System.arraycopy(first, 0, all, 0, first.length);
      System.arraycopy(second, 0, all, first.length, second.length);
      out.add(new ColumnBatch(all, np));
    }
  }

  @Override
  public String nodeName() {
    return "StreamingSymmetricHashJoin";
  }

  @Override
  public String argString() {
    return type + ", operator " + operatorId + (range == null ? "" : ", " + range);
  }
}
