package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Expand;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an {@link Expand}: every input batch is emitted once per projection, each computed over the
 * whole batch (a column passed through is the input vector itself, a nulled grouping column one
 * constant vector). The projections are bound once and compiled once per task.
 */
public final class ExpandOperator extends UnaryOperator {
  private final List<List<Expression>> projections;
  private final List<AttributeReference> output;
  private final List<BoundExpressions> bound;

  public ExpandOperator(Expand expand, PhysicalOperator child) {
    super(child);
    this.projections = expand.projections();
    this.output = expand.output();
    List<BoundExpressions> b = new ArrayList<>();
    for (List<Expression> p : projections) b.add(new BoundExpressions(p, child.output()));
    this.bound = List.copyOf(b);
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator[][] evals = new VectorEvaluator[bound.size()][];
    for (int i = 0; i < evals.length; i++) evals[i] = bound.get(i).compile(context, partition);
    BatchIterator in = child.execute(partition, context);
    return new BatchIterator() {
      private ColumnBatch batch;
      private int next = evals.length;

      @Override
      public ColumnBatch next() {
        if (next == evals.length) {
          batch = in.next();
          if (batch == null) return null;
          next = 0;
        }
        VectorEvaluator[] e = evals[next++];
        ColumnVector[] cols = new ColumnVector[e.length];
        for (int c = 0; c < e.length; c++) cols[c] = e[c].evaluate(batch);
        return new ColumnBatch(cols, batch.numRows());
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  @Override
  public String nodeName() {
    return "Expand";
  }

  @Override
  public String argString() {
    return projections + ", " + PlanText.list(output);
  }
}
