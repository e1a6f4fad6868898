package io.sluice.streaming.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.UnaryOperator;
import io.sluice.exec.task.MicroBatchInput;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreProvider;
import io.sluice.streaming.StateOperatorProgress;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Streaming deduplication, per partition of the key exchange: a row whose key the state store holds
 * (from this or an earlier batch) is dropped; the first row of a key passes and its key is stored.
 * With a watermark, rows whose event time is at or below it are late and dropped. {@code
 * dropDuplicates}: a key is forgotten once the watermark passes its event time, when the event time
 * is one of the keys (otherwise state is kept forever, as in Spark). {@code
 * dropDuplicatesWithinWatermark}: a key is forgotten once the watermark passes its first event time
 * plus the watermark delay.
 */
public final class StreamingDeduplicateOperator extends UnaryOperator implements StatefulOperator {
  private final long operatorId;
  private final List<AttributeReference> keys;
  private final BoundExpressions boundKeys;
  private final int eventTimeOrdinal;
  private final boolean evictByKey;
  private final boolean withinWatermark;
  private final long delayMs;
  private final List<DataType> keyTypes = new ArrayList<>();
  private final String keySchema;
  private volatile long lastWatermarkMs = Long.MIN_VALUE;

  /**
   * @param eventTimeOrdinal the child column carrying the watermark, or -1
   * @param evictByKey whether that column is one of the keys (plain dedup evicts only then)
   * @param delayMs the watermark delay, for {@code withinWatermark}
   */
  public StreamingDeduplicateOperator(
      long operatorId,
      List<AttributeReference> keys,
      int eventTimeOrdinal,
      boolean evictByKey,
      boolean withinWatermark,
      long delayMs,
      PhysicalOperator child) {
    super(child);
    this.operatorId = operatorId;
    this.keys = List.copyOf(keys);
    this.boundKeys = new BoundExpressions(keys, child.output());
    this.eventTimeOrdinal = eventTimeOrdinal;
    this.evictByKey = evictByKey;
    this.withinWatermark = withinWatermark;
    this.delayMs = delayMs;
    for (AttributeReference k : keys) keyTypes.add(k.dataType());
    this.keySchema = StateSchemas.ddl(keys);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  private boolean evicts() {
    return eventTimeOrdinal >= 0 && (withinWatermark || evictByKey);
  }

  @Override
  public boolean shouldRunAnotherBatch(long newWatermarkMs) {
    return evicts() && newWatermarkMs > lastWatermarkMs;
  }

  @Override
  public StateOperatorProgress progress(TaskContext context) {
    Metrics m = context.shared(this, Metrics::new);
    return new StateOperatorProgress(
        withinWatermark ? "dedupeWithinWatermark" : "dedupe",
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
        Map.of("numDroppedDuplicateRows", m.duplicates.sum()));
  }

  private static final class Metrics {
    final LongAdder total = new LongAdder();
    final LongAdder updated = new LongAdder();
    final LongAdder removed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder memory = new LongAdder();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    MicroBatchInput mb = context.microBatch();
    lastWatermarkMs = mb.watermarkMs();
    long boundMicros = WatermarkPropagation.inputMs(this, mb.watermarkMs()) * 1000L;
    long lateMicros = WatermarkPropagation.inputMs(this, mb.lateEventsWatermarkMs()) * 1000L;
    StateStoreProvider provider =
        mb.stateStores().provider(operatorId, partition, "default", keySchema, "`expires` BIGINT");
    StateStore store = provider.getStore(mb.batchId());
    DedupExpiryIndex index = null;
    if (evicts()) {
      index = mb.stateStores().attachment(operatorId, partition, "default", DedupExpiryIndex::new);
      if (index.version != mb.batchId()) index.restore(store);
      index.version = -1; // until this batch commits
      index.startBatch();
    }
    StateRowCodec codec = new StateRowCodec(keyTypes);
    VectorEvaluator[] evals = boundKeys.compile(context);
    Metrics m = context.shared(this, Metrics::new);
    List<ColumnBatch> out = new ArrayList<>();
    long dropped = 0;
    long duplicates = 0;
    long updated = 0;
    try (BatchIterator input = child.execute(partition, context)) {
      for (ColumnBatch b = input.next(); b != null; b = input.next()) {
        int n = b.numRows();
        ColumnVector[] k = new ColumnVector[evals.length];
        for (int i = 0; i < k.length; i++) k[i] = evals[i].evaluate(b);
        LongVector et = eventTimeOrdinal >= 0 ? (LongVector) b.column(eventTimeOrdinal) : null;
        int[] sel = new int[n];
        int kept = 0;
        for (int r = 0; r < n; r++) {
          boolean hasTime = et != null && !et.isNullAt(r);
          if (hasTime && et.get(r) <= lateMicros) {
            dropped++;
            continue;
          }
          byte[] key = codec.encode(k, r);
          long expires;
          if (!hasTime) {
            expires = Long.MAX_VALUE;
          } else if (withinWatermark) {
            expires = et.get(r) + delayMs * 1000L;
          } else {
            expires = et.get(r);
          }
          byte[] value = new byte[8];
          DedupExpiryIndex.LONG.set(value, 0, expires);
          if (store.putIfAbsent(key, value) != null) {
            duplicates++;
            continue;
          }
          if (index != null) index.add(key, expires);
          updated++;
          sel[kept++] = r;
        }
        if (kept == n) {
          out.add(b);
        } else if (kept > 0) {
          out.add(b.gather(sel, kept));
        }
      }
    }
    m.dropped.add(dropped);
    m.duplicates.add(duplicates);
    m.updated.add(updated);
    if (index != null) m.removed.add(index.evict(boundMicros, store));
    store.commit();
    if (index != null) index.version = mb.batchId() + 1;
    m.total.add(store.numKeys());
    m.memory.add(store.memoryUsedBytes());
    return BatchIterator.of(out);
  }

  @Override
  public String nodeName() {
    return withinWatermark ? "StreamingDeduplicateWithinWatermark" : "StreamingDeduplicate";
  }

  @Override
  public String argString() {
    return io.sluice.plan.logical.LogicalPlan.bracket(keys) + ", operator " + operatorId;
  }
}
