package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.plan.expr.ScalarFunction;
import java.util.List;

/**
 * Builds the evaluator of one library function, once per query. It receives the call (result type,
 * the argument expressions — so a kernel can precompute from foldable arguments, e.g. compile a
 * constant regex once) and the compiled argument evaluators.
 */
@FunctionalInterface
public interface ScalarKernel {
  VectorEvaluator create(ScalarFunction call, List<VectorEvaluator> arguments, EvalContext ctx);
}
