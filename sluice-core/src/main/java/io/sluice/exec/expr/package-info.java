/**
 * Vectorized expression evaluation: {@link io.sluice.exec.expr.ExpressionCompiler} turns a bound,
 * resolved expression ({@code io.sluice.plan.expr}, after {@link
 * io.sluice.exec.expr.BindReferences}) into a {@link io.sluice.exec.expr.VectorEvaluator} that
 * computes a whole {@code ColumnBatch} per call over primitive arrays, with Spark 4's null, ANSI,
 * LEGACY and TRY semantics.
 *
 * <p>Results are durable ({@code compile}: an operator may keep them) or transient ({@code
 * compileTransient}: valid until the next call, the buffers are reused); {@code ResultBuffer} hands
 * out the arrays of both kinds.
 *
 * <p>Map: arithmetic ({@code ArithmeticEvaluators}, {@code ArithmeticKernels}, {@code
 * DecimalArithmetic}; {@code ConstantKernels} and {@code SignedDivisor} for a literal right
 * operand); comparisons ({@code ComparisonEvaluators}, {@link io.sluice.exec.expr.RowComparators});
 * three-valued logic and {@code IN} ({@code LogicEvaluators}); {@code CASE} and {@code coalesce}
 * ({@code ConditionalEvaluators}, with {@code SelectiveEvaluator} evaluating error-prone children
 * only on the rows Spark would); struct, array and map access ({@code ComplexTypeEvaluators});
 * casts ({@code CastEvaluator} dispatching to {@link io.sluice.exec.expr.CastToString}, {@code
 * CastFromString}, {@code NumericCasts}, {@code DecimalCasts}, {@code DateTimeCasts}, {@code
 * IntervalParser}); date and time text ({@link io.sluice.exec.expr.DateTimes}); run-time errors
 * ({@link io.sluice.exec.expr.EvalErrors}).
 *
 * <p>Depends on {@code io.sluice.plan.expr}, {@code io.sluice.exec.vector}, {@code io.sluice.types}
 * and {@code io.sluice.error} only.
 */
package io.sluice.exec.expr;
