package io.sluice.analysis;

import io.sluice.config.SQLConf;
import io.sluice.plan.logical.LogicalPlan;

/**
 * Resolves a parsed plan: binds names to columns, tables and functions, coerces types, and
 * checks that the result is a valid query, raising {@link io.sluice.AnalysisException} if not.
 */
public final class Analyzer {
  private final SessionCatalog catalog;
  private final SQLConf conf;

  public Analyzer(SessionCatalog catalog, SQLConf conf) {
    this.catalog = catalog;
    this.conf = conf;
  }

  public LogicalPlan analyze(LogicalPlan plan) {
    if (!plan.resolved()) {
      throw new IllegalStateException("Analyzer skeleton: cannot resolve " + plan.treeString()
          + " with " + catalog + " " + conf);
    }
    return plan;
  }
}
