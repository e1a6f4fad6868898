package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.hash.KeyHasher;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Redistributes rows between partitions. The first use in an execution runs every child partition
 * through the scheduler once, splitting each batch by target partition (a gather per target), and
 * keeps the pieces in memory; output partitions then serve their pieces in child partition order.
 * With {@code coalesce}, adjacent small output partitions are merged once the sizes are known
 * (Spark's adaptive coalescing).
 */
public final class ShuffleExchangeOperator extends UnaryOperator {
  private static final long MIN_PARTITION_BYTES = 1L << 20;
  private static final long ADVISORY_PARTITION_BYTES = 64L << 20;

  private final Partitioning partitioning;
  private final boolean coalesce;
  private final BoundExpressions keys;
  private final List<DataType> types;
  private final int rowWidth;

  public ShuffleExchangeOperator(
      Partitioning partitioning, boolean coalesce, PhysicalOperator child) {
    super(child);
    this.partitioning = partitioning;
    this.coalesce = coalesce && partitioning.numPartitions() > 1;
    this.keys =
        partitioning instanceof Partitioning.Hash h
            ? new BoundExpressions(h.expressions(), child.output())
            : null;
    this.types = BoundExpressions.typesOf(child.output());
    int w = 0;
    for (DataType t : types) w += t.defaultSize();
    this.rowWidth = Math.max(w, 1);
  }

  public Partitioning partitioning() {
    return partitioning;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public int numPartitions() {
    return partitioning.numPartitions();
  }

  @Override
  public int numPartitions(TaskContext context) {
    return coalesce ? materialize(context).groups.length : partitioning.numPartitions();
  }

  @Override
  public void prepare(TaskContext context) {
    child.prepare(context);
    materialize(context);
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    Shuffled s = materialize(context);
    // callers that ask numPartitions() instead of numPartitions(context) read past the
    // coalesced partitions: those are empty
    if (partition >= s.groups.length) return BatchIterator.empty();
    int[] group = s.groups[partition];
    if (group.length == 1) return BatchIterator.of(s.partitions[group[0]]);
    List<ColumnBatch> out = new ArrayList<>();
    for (int p : group) out.addAll(s.partitions[p]);
    return BatchIterator.of(out);
  }

  /** The shuffled data of this execution: pieces per output partition, and their grouping. */
  private record Shuffled(List<ColumnBatch>[] partitions, int[][] groups) {}

  private Shuffled materialize(TaskContext context) {
    return context.shared(this, () -> shuffle(context));
  }

  @SuppressWarnings("unchecked")
  private Shuffled shuffle(TaskContext context) {
    int n = partitioning.numPartitions();
    int maps = child.numPartitions(context);
    List<List<ColumnBatch>[]> mapOutputs =
        context.scheduler().runAll(maps, m -> mapTask(m, context));
    List<ColumnBatch>[] parts = new List[n];
    long[] rows = new long[n];
    for (int r = 0; r < n; r++) {
      parts[r] = new ArrayList<>();
      for (List<ColumnBatch>[] out : mapOutputs) {
        for (ColumnBatch b : out[r]) {
          parts[r].add(b);
          rows[r] += b.numRows();
        }
      }
    }
    return new Shuffled(parts, coalesce ? coalesceGroups(rows, context) : identityGroups(n));
  }

  @SuppressWarnings("unchecked")
  private List<ColumnBatch>[] mapTask(int mapPartition, TaskContext context) {
    int n = partitioning.numPartitions();
    List<ColumnBatch>[] out = new List[n];
    for (int r = 0; r < n; r++) out[r] = new ArrayList<>();
    boolean keepsBatches = partitioning instanceof Partitioning.Single || n == 1;
    // splitting copies rows into builders, so the input may be transient
    try (BatchIterator in =
        keepsBatches
            ? child.execute(mapPartition, context)
            : child.executeTransient(mapPartition, context)) {
      if (keepsBatches) {
        for (ColumnBatch b = in.next(); b != null; b = in.next()) {
          if (b.numRows() > 0) out[0].add(b);
        }
        return out;
      }
      int batchSize = context.batchSize();
      Splitter splitter = new Splitter(n, mapPartition, context);
      BatchBuilder[] builders = new BatchBuilder[n];
      for (ColumnBatch b = in.next(); b != null; b = in.next()) {
        int rowsIn = b.numRows();
        if (rowsIn == 0) continue;
        int[] order = splitter.split(b);
        int[] bounds = splitter.bounds;
        for (int r = 0; r < n; r++) {
          if (bounds[r + 1] == bounds[r]) continue;
          if (builders[r] == null) builders[r] = new BatchBuilder(types, Math.min(batchSize, 256));
          builders[r].append(b, order, bounds[r], bounds[r + 1]);
          if (builders[r].rows() >= batchSize) out[r].add(builders[r].build());
        }
      }
      for (int r = 0; r < n; r++) {
        if (builders[r] != null && builders[r].rows() > 0) out[r].add(builders[r].build());
      }
    }
    return out;
  }

  /** Computes each row's target partition and orders row numbers by target (counting sort). */
  private final class Splitter {
    final int n;
    final int[] bounds;
    final VectorEvaluator[] evals;
    final KeyHasher hasher;
    int[] targets = new int[0];
    int[] order = new int[0];
    long roundRobin;

    Splitter(int n, int mapPartition, TaskContext context) {
      this.n = n;
      this.bounds = new int[n + 1];
      this.evals = keys == null ? null : keys.compileTransient(context);
      this.hasher = keys == null ? null : new KeyHasher(keys.types());
      this.roundRobin = mapPartition % n;
    }

    int[] split(ColumnBatch b) {
      int rows = b.numRows();
      if (targets.length < rows) {
        targets = new int[rows];
        order = new int[rows];
      }
      if (hasher != null) {
        ColumnVector[] cols = new ColumnVector[evals.length];
        for (int i = 0; i < evals.length; i++) cols[i] = evals[i].evaluate(b);
        hasher.hash(cols, rows, targets);
        for (int i = 0; i < rows; i++) targets[i] = Math.floorMod(targets[i], n);
      } else {
        int t = (int) (roundRobin % n);
        for (int i = 0; i < rows; i++) {
          targets[i] = t;
          t = t + 1 == n ? 0 : t + 1;
        }
        roundRobin += rows;
      }
      java.util.Arrays.fill(bounds, 0);
      for (int i = 0; i < rows; i++) bounds[targets[i] + 1]++;
      for (int r = 0; r < n; r++) bounds[r + 1] += bounds[r];
      int[] cursor = java.util.Arrays.copyOf(bounds, n);
      for (int i = 0; i < rows; i++) order[cursor[targets[i]]++] = i;
      return order;
    }
  }

  private static int[][] identityGroups(int n) {
    int[][] g = new int[n][];
    for (int i = 0; i < n; i++) g[i] = new int[] {i};
    return g;
  }

  /** Packs adjacent partitions up to a target size chosen to keep the pool busy. */
  private int[][] coalesceGroups(long[] rows, TaskContext context) {
    long total = 0;
    for (long r : rows) total += r * rowWidth;
    int parallelism = Math.max(1, context.conf().workerThreads());
    long target =
        Math.min(
            ADVISORY_PARTITION_BYTES,
            Math.max(MIN_PARTITION_BYTES, (total + parallelism - 1) / parallelism));
    List<int[]> groups = new ArrayList<>();
    int start = 0;
    long size = 0;
    for (int p = 0; p < rows.length; p++) {
      long bytes = rows[p] * rowWidth;
      if (p > start && size + bytes > target) {
        groups.add(range(start, p));
        start = p;
        size = 0;
      }
      size += bytes;
    }
    groups.add(range(start, rows.length));
    return groups.toArray(new int[0][]);
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }

  @Override
  public String nodeName() {
    return "Exchange";
  }

  @Override
  public String argString() {
    return partitioning.text();
  }
}
