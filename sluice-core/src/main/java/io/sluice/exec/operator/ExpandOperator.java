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
 * Runs an {@link Expand}: each input batch yields one output batch per projection (the rows of
 * projection 0, then those of projection 1, ...), each evaluated over the whole batch.
 */
public final class ExpandOperator extends UnaryOperator {
  private final List<List<Expression>> projections;
  private final List<AttributeReference> output;
  private final List<BoundExpressions> bound = new ArrayList<>();

  public ExpandOperator(Expand e, PhysicalOperator child) {
    super(child);
    this.projections = e.projections();
    this.output = e.output();
    for (List<Expression> row : projections) bound.add(new BoundExpressions(row, child.output()));
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    VectorEvaluator[][] evals = new VectorEvaluator[bound.size()][];
    for (int p = 0; p < evals.length; p++) evals[p] = bound.get(p).compile(context, partition);
    BatchIterator in = child.execute(partition, context);
    return new BatchIterator() {
      ColumnBatch current;
      int next = evals.length;

      @Override
      public ColumnBatch next() {
        while (true) {
          if (next < evals.length) {
            VectorEvaluator[] row = evals[next++];
            ColumnVector[] cols = new ColumnVector[row.length];
            for (int i = 0; i < row.length; i++) cols[i] = row[i].evaluate(current);
            return new ColumnBatch(cols, current.numRows());
          }
          current = in.next();
          if (current == null) return null;
          next = 0;
        }
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
    List<String> rows = new ArrayList<>();
    for (List<Expression> row : projections) rows.add(PlanText.list(row));
    return "[" + String.join(", ", rows) + "], " + PlanText.list(output);
  }
}
