package io.sluice.optimizer;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.exec.expr.EvalContext;
import io.sluice.optimizer.RuleExecutor.Batch;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;

/**
 * Rewrites a resolved plan into a cheaper equivalent by applying rules in batches, as Spark's
 * optimizer does:
 *
 * <ol>
 *   <li><b>Finish analysis</b> (once): drop subquery aliases.
 *   <li><b>Replace operators</b> (once): subqueries in expressions become joins, {@code EXCEPT
 *       [ALL]} and {@code INTERSECT [ALL]} joins or tagged aggregations, {@code distinct()} an
 *       aggregate.
 *   <li><b>Operator optimization</b> (to a fixpoint): push filters down, prune columns, merge
 *       projections, filters and limits, fold constants, simplify expressions.
 *   <li><b>Infer filters</b> (once): {@code IS NOT NULL} on join keys.
 *   <li><b>Operator optimization after inferring filters</b> (to a fixpoint): the same rules, to
 *       push the inferred filters down.
 *   <li><b>Push filters to scans</b> (once): offer filters to scans that can skip input with them.
 *   <li><b>Prune file source partitions</b> (once): scans of partitioned files keep only the
 *       partitions the filters above them may match.
 * </ol>
 *
 * The root's output columns (names, ids, types, order) are never changed. Thread-safe: each call
 * builds its rules from the configuration's current values.
 */
public final class Optimizer {
  /** Batch names, as shown in logs. */
  public static final String FINISH_ANALYSIS = "Finish Analysis";

  public static final String REPLACE_OPERATORS = "Replace Operators";
  public static final String OPERATOR_OPTIMIZATION = "Operator Optimization";
  public static final String INFER_FILTERS = "Infer Filters";
  public static final String AFTER_INFER_FILTERS = "Operator Optimization after Inferring Filters";
  public static final String PUSH_FILTERS_TO_SCANS = "Push Filters to Scans";
  public static final String PRUNE_PARTITIONS = "Prune File Source Partitions";

  private final SQLConf conf;
  private final ConstantFolding.Evaluator evaluator;

  public Optimizer(SQLConf conf) {
    this(conf, null);
  }

  /** With another constant evaluator (tests); null uses the engine's expression compiler. */
  Optimizer(SQLConf conf, ConstantFolding.Evaluator evaluator) {
    this.conf = Objects.requireNonNull(conf, "conf");
    this.evaluator = evaluator;
  }

  public LogicalPlan optimize(LogicalPlan plan) {
    return executor().execute(plan);
  }

  /**
   * The batches under the session's current settings (ANSI mode, time zone and the iteration cap
   * are read on every call, since they may change between queries).
   */
  public RuleExecutor executor() {
    return new RuleExecutor(batches());
  }

  private List<Batch> batches() {
    int maxIterations = conf.get(SQLConf.OPTIMIZER_MAX_ITERATIONS);
    if (maxIterations < 1) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_CONF_VALUE,
          SluiceException.params(
              "confValue",
              String.valueOf(maxIterations),
              "confName",
              "\"" + SQLConf.OPTIMIZER_MAX_ITERATIONS.key() + "\"",
              "reason",
              "It must be a positive integer."));
    }
    ConstantFolding.Evaluator constants =
        evaluator != null
            ? evaluator
            : ConstantFolding.compiling(EvalContext.of(conf.sessionTimeZone(), conf.ansiEnabled()));
    return List.of(
        Batch.once(FINISH_ANALYSIS, new EliminateSubqueryAliases()),
        Batch.once(
            REPLACE_OPERATORS,
            new RewriteSubqueries(),
            new RewriteExceptAll(),
            new RewriteIntersectAll(),
            new ReplaceIntersectWithSemiJoin(),
            new ReplaceExceptWithAntiJoin(),
            new ReplaceDistinctWithAggregate()),
        Batch.fixedPoint(OPERATOR_OPTIMIZATION, maxIterations, operatorRules(constants)),
        Batch.once(INFER_FILTERS, new InferFiltersFromConstraints()),
        Batch.fixedPoint(AFTER_INFER_FILTERS, maxIterations, operatorRules(constants)),
        Batch.once(PUSH_FILTERS_TO_SCANS, new PushFiltersToScans()),
        Batch.once(
            PRUNE_PARTITIONS,
            new PrunePartitions(EvalContext.of(conf.sessionTimeZone(), conf.ansiEnabled()))));
  }

  private static Rule[] operatorRules(ConstantFolding.Evaluator constants) {
    return new Rule[] {
      new PushDownPredicates(),
      new CombineFilters(),
      new LimitPushDown(),
      new CombineLimits(),
      new ColumnPruning(),
      new CollapseProject(),
      new RemoveRedundantProject(),
      new ConstantFolding(constants),
      new NullPropagation(),
      new BooleanSimplification(),
      new SimplifyCasts(),
      new PruneFilters(),
    };
  }
}
