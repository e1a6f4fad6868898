package io.sluice.streaming.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.UnaryOperator;
import io.sluice.exec.operator.agg.Accumulator;
import io.sluice.exec.operator.agg.AggregateFunctions;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.operator.window.SessionMerger;
import io.sluice.exec.task.MicroBatchInput;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreProvider;
import io.sluice.state.StateStoreRegistry;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StateOperatorProgress;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A streaming aggregation grouped by a session window, per partition of the exchange on the other
 * keys: each batch's partial groups (one per row's own session) and the sessions kept from earlier
 * batches are merged per key with {@link SessionMerger} — a session starting at or before another's
 * end joins it, so a late-but-allowed row can bridge two sessions — then sessions the watermark
 * closed are emitted (append) and evicted. Complete mode emits every session. State holds one row
 * per session: the keys and the session as key, the aggregation buffers as value.
 */
public final class StreamingSessionAggregateOperator extends UnaryOperator
    implements StatefulOperator {
  private final long operatorId;
  private final List<AttributeReference> keyAttrs;
  private final int sessionKey;
  private final List<AggregateCall> calls;
  private final BoundExpressions results;
  private final List<AttributeReference> output;
  private final OutputMode mode;
  private final List<DataType> keyTypes = new ArrayList<>();
  private final List<DataType> otherKeyTypes = new ArrayList<>();
  private final List<DataType> bufferTypes = new ArrayList<>();
  private final String keySchema;
  private final String valueSchema;
  private volatile long lastWatermarkMs = Long.MIN_VALUE;

  public StreamingSessionAggregateOperator(
      long operatorId,
      List<AttributeReference> keyAttrs,
      int sessionKey,
      List<AggregateCall> calls,
      List<AttributeReference> callAttrs,
      List<NamedExpression> resultExpressions,
      OutputMode mode,
      PhysicalOperator child) {
    super(child);
    this.operatorId = operatorId;
    this.keyAttrs = List.copyOf(keyAttrs);
    this.sessionKey = sessionKey;
    this.calls = List.copyOf(calls);
    this.mode = mode;
    List<AttributeReference> resultInput = new ArrayList<>(keyAttrs);
    resultInput.addAll(callAttrs);
    this.results = new BoundExpressions(resultExpressions, resultInput);
    List<AttributeReference> out = new ArrayList<>();
    for (NamedExpression e : resultExpressions) out.add(e.toAttribute());
    this.output = List.copyOf(out);
    for (int i = 0; i < keyAttrs.size(); i++) {
      keyTypes.add(keyAttrs.get(i).dataType());
      if (i != sessionKey) otherKeyTypes.add(keyAttrs.get(i).dataType());
    }
    for (AggregateCall c : calls) bufferTypes.addAll(AggregateFunctions.bufferTypes(c));
    this.keySchema = StateSchemas.ddl(keyAttrs);
    this.valueSchema = StateSchemas.buffers(calls);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public boolean shouldRunAnotherBatch(long newWatermarkMs) {
    return mode != OutputMode.COMPLETE && newWatermarkMs > lastWatermarkMs;
  }

  @Override
  public StateOperatorProgress progress(TaskContext context) {
    Metrics m = context.shared(this, Metrics::new);
    return new StateOperatorProgress(
        "sessionWindowStateStoreSave",
        m.total.sum(),
        m.updated.sum(),
        0,
        m.removed.sum(),
        0,
        0,
        m.memory.sum(),
        m.dropped.sum(),
        numPartitions(),
        numPartitions(),
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
    long evictMicros = WatermarkPropagation.inputMs(this, mb.watermarkMs()) * 1000L;
    long lateMicros = WatermarkPropagation.inputMs(this, mb.lateEventsWatermarkMs()) * 1000L;
    boolean ansi = context.conf().ansiEnabled();
    StateStoreRegistry reg = mb.stateStores();
    StateStoreProvider provider =
        reg.provider(operatorId, partition, "default", keySchema, valueSchema);
    StateStore store = provider.getStore(mb.batchId());
    AggregateState kept = reg.attachment(operatorId, partition, "default", AggregateState::new);
    StateRowCodec keyCodec = new StateRowCodec(keyTypes);
    StateRowCodec valueCodec = new StateRowCodec(bufferTypes);
    if (kept.version != mb.batchId()) {
      kept.restore(store, keyCodec, valueCodec, keyTypes, calls, ansi, context.batchSize());
    }
    Metrics m = context.shared(this, Metrics::new);
    // items: the kept sessions first, then this batch's partial groups
    int oldCount = kept.numGroups;
    List<ColumnVector[]> keyParts = new ArrayList<>();
    List<ColumnVector[]> bufParts = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    if (oldCount > 0) {
      keyParts.add(kept.keys(0, oldCount));
      bufParts.add(kept.buffers(0, oldCount));
      sizes.add(oldCount);
    }
    int k = keyAttrs.size();
    try (BatchIterator in = child.execute(partition, context)) {
      for (ColumnBatch b = in.next(); b != null; b = in.next()) {
        int n = b.numRows();
        int[] sel = new int[n];
        int s = 0;
        StructVector session = (StructVector) b.column(sessionKey);
        LongVector end = (LongVector) session.child(1);
        for (int r = 0; r < n; r++) {
          if (mode != OutputMode.COMPLETE && end.get(r) <= lateMicros) {
            m.dropped.increment();
          } else {
            sel[s++] = r;
          }
        }
        if (s == 0) continue;
        ColumnVector[] keys = new ColumnVector[k];
        ColumnVector[] bufs = new ColumnVector[b.numColumns() - k];
        for (int i = 0; i < k; i++) keys[i] = b.column(i).gather(sel, s);
        for (int i = 0; i < bufs.length; i++) bufs[i] = b.column(k + i).gather(sel, s);
        keyParts.add(keys);
        bufParts.add(bufs);
        sizes.add(s);
      }
    }
    int total = 0;
    for (int s : sizes) total += s;
    List<ColumnBatch> out = new ArrayList<>();
    if (total == 0) {
      commit(store, kept, mb, m);
      return BatchIterator.of(out);
    }
    ColumnVector[] keys = concat(keyParts, sizes, keyTypes);
    ColumnVector[] bufs = concat(bufParts, sizes, bufferTypes);
    // group the items by their other keys, then merge sessions per group in start order
    int[] group = new int[total];
    if (otherKeyTypes.isEmpty()) {
      java.util.Arrays.fill(group, 0);
    } else {
      ColumnVector[] others = new ColumnVector[otherKeyTypes.size()];
      for (int i = 0, j = 0; i < k; i++) if (i != sessionKey) others[j++] = keys[i];
      KeyTable.create(otherKeyTypes).findOrInsert(others, total, group);
    }
    StructVector sess = (StructVector) keys[sessionKey];
    long[] start = new long[total];
    long[] end = new long[total];
    for (int r = 0; r < total; r++) {
      start[r] = ((LongVector) sess.child(0)).get(r);
      end[r] = ((LongVector) sess.child(1)).get(r);
    }
    Integer[] boxed = new Integer[total];
    for (int r = 0; r < total; r++) boxed[r] = r;
    java.util.Arrays.sort(
        boxed,
        (x, y) ->
            group[x] != group[y]
                ? Integer.compare(group[x], group[y])
                : Long.compare(start[x], start[y]));
    int[] order = new int[total];
    for (int r = 0; r < total; r++) order[r] = boxed[r];
    int[] sessionOf = new int[total];
    long[] mStart = new long[total];
    long[] mEnd = new long[total];
    int sessions = SessionMerger.merge(order, total, group, start, end, sessionOf, mStart, mEnd);
    boolean[] touched = new boolean[sessions];
    int[] itemsIn = new int[sessions];
    for (int r = 0; r < total; r++) {
      itemsIn[sessionOf[r]]++;
      if (r >= oldCount) touched[sessionOf[r]] = true;
    }
    for (int s = 0; s < sessions; s++) if (itemsIn[s] > 1) touched[s] = true;
    // old sessions that merged into a changed one leave the store under their old key
    for (int r = 0; r < oldCount; r++) {
      if (touched[sessionOf[r]]) store.remove(keyCodec.encode(keys, r));
    }
    // the merged sessions as fresh groups: each item's keys with its merged session
    ColumnVector[] mergedKeys = new ColumnVector[k];
    for (int i = 0; i < k; i++) {
      mergedKeys[i] =
          i == sessionKey ? sessionVector(sess, sessionOf, mStart, mEnd, total) : keys[i];
    }
    AggregateState merged = new AggregateState();
    merged.reset(keyTypes, calls, ansi);
    int[] ids = new int[total];
    merged.findOrInsert(mergedKeys, total, ids);
    merged.merge(bufs, ids, total);
    int groups = merged.numGroups;
    boolean[] groupTouched = new boolean[groups];
    for (int r = 0; r < total; r++) if (touched[sessionOf[r]]) groupTouched[ids[r]] = true;
    ColumnVector[] gKeys = merged.keys(0, groups);
    ColumnVector[] gBufs = merged.buffers(0, groups);
    LongVector gEnd = (LongVector) ((StructVector) gKeys[sessionKey]).child(1);
    boolean[] closed = new boolean[groups];
    int numClosed = 0;
    for (int g = 0; g < groups; g++) {
      if (mode != OutputMode.COMPLETE && gEnd.get(g) <= evictMicros) {
        closed[g] = true;
        numClosed++;
      }
    }
    emit(merged, context, closed, groups, out);
    int[] removed = new int[numClosed];
    int rc = 0;
    for (int g = 0; g < groups; g++) {
      if (closed[g]) {
        removed[rc++] = g;
        if (!groupTouched[g]) store.remove(keyCodec.encode(gKeys, g));
      } else if (groupTouched[g]) {
        store.put(keyCodec.encode(gKeys, g), valueCodec.encode(gBufs, g));
        m.updated.increment();
      }
    }
    m.removed.add(numClosed);
    if (numClosed > 0) merged.remove(removed, numClosed, gKeys, keyTypes, calls, ansi);
    kept.table = merged.table;
    kept.accs = merged.accs;
    kept.numGroups = merged.numGroups;
    commit(store, kept, mb, m);
    return BatchIterator.of(out);
  }

  private void commit(StateStore store, AggregateState kept, MicroBatchInput mb, Metrics m) {
    store.commit();
    kept.version = mb.batchId() + 1;
    m.total.add(store.numKeys());
    m.memory.add(store.memoryUsedBytes());
  }

  private static ColumnVector sessionVector(
      StructVector template, int[] sessionOf, long[] start, long[] end, int n) {
    LongVector s = new LongVector(template.child(0).type(), n);
    LongVector e = new LongVector(template.child(1).type(), n);
    for (int r = 0; r < n; r++) {
      s.append(start[sessionOf[r]]);
      e.append(end[sessionOf[r]]);
    }
    return new StructVector((StructType) template.type(), new ColumnVector[] {s, e}, null, n);
  }

  private static ColumnVector[] concat(
      List<ColumnVector[]> parts, List<Integer> sizes, List<DataType> types) {
    if (parts.size() == 1) return parts.get(0);
    ColumnVector[] out = new ColumnVector[types.size()];
    int total = 0;
    for (int s : sizes) total += s;
    for (int c = 0; c < out.length; c++) {
      out[c] = ColumnVector.allocate(types.get(c), total);
      for (int p = 0; p < parts.size(); p++) {
        ColumnVector src = parts.get(p)[c];
        for (int r = 0; r < sizes.get(p); r++) out[c].appendFrom(src, r);
      }
    }
    return out;
  }

  private void emit(
      AggregateState state,
      TaskContext context,
      boolean[] closed,
      int groups,
      List<ColumnBatch> out) {
    int[] sel = new int[groups];
    int n = 0;
    for (int g = 0; g < groups; g++) {
      if (mode == OutputMode.COMPLETE || closed[g]) sel[n++] = g;
    }
    if (n == 0) return;
    List<ColumnVector> cols = new ArrayList<>(List.of(state.keys(0, groups)));
    for (Accumulator a : state.accs) cols.add(a.result(0, groups));
    ColumnBatch all = new ColumnBatch(cols.toArray(new ColumnVector[0]), groups);
    VectorEvaluator[] evals = results.compile(context);
    ColumnVector[] res = new ColumnVector[evals.length];
    for (int i = 0; i < evals.length; i++) res[i] = evals[i].evaluate(all);
    ColumnBatch b = new ColumnBatch(res, groups);
    out.add(n == groups ? b : b.gather(sel, n));
  }

  @Override
  public String nodeName() {
    return "SessionWindowStateStoreSave";
  }

  @Override
  public String argString() {
    return io.sluice.plan.logical.LogicalPlan.bracket(keyAttrs)
        + ", operator "
        + operatorId
        + ", "
        + mode;
  }
}
