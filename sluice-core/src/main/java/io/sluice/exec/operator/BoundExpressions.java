package io.sluice.exec.operator;

import io.sluice.exec.expr.BindReferences;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.task.TaskContext;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Expression;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions bound to an operator's input once, when the operator is built, and compiled once per
 * task (evaluators are not thread-safe). Aliases are evaluated as their child.
 */
public final class BoundExpressions {
  private final List<Expression> bound;

  public BoundExpressions(List<? extends Expression> exprs, List<AttributeReference> input) {
    List<Expression> b = new ArrayList<>(exprs.size());
    for (Expression e : exprs) b.add(BindReferences.bind(stripAlias(e), input));
    this.bound = List.copyOf(b);
  }

  public static Expression stripAlias(Expression e) {
    while (e instanceof Alias a) e = a.child();
    return e;
  }

  public int size() {
    return bound.size();
  }

  public List<Expression> expressions() {
    return bound;
  }

  public List<DataType> types() {
    List<DataType> t = new ArrayList<>(bound.size());
    for (Expression e : bound) t.add(e.dataType());
    return t;
  }

  /** Input ordinals when every expression is a plain column reference, else {@code null}. */
  public int[] ordinalsIfColumns() {
    int[] out = new int[bound.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(bound.get(i) instanceof BoundReference r)) return null;
      out[i] = r.ordinal();
    }
    return out;
  }

  /** Evaluators whose result vectors stay valid, for operators that keep them. */
  public VectorEvaluator[] compile(TaskContext context) {
    return compile(context.evalContext());
  }

  /**
   * Compiles for the task of partition {@code partition}, for operators whose expressions may read
   * the partition index ({@code spark_partition_id()}, {@code monotonically_increasing_id()}).
   */
  public VectorEvaluator[] compile(TaskContext context, int partition) {
    return compile(context.evalContext().withPartition(partition));
  }

  private VectorEvaluator[] compile(EvalContext ctx) {
    VectorEvaluator[] out = new VectorEvaluator[bound.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ExpressionCompiler.compile(bound.get(i), ctx);
    }
    return out;
  }

  /**
   * Evaluators whose result vectors are valid only until their next call (they reuse their
   * buffers), for operators that consume each result before evaluating the next batch.
   */
  public VectorEvaluator[] compileTransient(TaskContext context) {
    return compileTransient(context.evalContext());
  }

  /** {@link #compileTransient(TaskContext)} for the task of partition {@code partition}. */
  public VectorEvaluator[] compileTransient(TaskContext context, int partition) {
    return compileTransient(context.evalContext().withPartition(partition));
  }

  private VectorEvaluator[] compileTransient(EvalContext ctx) {
    VectorEvaluator[] out = new VectorEvaluator[bound.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ExpressionCompiler.compileTransient(bound.get(i), ctx);
    }
    return out;
  }

  /** Data types of a list of attributes. */
  public static List<DataType> typesOf(List<AttributeReference> attrs) {
    List<DataType> t = new ArrayList<>(attrs.size());
    for (AttributeReference a : attrs) t.add(a.dataType());
    return t;
  }
}
