package io.sluice.exec.operator.window;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BatchBuilder;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.PlanText;
import io.sluice.exec.operator.UnaryOperator;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.operator.sort.RowComparator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spark's {@code UpdatingSessionsExec} for a batch aggregation grouped by a session window: reads a
 * whole partition (already distributed by the other grouping keys), orders its rows by those keys
 * and session start, merges each group's overlapping sessions ({@link SessionMerger}) and gives
 * every row the merged session in place of its own. An aggregation grouped by the session column
 * then sees one group per merged session.
 */
public final class UpdatingSessionsOperator extends UnaryOperator {
  private final List<Expression> keys;
  private final AttributeReference session;
  private final BoundExpressions boundKeys;
  private final int sessionOrdinal;

  /**
   * @param keys the other grouping keys, over the child's output
   * @param session the session window column of the child's output
   */
  public UpdatingSessionsOperator(
      List<Expression> keys, AttributeReference session, PhysicalOperator child) {
    super(child);
    this.keys = List.copyOf(keys);
    this.session = session;
    this.boundKeys = new BoundExpressions(keys, child.output());
    int ordinal = -1;
    for (int i = 0; i < child.output().size(); i++) {
      if (child.output().get(i).exprId() == session.exprId()) ordinal = i;
    }
    if (ordinal < 0) throw new IllegalArgumentException("No session column " + session);
    this.sessionOrdinal = ordinal;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator[] keyEvals = boundKeys.compile(context, partition);
    int batchSize = context.batchSize();
    return new BatchIterator() {
      ColumnBatch all;
      int emitted;

      @Override
      public ColumnBatch next() {
        if (all == null) all = updatedPartition(keyEvals, partition, context);
        int n = all.numRows();
        if (emitted >= n) return null;
        int count = Math.min(batchSize, n - emitted);
        int[] sel = new int[count];
        for (int i = 0; i < count; i++) sel[i] = emitted + i;
        emitted += count;
        return emitted == count && count == n ? all : all.gather(sel, count);
      }
    };
  }

  private ColumnBatch updatedPartition(
      VectorEvaluator[] keyEvals, int partition, TaskContext context) {
    List<ColumnBatch> batches = new ArrayList<>();
    try (BatchIterator in = child.execute(partition, context)) {
      for (ColumnBatch b = in.next(); b != null; b = in.next()) {
        if (b.numRows() > 0) batches.add(b);
      }
    }
    if (batches.isEmpty()) return new ColumnBatch(emptyColumns(), 0);
    ColumnBatch all = BatchBuilder.concat(BoundExpressions.typesOf(child.output()), batches);
    int n = all.numRows();
    int[] groups = new int[Math.max(n, 1)];
    if (keyEvals.length > 0) {
      ColumnVector[] k = new ColumnVector[keyEvals.length];
      for (int i = 0; i < k.length; i++) k[i] = keyEvals[i].evaluate(all);
      KeyTable.create(boundKeys.types()).findOrInsert(k, n, groups);
    }
    StructVector sessions = (StructVector) all.column(sessionOrdinal);
    long[] start = ((LongVector) sessions.child(0)).values();
    long[] end = ((LongVector) sessions.child(1)).values();
    ColumnVector[] sortKeys = {
      new IntVector(DataTypes.IntegerType, groups, null, n), sessions.child(0)
    };
    int[] order =
        RowComparator.sortedOrder(sortKeys, new boolean[] {true, true}, new boolean[2], n);
    int[] sessionOf = new int[n];
    long[] mergedStart = new long[n];
    long[] mergedEnd = new long[n];
    SessionMerger.merge(order, n, groups, start, end, sessionOf, mergedStart, mergedEnd);
    long[] newStart = new long[n];
    long[] newEnd = new long[n];
    for (int i = 0; i < n; i++) {
      newStart[i] = mergedStart[sessionOf[order[i]]];
      newEnd[i] = mergedEnd[sessionOf[order[i]]];
    }
    ColumnBatch sorted = all.gather(order, n);
    StructType type = (StructType) session.dataType();
    ColumnVector[] fields = {
      new LongVector(type.get(0).dataType(), newStart, null, n),
      new LongVector(type.get(1).dataType(), newEnd, null, n)
    };
    ColumnVector[] cols = Arrays.copyOf(sorted.columns(), sorted.numColumns());
    cols[sessionOrdinal] = new StructVector(type, fields, null, n);
    return new ColumnBatch(cols, n);
  }

  private ColumnVector[] emptyColumns() {
    ColumnVector[] cols = new ColumnVector[child.output().size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = ColumnVector.allocate(child.output().get(i).dataType(), 1);
    }
    return cols;
  }

  @Override
  public String nodeName() {
    return "UpdatingSessions";
  }

  @Override
  public String argString() {
    return PlanText.list(keys) + ", " + session;
  }
}
