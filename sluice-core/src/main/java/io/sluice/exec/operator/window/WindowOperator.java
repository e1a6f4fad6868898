package io.sluice.exec.operator.window;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.operator.BatchBuilder;
import io.sluice.exec.operator.BoundExpressions;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.PlanText;
import io.sluice.exec.operator.UnaryOperator;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.operator.sort.RowComparator;
import io.sluice.exec.operator.window.FrameBounds.Bound;
import io.sluice.exec.operator.window.FrameValueEvaluator.Which;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.SpecialFrameBoundary;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.expr.WindowFrame;
import io.sluice.plan.expr.WindowFunction;
import io.sluice.plan.logical.Window;
import io.sluice.types.DataTypes;
import io.sluice.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Window} over one partition (already distributed by the PARTITION BY keys, or a
 * single partition without them): reads the whole partition, groups its rows into window partitions
 * with a {@link KeyTable}, sorts them by partition then ORDER BY keys, and computes every window
 * expression for all rows at once ({@link WindowEvaluator}s over primitive arrays). Emits the
 * sorted input rows with one column per window expression appended.
 */
public final class WindowOperator extends UnaryOperator {
  private final List<NamedExpression> windowExpressions;
  private final List<Expression> partitionSpec;
  private final List<SortOrder> orderSpec;
  private final BoundExpressions partitionKeys;
  private final BoundExpressions orderKeys;
  private final boolean[] ascending;
  private final boolean[] nullsFirst;
  private final List<ExpressionPlan> plans = new ArrayList<>();
  private final List<AttributeReference> output;

  public WindowOperator(Window w, PhysicalOperator child) {
    super(child);
    this.windowExpressions = w.windowExpressions();
    this.partitionSpec = w.partitionSpec();
    this.orderSpec = w.orderSpec();
    this.partitionKeys = new BoundExpressions(partitionSpec, child.output());
    List<Expression> keys = new ArrayList<>();
    ascending = new boolean[orderSpec.size()];
    nullsFirst = new boolean[orderSpec.size()];
    for (int i = 0; i < orderSpec.size(); i++) {
      keys.add(orderSpec.get(i).child());
      ascending[i] = orderSpec.get(i).ascending();
      nullsFirst[i] = orderSpec.get(i).nullsFirst();
    }
    this.orderKeys = new BoundExpressions(keys, child.output());
    for (NamedExpression e : windowExpressions) {
      WindowExpression we = (WindowExpression) BoundExpressions.stripAlias(e);
      plans.add(new ExpressionPlan(we, child.output()));
    }
    List<AttributeReference> out = new ArrayList<>(child.output());
    for (NamedExpression e : windowExpressions) out.add(e.toAttribute());
    this.output = List.copyOf(out);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator[] partitionEvals = partitionKeys.compile(context, partition);
    VectorEvaluator[] orderEvals = orderKeys.compile(context, partition);
    List<WindowEvaluator> evaluators = new ArrayList<>();
    for (ExpressionPlan p : plans) evaluators.add(p.create(context, partition));
    int batchSize = context.batchSize();
    return new BatchIterator() {
      ColumnBatch result;
      int emitted;

      @Override
      public ColumnBatch next() {
        if (result == null)
          result = run(partition, context, partitionEvals, orderEvals, evaluators);
        int n = result.numRows();
        if (emitted >= n) return null;
        int count = Math.min(batchSize, n - emitted);
        int[] sel = new int[count];
        for (int i = 0; i < count; i++) sel[i] = emitted + i;
        emitted += count;
        return count == n ? result : result.gather(sel, count);
      }
    };
  }

  private ColumnBatch run(
      int partition,
      TaskContext context,
      VectorEvaluator[] partitionEvals,
      VectorEvaluator[] orderEvals,
      List<WindowEvaluator> evaluators) {
    List<ColumnBatch> batches = new ArrayList<>();
    try (BatchIterator in = child.execute(partition, context)) {
      for (ColumnBatch b = in.next(); b != null; b = in.next()) {
        if (b.numRows() > 0) batches.add(b);
      }
    }
    if (batches.isEmpty()) return empty();
    ColumnBatch all = BatchBuilder.concat(BoundExpressions.typesOf(child.output()), batches);
    int n = all.numRows();
    int[] ids = new int[Math.max(n, 1)];
    if (partitionEvals.length > 0) {
      ColumnVector[] k = new ColumnVector[partitionEvals.length];
      for (int i = 0; i < k.length; i++) k[i] = partitionEvals[i].evaluate(all);
      KeyTable.create(partitionKeys.types()).findOrInsert(k, n, ids);
    }
    ColumnVector[] order = new ColumnVector[orderEvals.length];
    for (int i = 0; i < order.length; i++) order[i] = orderEvals[i].evaluate(all);
    ColumnVector[] sortKeys = new ColumnVector[order.length + 1];
    sortKeys[0] = new IntVector(DataTypes.IntegerType, ids, null, n);
    System.arraycopy(order, 0, sortKeys, 1, order.length);
    boolean[] asc = new boolean[sortKeys.length];
    boolean[] nf = new boolean[sortKeys.length];
    asc[0] = true;
    System.arraycopy(ascending, 0, asc, 1, ascending.length);
    System.arraycopy(nullsFirst, 0, nf, 1, nullsFirst.length);
    int[] sortedOrder = RowComparator.sortedOrder(sortKeys, asc, nf, n);
    ColumnBatch sorted = all.gather(sortedOrder, n);
    int[] sortedIds = new int[n];
    for (int i = 0; i < n; i++) sortedIds[i] = ids[sortedOrder[i]];
    ColumnVector[] sortedOrderKeys = new ColumnVector[order.length];
    for (int i = 0; i < order.length; i++) sortedOrderKeys[i] = order[i].gather(sortedOrder, n);
    WindowLayout layout = new WindowLayout(n, sortedIds, sortedOrderKeys, ascending, nullsFirst);
    ColumnVector[] cols = new ColumnVector[sorted.numColumns() + evaluators.size()];
    System.arraycopy(sorted.columns(), 0, cols, 0, sorted.numColumns());
    for (int i = 0; i < evaluators.size(); i++) {
      cols[sorted.numColumns() + i] = evaluators.get(i).evaluate(layout, sorted);
    }
    return new ColumnBatch(cols, n);
  }

  private ColumnBatch empty() {
    ColumnVector[] cols = new ColumnVector[output.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = ColumnVector.allocate(output.get(i).dataType(), 1);
    }
    return new ColumnBatch(cols, 0);
  }

  /** One window expression bound to the input: what to evaluate and over which frame. */
  private static final class ExpressionPlan {
    private final Expression function;
    private final BoundExpressions inputs;
    private final WindowFrame frame;

    ExpressionPlan(WindowExpression w, List<AttributeReference> input) {
      this.function = w.function();
      this.frame = w.frame();
      List<Expression> in =
          function instanceof AggregateCall a
              ? a.inputs()
              : ((WindowFunction) function).arguments();
      this.inputs = new BoundExpressions(in, input);
    }

    WindowEvaluator create(TaskContext context, int partition) {
      VectorEvaluator[] in = inputs.compile(context, partition);
      EvalContext ctx = context.evalContext();
      FrameSpec spec =
          new FrameSpec(
              frame.type() == WindowFrame.Type.ROWS,
              bound(frame.lower(), ctx),
              bound(frame.upper(), ctx),
              ctx.timeZone());
      if (function instanceof AggregateCall a) {
        if (a.function() == AggregateCall.Function.FIRST
            || a.function() == AggregateCall.Function.LAST) {
          boolean ignoreNulls =
              a.arguments().size() > 1
                  && a.arguments().get(1) instanceof Literal l
                  && Boolean.TRUE.equals(l.value());
          Which which = a.function() == AggregateCall.Function.FIRST ? Which.FIRST : Which.LAST;
          return new FrameValueEvaluator(in[0], which, 1, ignoreNulls, spec);
        }
        return new AggregateFrameEvaluator(a, in, spec, context.conf().ansiEnabled());
      }
      WindowFunction wf = (WindowFunction) function;
      return switch (wf.kind()) {
        case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST ->
            new RankingEvaluator(wf.kind(), 1);
        case NTILE -> new RankingEvaluator(wf.kind(), intArg(wf, 0));
        case LAG, LEAD -> {
          int k = intArg(wf, 1);
          yield new OffsetEvaluator(
              in[0], in[2], wf.kind() == WindowFunction.Kind.LAG ? -k : k, wf.ignoreNulls());
        }
        case NTH_VALUE ->
            new FrameValueEvaluator(in[0], Which.NTH, intArg(wf, 1), wf.ignoreNulls(), spec);
      };
    }

    private static int intArg(WindowFunction wf, int i) {
      return (Integer) ((Literal) wf.arg(i)).value();
    }

    private static Bound bound(Expression e, EvalContext ctx) {
      if (e == SpecialFrameBoundary.UNBOUNDED_PRECEDING
          || e == SpecialFrameBoundary.UNBOUNDED_FOLLOWING) {
        return Bound.UNBOUNDED;
      }
      if (e == SpecialFrameBoundary.CURRENT_ROW) return Bound.CURRENT;
      Object v =
          ExpressionCompiler.compile(e, ctx)
              .evaluate(new ColumnBatch(new ColumnVector[0], 1))
              .getObject(0);
      return new Bound(Bound.Kind.OFFSET, v, e.dataType() instanceof YearMonthIntervalType);
    }
  }

  @Override
  public String nodeName() {
    return "Window";
  }

  @Override
  public String argString() {
    return PlanText.list(windowExpressions)
        + ", "
        + PlanText.list(partitionSpec)
        + ", "
        + PlanText.list(orderSpec);
  }
}
