package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.List;

/** Keeps the rows for which a condition is true (neither false nor null). */
public final class FilterOperator extends UnaryOperator {
  private final Expression condition;
  private final BoundExpressions bound;

  public FilterOperator(Expression condition, PhysicalOperator child) {
    super(child);
    this.condition = condition;
    this.bound = new BoundExpressions(List.of(condition), child.output());
  }

  public Expression condition() {
    return condition;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return run(child.execute(partition, context), context, partition, null);
  }

  /** Reads its input transiently and gathers the kept rows into reused buffers. */
  @Override
  public BatchIterator executeTransient(int partition, TaskContext context) {
    return run(
        child.executeTransient(partition, context), context, partition, new ReusableGather());
  }

  private BatchIterator run(
      BatchIterator input, TaskContext context, int partition, ReusableGather reuse) {
    VectorEvaluator eval = bound.compileTransient(context, partition)[0];
    int[][] selection = {new int[0]};
    return new MappedIterator(
        input,
        b -> {
          int n = b.numRows();
          if (selection[0].length < n) selection[0] = new int[n];
          int kept = select(eval.evaluate(b), n, selection[0]);
          if (kept == n) return b;
          if (kept == 0) return null;
          return reuse == null ? b.gather(selection[0], kept) : reuse.gather(b, selection[0], kept);
        });
  }

  /** Writes the rows whose value is true into {@code sel}; returns how many. */
  static int select(ColumnVector result, int n, int[] sel) {
    if (!(result instanceof BooleanVector bv)) {
      // an all-null condition (e.g. a null literal) keeps nothing
      return 0;
    }
    boolean[] values = bv.values();
    boolean[] nulls = bv.nulls();
    int k = 0;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        sel[k] = i;
        k += values[i] ? 1 : 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        sel[k] = i;
        k += values[i] & !nulls[i] ? 1 : 0;
      }
    }
    return k;
  }

  @Override
  public String nodeName() {
    return "Filter";
  }

  @Override
  public String argString() {
    return PlanText.expr(condition);
  }
}
