package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.agg.Accumulator;
import io.sluice.exec.operator.agg.AggregateFunctions;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation of one partition. Each batch's grouping keys are mapped to dense group ids by a
 * {@link KeyTable}, then every aggregate function updates its state arrays by group id. Output is
 * produced once the input is consumed, groups in order of first appearance.
 *
 * <ul>
 *   <li>{@code PARTIAL}: input rows → keys and buffer columns (before the exchange);
 *   <li>{@code FINAL}: keys and buffer columns → result expressions;
 *   <li>{@code COMPLETE}: input rows → result expressions in one step (used for DISTINCT
 *       aggregates, which drop rows already seen for a group with a set per function).
 * </ul>
 *
 * Without grouping keys there is exactly one group, present even for empty input.
 */
public final class HashAggregateOperator extends UnaryOperator {
  /** Which half of a two-phase aggregation this operator runs. */
  public enum Mode {
    PARTIAL,
    FINAL,
    COMPLETE
  }

  private final Mode mode;
  private final List<AttributeReference> keyAttrs;
  private final List<AggregateCall> calls;
  private final List<NamedExpression> resultExpressions;
  private final List<AttributeReference> output;
  private final BoundExpressions keys;
  private final List<BoundExpressions> args = new ArrayList<>();
  private final int[] bufferOffsets;
  private final BoundExpressions results;
  private final int[] resultOrdinals;

  /**
   * @param groupingExpressions keys in terms of the child's output (in FINAL mode: the key columns
   *     the partial aggregation emitted)
   * @param keyAttrs the names of the keys in the output
   * @param callAttrs one attribute per call naming its value (unused in PARTIAL mode)
   * @param resultExpressions the output, in terms of {@code keyAttrs} and {@code callAttrs} (unused
   *     in PARTIAL mode)
   */
  public HashAggregateOperator(
      Mode mode,
      List<Expression> groupingExpressions,
      List<AttributeReference> keyAttrs,
      List<AggregateCall> calls,
      List<AttributeReference> callAttrs,
      List<NamedExpression> resultExpressions,
      PhysicalOperator child) {
    super(child);
    this.mode = mode;
    this.keyAttrs = List.copyOf(keyAttrs);
    this.calls = List.copyOf(calls);
    this.keys = new BoundExpressions(groupingExpressions, child.output());
    List<AttributeReference> out = new ArrayList<>(keyAttrs);
    if (mode == Mode.FINAL) {
      bufferOffsets = new int[calls.size()];
      int offset = keyAttrs.size();
      for (int i = 0; i < calls.size(); i++) {
        bufferOffsets[i] = offset;
        offset += AggregateFunctions.bufferTypes(calls.get(i)).size();
      }
    } else {
      bufferOffsets = null;
      for (AggregateCall c : calls) args.add(new BoundExpressions(c.inputs(), child.output()));
    }
    if (mode == Mode.PARTIAL) {
      for (AggregateCall c : calls) out.addAll(bufferAttributes(c));
      this.resultExpressions = List.of();
      this.results = null;
      this.resultOrdinals = null;
    } else {
      this.resultExpressions = List.copyOf(resultExpressions);
      List<AttributeReference> resultInput = new ArrayList<>(keyAttrs);
      resultInput.addAll(callAttrs);
      this.results = new BoundExpressions(resultExpressions, resultInput);
      this.resultOrdinals = results.ordinalsIfColumns();
      out.clear();
      for (NamedExpression e : resultExpressions) out.add(e.toAttribute());
    }
    this.output = List.copyOf(out);
  }

  private static List<AttributeReference> bufferAttributes(AggregateCall call) {
    List<DataType> types = AggregateFunctions.bufferTypes(call);
    List<AttributeReference> out = new ArrayList<>();
    boolean sumOrAvg =
        call.function() == AggregateCall.Function.SUM
            || call.function() == AggregateCall.Function.AVG;
    for (int i = 0; i < types.size(); i++) {
      String name = call.function().sqlName() + (types.size() > 1 ? "_" + i : "");
      if (sumOrAvg && i == 1) {
        name = types.get(1).equals(DataTypes.BooleanType) ? "isEmpty" : "count";
      }
      if (sumOrAvg && i == 0 && types.size() == 2) name = "sum";
      out.add(AttributeReference.create(name, types.get(i), true));
    }
    return out;
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    // every input batch is consumed before the next is read
    return new Run(child.executeTransient(partition, context), context, partition);
  }

  /** The state of one task: key table, accumulators, and output progress. */
  private final class Run implements BatchIterator {
    private final BatchIterator input;
    private final int batchSize;
    private final Accumulator[] accs;
    private final KeyTable table;
    private final VectorEvaluator[] keyEvals;
    private final VectorEvaluator[][] argEvals;
    private final KeyTable[] distinctSets;
    private final VectorEvaluator[] resultEvals;
    private int[] groupIds = new int[0];
    private int numGroups;
    private boolean consumed;
    private int emitted;

    Run(BatchIterator input, TaskContext context, int partition) {
      this.input = input;
      this.batchSize = context.batchSize();
      boolean ansi = context.conf().ansiEnabled();
      int n = calls.size();
      accs = new Accumulator[n];
      argEvals = new VectorEvaluator[n][];
      distinctSets = new KeyTable[n];
      for (int i = 0; i < n; i++) {
        AggregateCall call = calls.get(i);
        accs[i] = AggregateFunctions.create(call, ansi);
        if (mode != Mode.FINAL && !AggregateFunctions.countsRows(call)) {
          argEvals[i] = args.get(i).compileTransient(context, partition);
        }
        if (mode == Mode.COMPLETE && call.distinct()) {
          List<DataType> types = new ArrayList<>();
          types.add(DataTypes.IntegerType);
          types.addAll(args.get(i).types());
          distinctSets[i] = KeyTable.create(types);
        }
      }
      table = keyAttrs.isEmpty() ? null : KeyTable.create(keys.types());
      keyEvals = keys.compileTransient(context, partition);
      resultEvals = results == null || resultOrdinals != null ? null : results.compile(context);
      if (table == null) {
        numGroups = 1;
        for (Accumulator a : accs) a.grow(1);
      }
    }

    @Override
    public ColumnBatch next() {
      if (!consumed) {
        consume();
        consumed = true;
      }
      if (emitted >= numGroups) return null;
      int from = emitted;
      int to = Math.min(numGroups, from + batchSize);
      emitted = to;
      return emit(from, to);
    }

    private void consume() {
      for (ColumnBatch b = input.next(); b != null; b = input.next()) {
        int n = b.numRows();
        if (n == 0) continue;
        if (groupIds.length < n) groupIds = new int[n];
        if (table != null) {
          ColumnVector[] k = new ColumnVector[keyEvals.length];
          for (int i = 0; i < k.length; i++) k[i] = keyEvals[i].evaluate(b);
          table.findOrInsert(k, n, groupIds);
          if (table.size() > numGroups) {
            numGroups = table.size();
            for (Accumulator a : accs) a.grow(numGroups);
          }
        }
        for (int i = 0; i < accs.length; i++) {
          if (mode == Mode.FINAL) {
            int width = accs[i].bufferTypes().size();
            ColumnVector[] buf = new ColumnVector[width];
            for (int j = 0; j < width; j++) buf[j] = b.column(bufferOffsets[i] + j);
            accs[i].merge(buf, groupIds, n);
          } else {
            update(i, b, n);
          }
        }
      }
      input.close();
    }

    private void update(int i, ColumnBatch b, int n) {
      VectorEvaluator[] evals = argEvals[i];
      ColumnVector[] a = new ColumnVector[evals == null ? 0 : evals.length];
      for (int j = 0; j < a.length; j++) a[j] = evals[j].evaluate(b);
      if (distinctSets[i] == null) {
        if (table == null) {
          accs[i].updateSingleGroup(a, n);
        } else {
          accs[i].update(a, groupIds, n);
        }
        return;
      }
      // keep the first row of each (group, arguments) value not seen before
      KeyTable seen = distinctSets[i];
      ColumnVector[] k = new ColumnVector[a.length + 1];
      k[0] = new IntVector(DataTypes.IntegerType, groupIds, null, n);
      System.arraycopy(a, 0, k, 1, a.length);
      int[] ids = new int[n];
      int next = seen.size();
      seen.findOrInsert(k, n, ids);
      int[] sel = new int[n];
      int kept = 0;
      for (int r = 0; r < n; r++) {
        if (ids[r] == next) {
          sel[kept++] = r;
          next++;
        }
      }
      if (kept == 0) return;
      ColumnVector[] sub = new ColumnVector[a.length];
      for (int j = 0; j < a.length; j++) sub[j] = a[j].gather(sel, kept);
      int[] subGroups = new int[kept];
      for (int r = 0; r < kept; r++) subGroups[r] = groupIds[sel[r]];
      accs[i].update(sub, subGroups, kept);
    }

    private ColumnBatch emit(int from, int to) {
      int n = to - from;
      List<ColumnVector> cols = new ArrayList<>();
      if (table != null) cols.addAll(List.of(table.keyColumns(from, to)));
      for (Accumulator a : accs) {
        if (mode == Mode.PARTIAL) {
          cols.addAll(List.of(a.buffers(from, to)));
        } else {
          cols.add(a.result(from, to));
        }
      }
      ColumnBatch b = new ColumnBatch(cols.toArray(new ColumnVector[0]), n);
      if (mode == Mode.PARTIAL) return b;
      if (resultOrdinals != null) return b.project(resultOrdinals);
      ColumnVector[] out = new ColumnVector[resultEvals.length];
      for (int i = 0; i < out.length; i++) out[i] = resultEvals[i].evaluate(b);
      return new ColumnBatch(out, n);
    }

    @Override
    public void close() {
      input.close();
    }
  }

  @Override
  public String nodeName() {
    return "HashAggregate";
  }

  @Override
  public String simpleString() {
    return nodeName() + argString();
  }

  @Override
  public String argString() {
    StringBuilder f = new StringBuilder("[");
    for (int i = 0; i < calls.size(); i++) {
      if (i > 0) f.append(", ");
      if (mode == Mode.PARTIAL) f.append("partial_");
      f.append(PlanText.expr(calls.get(i)));
    }
    f.append(']');
    return "(keys=" + PlanText.list(keyAttrs) + ", functions=" + f + ")";
  }
}
