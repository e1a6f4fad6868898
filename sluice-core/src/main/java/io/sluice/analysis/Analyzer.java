package io.sluice.analysis;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;

/**
 * Resolves a parsed plan: binds names to columns, views and functions, coerces types, and checks
 * that the result is a valid query, raising {@link io.sluice.AnalysisException} if not.
 *
 * <p>Resolution repeats a fixed list of rules (one class each) until the plan stops changing:
 * {@link ResolveRelations}, {@link ResolveSubqueryColumnAliases}, {@link ResolveDeduplicate},
 * {@link DeduplicateRelations}, {@link ResolveUnionByName}, {@link WidenSetOperationTypes}, {@link
 * ResolveUsingJoin}, {@link ResolveReferences} (names, functions, aliases and {@link
 * TypeCoercion}), {@link ResolveSubqueries}, {@link ResolveTimeWindows}, {@link ExtractGenerators},
 * {@link ResolveGroupByAliases}, {@link ResolveGroupingAnalytics}, {@link
 * ExtractWindowExpressions}, {@link ResolveAggregateReferences}, {@link ResolveMissingReferences},
 * {@link GlobalAggregates}. Then {@link CleanupAliases} runs, {@link CheckAnalysis} reports what is
 * left unresolved or invalid, and analysis-only wrappers ({@link RuntimeReplaceable}) are replaced.
 * The analyzer is deterministic, and analyzing an analyzed plan returns an equal plan.
 */
public final class Analyzer {
  private static final int MAX_ITERATIONS = 100;

  private final SessionCatalog catalog;
  private final SQLConf conf;
  private final FunctionRegistry functions;

  public Analyzer(SessionCatalog catalog, SQLConf conf) {
    this(catalog, conf, FunctionRegistry.builtin());
  }

  public Analyzer(SessionCatalog catalog, SQLConf conf, FunctionRegistry functions) {
    this.catalog = catalog;
    this.conf = conf;
    this.functions = functions;
  }

  public LogicalPlan analyze(LogicalPlan plan) {
    AnalysisContext ctx = new AnalysisContext(catalog, functions, conf);
    return finish(resolve(plan, ctx), ctx);
  }

  /**
   * Analyzes a subquery of an operator whose input is {@code outer}: names the subquery cannot bind
   * itself are then bound to {@code outer} as {@link io.sluice.plan.expr.OuterReference}s (Spark's
   * {@code ResolveSubquery}), and the subquery is resolved again with them.
   */
  LogicalPlan analyzeSubquery(LogicalPlan plan, List<AttributeReference> outer) {
    AnalysisContext ctx = new AnalysisContext(catalog, functions, conf);
    LogicalPlan resolved = resolve(plan, ctx);
    if (!resolved.resolved()) {
      LogicalPlan bound = OuterReferences.bind(resolved, outer, ctx.attributes());
      if (bound != resolved)
        resolved = resolve(bound, new AnalysisContext(catalog, functions, conf));
    }
    return finish(resolved, ctx);
  }

  /** The resolution rules, repeated until the plan stops changing. */
  private LogicalPlan resolve(LogicalPlan plan, AnalysisContext ctx) {
    List<AnalyzerRule> rules =
        List.of(
            new ResolveRelations(ctx),
            new ResolveSubqueryColumnAliases(ctx),
            new ResolveDeduplicate(ctx),
            new DeduplicateRelations(ctx),
            new ResolveUnionByName(ctx),
            new WidenSetOperationTypes(ctx),
            new ResolveUsingJoin(ctx),
            new ResolveReferences(ctx),
            new ResolveSubqueries(ctx, this),
            new ResolveTimeWindows(ctx),
            new ExtractGenerators(ctx),
            new ResolveGroupByAliases(ctx),
            new ResolveGroupingAnalytics(ctx),
            new ExtractWindowExpressions(ctx),
            new ResolveAggregateReferences(ctx),
            new ResolveMissingReferences(ctx),
            new GlobalAggregates(ctx));
    LogicalPlan current = plan;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      LogicalPlan next = current;
      for (AnalyzerRule rule : rules) next = rule.apply(next);
      if (next.equals(current)) break;
      current = next;
    }
    return current;
  }

  /** Clean-up, the check phase, and the replacement of analysis-only wrappers. */
  private static LogicalPlan finish(LogicalPlan resolved, AnalysisContext ctx) {
    LogicalPlan current = CleanupAliases.apply(resolved);
    new CheckAnalysis(ctx).check(current);
    return replaceRuntimeReplaceable(current);
  }

  private static LogicalPlan replaceRuntimeReplaceable(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          LogicalPlan next =
              p.mapExpressions(
                  e -> e.transformUp(x -> x instanceof RuntimeReplaceable r ? r.replacement() : x));
          return Plans.sameExpressions(next, p) ? p : next;
        });
  }
}
