package io.sluice.analysis;

import io.sluice.plan.expr.Expression;

/**
 * Builds the expression of one function from a checked call. It may throw an {@code
 * AnalysisException} for argument problems the spec cannot express (e.g. {@code named_struct} names
 * that are not string literals).
 */
@FunctionalInterface
public interface FunctionBuilder {
  Expression build(FunctionCall call);
}
