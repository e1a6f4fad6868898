package io.sluice.streaming.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.UnaryOperator;
import io.sluice.exec.operator.agg.Accumulator;
import io.sluice.exec.operator.agg.AggregateFunctions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The stateful half of a streaming aggregation, per partition of the key exchange: merges the
 * batch's partial buffers into the groups kept from earlier batches, emits rows by output mode —
 * every group (complete), the groups this batch changed (update), or the groups the watermark
 * closed (append) — evicts groups the watermark has passed, and writes the changed groups to the
 * state store, committed as version {@code batchId + 1}.
 *
 * <p>Groups whose event-time key (a timestamp, or a window's end) is at or below the watermark are
 * late when they arrive: dropped and counted, as Spark's {@code numRowsDroppedByWatermark}.
 */
public final class StreamingAggregateOperator extends UnaryOperator implements StatefulOperator {
  private final long operatorId;
  private final List<AttributeReference> keyAttrs;
  private final List<AggregateCall> calls;
  private final List<NamedExpression> resultExpressions;
  private final BoundExpressions results;
  private final List<AttributeReference> output;
  private final OutputMode mode;
  private final int eventTimeKey;
  private final boolean eventTimeIsWindow;
  private final List<DataType> keyTypes = new ArrayList<>();
  private final List<DataType> bufferTypes = new ArrayList<>();
  private final String keySchema;
  private final String valueSchema;
  private volatile long lastWatermarkMs = Long.MIN_VALUE;

  /**
   * @param eventTimeKey index among the keys of the one carrying the watermark, or -1
   * @param eventTimeIsWindow whether that key is a window struct (its end is the event time)
   */
  public StreamingAggregateOperator(
      long operatorId,
      List<AttributeReference> keyAttrs,
      List<AggregateCall> calls,
      List<AttributeReference> callAttrs,
      List<NamedExpression> resultExpressions,
      OutputMode mode,
      int eventTimeKey,
      boolean eventTimeIsWindow,
      PhysicalOperator child) {
    super(child);
    this.operatorId = operatorId;
    this.keyAttrs = List.copyOf(keyAttrs);
    this.calls = List.copyOf(calls);
    this.resultExpressions = List.copyOf(resultExpressions);
    this.mode = mode;
    this.eventTimeKey = eventTimeKey;
    this.eventTimeIsWindow = eventTimeIsWindow;
    List<AttributeReference> resultInput = new ArrayList<>(keyAttrs);
    resultInput.addAll(callAttrs);
    this.results = new BoundExpressions(resultExpressions, resultInput);
    List<AttributeReference> out = new ArrayList<>();
    for (NamedExpression e : resultExpressions) out.add(e.toAttribute());
    this.output = List.copyOf(out);
    for (AttributeReference a : keyAttrs) keyTypes.add(a.dataType());
    for (AggregateCall c : calls) bufferTypes.addAll(AggregateFunctions.bufferTypes(c));
    this.keySchema = StateSchemas.ddl(keyAttrs);
    this.valueSchema = StateSchemas.buffers(calls);
  }

  public long operatorId() {
    return operatorId;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public boolean shouldRunAnotherBatch(long newWatermarkMs) {
    return eventTimeKey >= 0 && mode != OutputMode.COMPLETE && newWatermarkMs > lastWatermarkMs;
  }

  @Override
  public StateOperatorProgress progress(TaskContext context) {
    Metrics m = metrics(context);
    return new StateOperatorProgress(
        "stateStoreSave",
        m.total.sum(),
        m.updated.sum(),
        m.updateNanos.sum() / 1_000_000,
        m.removed.sum(),
        m.removeNanos.sum() / 1_000_000,
        m.commitNanos.sum() / 1_000_000,
        m.memory.sum(),
        m.dropped.sum(),
        numPartitions(),
        numPartitions(),
        Map.of());
  }

  private Metrics metrics(TaskContext context) {
    return context.shared(this, Metrics::new);
  }

  /** Per-batch figures summed over partitions. */
  private static final class Metrics {
    final LongAdder total = new LongAdder();
    final LongAdder updated = new LongAdder();
    final LongAdder removed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder memory = new LongAdder();
    final LongAdder updateNanos = new LongAdder();
    final LongAdder removeNanos = new LongAdder();
    final LongAdder commitNanos = new LongAdder();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    MicroBatchInput mb = context.microBatch();
    if (mb == null) {
      throw new IllegalStateException("a streaming aggregation runs only in a streaming query");
    }
    lastWatermarkMs = mb.watermarkMs();
    long watermarkMs = WatermarkPropagation.inputMs(this, mb.watermarkMs());
    long lateMs = WatermarkPropagation.inputMs(this, mb.lateEventsWatermarkMs());
    List<ColumnBatch> out = run(partition, context, mb, watermarkMs, lateMs);
    return BatchIterator.of(out);
  }

  private List<ColumnBatch> run(
      int partition, TaskContext context, MicroBatchInput mb, long watermarkMs, long lateMs) {
    boolean ansi = context.conf().ansiEnabled();
    int batchSize = context.batchSize();
    StateStoreRegistry registry = mb.stateStores();
    StateStoreProvider provider =
        registry.provider(operatorId, partition, "default", keySchema, valueSchema);
    AggregateState state =
        registry.attachment(operatorId, partition, "default", AggregateState::new);
    StateRowCodec keyCodec = new StateRowCodec(keyTypes);
    StateRowCodec valueCodec = new StateRowCodec(bufferTypes);
    long version = mb.batchId();
    StateStore store = provider.getStore(version);
    if (state.version != version) {
      state.restore(store, keyCodec, valueCodec, keyTypes, calls, ansi, batchSize);
    }
    Metrics m = metrics(context);
    long t0 = System.nanoTime();
    boolean[] updated = new boolean[Math.max(16, state.numGroups)];
    int k = keyAttrs.size();
    int[] ids = new int[0];
    long lateBoundMicros = lateMs * 1000L;
    long evictBoundMicros = watermarkMs * 1000L;
    boolean dropLate = eventTimeKey >= 0 && mode != OutputMode.COMPLETE;
    try (BatchIterator input = child.executeTransient(partition, context)) {
      for (ColumnBatch b = input.next(); b != null; b = input.next()) {
        int n = b.numRows();
        if (n == 0) continue;
        ColumnVector[] keys = new ColumnVector[k];
        for (int i = 0; i < k; i++) keys[i] = b.column(i);
        ColumnVector[] buffers = new ColumnVector[b.numColumns() - k];
        for (int i = 0; i < buffers.length; i++) buffers[i] = b.column(k + i);
        if (dropLate) {
          int[] sel = new int[n];
          int kept = 0;
          for (int r = 0; r < n; r++) {
            if (!isLate(keys[eventTimeKey], r, lateBoundMicros)) sel[kept++] = r;
          }
          if (kept < n) m.dropped.add(n - kept);
          if (kept < n) {
            if (kept == 0) continue;
            for (int i = 0; i < k; i++) keys[i] = keys[i].gather(sel, kept);
            for (int i = 0; i < buffers.length; i++) buffers[i] = buffers[i].gather(sel, kept);
            n = kept;
          }
        }
        if (ids.length < n) ids = new int[n];
        state.findOrInsert(keys, n, ids);
        state.merge(buffers, ids, n);
        if (updated.length < state.numGroups) {
          updated = java.util.Arrays.copyOf(updated, Math.max(state.numGroups, updated.length * 2));
        }
        for (int r = 0; r < n; r++) updated[ids[r]] = true;
      }
    }
    m.updateNanos.add(System.nanoTime() - t0);
    int groups = state.numGroups;
    // the key columns of every group, gathered once for eviction, saving and removal
    ColumnVector[] allKeys = groups > 0 ? state.keys(0, groups) : null;
    // groups the watermark closes: emitted in append mode, evicted in append and update
    boolean[] closed = new boolean[groups];
    int numClosed = 0;
    if (eventTimeKey >= 0 && mode != OutputMode.COMPLETE && groups > 0) {
      ColumnVector et = allKeys[eventTimeKey];
      for (int g = 0; g < groups; g++) {
        if (isLate(et, g, evictBoundMicros)) {
          closed[g] = true;
          numClosed++;
        }
      }
    }
    List<ColumnBatch> out = emit(state, context, partition, updated, closed, groups, batchSize);
    long t1 = System.nanoTime();
    int numUpdated = 0;
    for (int g = 0; g < groups; g++) {
      if (updated[g] && !closed[g]) numUpdated++;
    }
    saveUpdated(store, state, allKeys, keyCodec, valueCodec, updated, closed, groups);
    int[] removed = new int[numClosed];
    int r = 0;
    for (int g = 0; g < groups; g++) if (closed[g]) removed[r++] = g;
    if (numClosed > 0) {
      for (int g : removed) store.remove(keyCodec.encode(allKeys, g));
      state.remove(removed, numClosed, allKeys, keyTypes, calls, ansi);
    }
    m.removeNanos.add(System.nanoTime() - t1);
    long t2 = System.nanoTime();
    store.commit();
    state.version = version + 1;
    m.commitNanos.add(System.nanoTime() - t2);
    m.updated.add(numUpdated);
    m.removed.add(numClosed);
    m.total.add(store.numKeys());
    m.memory.add(store.memoryUsedBytes());
    return out;
  }

  private void saveUpdated(
      StateStore store,
      AggregateState state,
      ColumnVector[] keys,
      StateRowCodec keyCodec,
      StateRowCodec valueCodec,
      boolean[] updated,
      boolean[] closed,
      int groups) {
    if (groups == 0) return;
    ColumnVector[] buffers = state.buffers(0, groups);
    for (int g = 0; g < groups; g++) {
      if (updated[g] && !closed[g]) {
        store.put(keyCodec.encode(keys, g), valueCodec.encode(buffers, g));
      }
    }
  }

  /** Rows to emit in this mode, computed in chunks of {@code batchSize} groups. */
  private List<ColumnBatch> emit(
      AggregateState state,
      TaskContext context,
      int partition,
      boolean[] updated,
      boolean[] closed,
      int groups,
      int batchSize) {
    List<ColumnBatch> out = new ArrayList<>();
    if (groups == 0) return out;
    VectorEvaluator[] evals = results.compile(context);
    for (int from = 0; from < groups; from += batchSize) {
      int to = Math.min(groups, from + batchSize);
      int[] sel = new int[to - from];
      int n = 0;
      for (int g = from; g < to; g++) {
        boolean emit =
            switch (mode) {
              case COMPLETE -> true;
              case UPDATE -> updated[g];
              case APPEND -> closed[g];
            };
        if (emit) sel[n++] = g - from;
      }
      if (n == 0) continue;
      List<ColumnVector> cols = new ArrayList<>(List.of(state.keys(from, to)));
      for (Accumulator a : state.accs) cols.add(a.result(from, to));
      ColumnBatch all = new ColumnBatch(cols.toArray(new ColumnVector[0]), to - from);
      // the result expressions see only the groups emitted (as Spark evaluates them)
      if (n < to - from) all = all.gather(sel, n);
      ColumnVector[] res = new ColumnVector[evals.length];
      for (int i = 0; i < evals.length; i++) res[i] = evals[i].evaluate(all);
      out.add(new ColumnBatch(res, n));
    }
    return out;
  }

  /**
   * Whether row {@code r}'s event time (a timestamp, or a window's end) is at or below the bound.
   */
  private boolean isLate(ColumnVector v, int r, long boundMicros) {
    if (v.isNullAt(r)) return false;
    if (eventTimeIsWindow) {
      LongVector end = (LongVector) ((StructVector) v).child(1);
      return !end.isNullAt(r) && end.get(r) <= boundMicros;
    }
    return ((LongVector) v).get(r) <= boundMicros;
  }

  @Override
  public String nodeName() {
    return "StateStoreSave";
  }

  @Override
  public String argString() {
    return "["
        + keyAttrs
        + "], operator "
        + operatorId
        + ", "
        + mode
        + ", "
        + calls.size()
        + " functions";
  }
}
