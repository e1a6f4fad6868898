package io.sluice.exec.operator;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.NamedExpression;
import java.util.ArrayList;
import java.util.List;

/** Computes a list of named expressions over each batch. */
public final class ProjectOperator extends UnaryOperator {
  private final List<NamedExpression> projectList;
  private final List<AttributeReference> output;
  private final BoundExpressions exprs;
  private final int[] ordinals;

  public ProjectOperator(List<NamedExpression> projectList, PhysicalOperator child) {
    super(child);
    this.projectList = List.copyOf(projectList);
    List<AttributeReference> out = new ArrayList<>();
    for (NamedExpression e : projectList) out.add(e.toAttribute());
    this.output = List.copyOf(out);
    this.exprs = new BoundExpressions(projectList, child.output());
    this.ordinals = exprs.ordinalsIfColumns();
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return run(
        child.execute(partition, context),
        ordinals != null ? null : exprs.compile(context, partition));
  }

  /** Reads its input transiently; computed columns reuse their buffers. */
  @Override
  public BatchIterator executeTransient(int partition, TaskContext context) {
    BatchIterator in = child.executeTransient(partition, context);
    return run(in, ordinals != null ? null : exprs.compileTransient(context, partition));
  }

  private BatchIterator run(BatchIterator in, VectorEvaluator[] evals) {
    if (ordinals != null) {
      return new MappedIterator(in, b -> b.project(ordinals));
    }
    return new MappedIterator(
        in,
        b -> {
          ColumnVector[] cols = new ColumnVector[evals.length];
          for (int i = 0; i < evals.length; i++) cols[i] = evals[i].evaluate(b);
          return new ColumnBatch(cols, b.numRows());
        });
  }

  @Override
  public String nodeName() {
    return "Project";
  }

  @Override
  public String argString() {
    return PlanText.list(projectList);
  }
}
