package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.BindReferences;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.ConstantEvaluator;
import io.sluice.plan.expr.Expression;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The engine's {@link ConstantEvaluator}: compiles the expression and evaluates it on a one-row
 * batch without columns, in UTC with ANSI mode on (the arguments that must be constant are schemas
 * and options, which do not depend on the session zone).
 */
public final class EngineConstantEvaluator implements ConstantEvaluator {
  private static final EvalContext CONTEXT = new EvalContext(ZoneOffset.UTC, true);

  @Override
  public Object evaluate(Expression foldable) {
    Expression bound = BindReferences.bind(foldable, List.of());
    ColumnVector v =
        ExpressionCompiler.compile(bound, CONTEXT)
            .evaluate(new ColumnBatch(new ColumnVector[0], 1));
    return v.isNullAt(0) ? null : v.getObject(0);
  }
}
