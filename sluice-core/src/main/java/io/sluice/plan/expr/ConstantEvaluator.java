package io.sluice.plan.expr;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.util.ServiceLoader;

/**
 * Computes the value of a foldable expression while a query is analyzed, as Spark's analyzer does
 * for arguments that must be constant but need not be literals — {@code from_json}'s schema given
 * as {@code schema_of_json('{"a": 1}')} or built by string functions. The execution engine provides
 * the implementation, found with {@link ServiceLoader}, so that the analyzer does not depend on the
 * engine.
 */
public interface ConstantEvaluator {

  /**
   * The value of {@code foldable} (resolved, without column references) in internal form, null for
   * {@code NULL}. Errors of the evaluation (say an ANSI overflow) are thrown.
   */
  Object evaluate(Expression foldable);

  /** The engine's evaluator; an internal error when no implementation is on the class path. */
  static ConstantEvaluator engine() {
    return ServiceLoader.load(ConstantEvaluator.class, ConstantEvaluator.class.getClassLoader())
        .findFirst()
        .orElseThrow(
            () ->
                new SluiceRuntimeException(
                    ErrorClass.INTERNAL_ERROR,
                    SluiceException.params(
                        "message",
                        "No "
                            + ConstantEvaluator.class.getName()
                            + " is registered in META-INF/services; the execution engine provides one")));
  }
}
