/**
 * The logical optimizer: rewrites a resolved plan into a cheaper one that computes the same rows
 * with the same output columns (names, ids and order of the root's output never change).
 *
 * <p>Each rewrite is one {@link io.sluice.optimizer.Rule} per class, whose Javadoc shows a plan
 * before and after. The {@link io.sluice.optimizer.RuleExecutor} runs rules in batches, each batch
 * once or repeatedly until the plan stops changing (capped by {@code
 * sluice.sql.optimizer.maxIterations}); {@link io.sluice.optimizer.Optimizer} lists the batches.
 *
 * <p>Depends on plans, expressions, types, errors and config, and on the column batches a {@code
 * LocalRelation} holds ({@link io.sluice.optimizer.ColumnPruning} narrows them without copying).
 * One documented exception to the pipeline's direction: {@link io.sluice.optimizer.ConstantFolding}
 * evaluates constant expressions with {@code io.sluice.exec.expr} (the same evaluators the engine
 * runs), so the optimizer never re-implements expression semantics. It must not depend on physical
 * operators, the physical planner, the parser or the user API.
 */
package io.sluice.optimizer;
