/**
 * Analysis: turns the unresolved plan built by the DataFrame API (or the SQL parser) into a
 * resolved, typed plan, or fails with an {@link io.sluice.AnalysisException} carrying Spark's error
 * class and parameters.
 *
 * <p>Reading order: {@link io.sluice.analysis.Analyzer} (the driver and its rule list), the rules
 * ({@code Resolve*}, {@code DeduplicateRelations}, {@code WidenSetOperationTypes}, {@code
 * GlobalAggregates}), {@code ExpressionResolver} (names, functions, aliases in one expression),
 * {@code TypeCoercion} with {@code TypeWidening} and {@code ImplicitCasts}, {@link
 * io.sluice.analysis.CastRules}, the {@link io.sluice.analysis.FunctionRegistry} with its {@link
 * io.sluice.analysis.FunctionSpec}s, and the check phase ({@code CheckAnalysis}, {@code
 * ExpressionChecks}, {@code AggregateChecks}).
 *
 * <p>May depend on: {@code io.sluice.plan.*}, {@code io.sluice.types}, {@code io.sluice.config},
 * {@code io.sluice.error} and {@code io.sluice.AnalysisException}; never on execution, the
 * connectors or the rest of the user API.
 */
package io.sluice.analysis;
