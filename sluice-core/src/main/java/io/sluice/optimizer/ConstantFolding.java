package io.sluice.optimizer;

import io.sluice.exec.expr.BindReferences;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Objects;

/**
 * Replaces foldable, deterministic expressions (computable without input rows) by a literal of
 * their value, computed by the engine's own evaluators on a one-row batch without columns. The
 * largest foldable subtree is folded; when evaluating it fails (say {@code 1/0} under ANSI) it is
 * left as it is, so the error is raised only if a row reaches it, and its parts are folded instead.
 * Aliases keep their name and id. Values of struct, array and map type are not folded (their
 * literals have no SQL form to show in plans).
 *
 * <pre>{@code
 * Project [((1 + 2) * a#1) AS x#2, (1 / 0) AS y#3]     Project [(3 * a#1) AS x#2, (1 / 0) AS y#3]
 * +- LocalRelation [a#1]                         =>    +- LocalRelation [a#1]
 * }</pre>
 *
 * <p>This rule is the optimizer's one dependency on {@code io.sluice.exec} (see the package
 * documentation).
 */
public final class ConstantFolding extends ExpressionRule {

  /** Computes a constant expression's value; returns null when it cannot (do not fold). */
  @FunctionalInterface
  public interface Evaluator {
    Literal evaluate(Expression foldable);
  }

  private final Evaluator evaluator;

  /** Folds with the engine's expression compiler under {@code ctx}'s time zone and ANSI mode. */
  public ConstantFolding(EvalContext ctx) {
    this(compiling(ctx));
  }

  public ConstantFolding(Evaluator evaluator) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
  }

  @Override
  protected Expression rewrite(Expression e, LogicalPlan node) {
    return fold(e);
  }

  private Expression fold(Expression e) {
    if (e instanceof Literal) return e;
    if (e.foldable() && e.deterministic() && e.resolved() && !isComplex(e.dataType())) {
      Literal value = evaluator.evaluate(e);
      if (value != null) return value;
    }
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    boolean changed = false;
    Expression[] next = new Expression[kids.size()];
    for (int i = 0; i < next.length; i++) {
      next[i] = fold(kids.get(i));
      changed |= next[i] != kids.get(i);
    }
    return changed ? e.withChildren(List.of(next)) : e;
  }

  private static boolean isComplex(DataType t) {
    return t instanceof StructType || t instanceof ArrayType || t instanceof MapType;
  }

  /**
   * Evaluation with {@link ExpressionCompiler}. Any failure (an expression the compiler does not
   * support yet, or a runtime error such as division by zero) means "do not fold".
   */
  public static Evaluator compiling(EvalContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    return e -> {
      try {
        ColumnBatch oneRow = new ColumnBatch(new ColumnVector[0], 1);
        Expression bound = BindReferences.bind(e, List.of());
        ColumnVector v = ExpressionCompiler.compile(bound, ctx).evaluate(oneRow);
        if (v == null || v.size() < 1) return null;
        return new Literal(v.isNullAt(0) ? null : v.getObject(0), e.dataType());
      } catch (RuntimeException | StackOverflowError ex) {
        return null;
      }
    };
  }
}
