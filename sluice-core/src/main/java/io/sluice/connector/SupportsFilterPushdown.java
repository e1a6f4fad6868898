package io.sluice.connector;

import java.util.List;

/**
 * A {@link BatchScan} that can skip input with the filters a query applies to its rows (Parquet row
 * groups by their statistics). The optimizer offers the conjuncts of a filter right above the scan
 * that it could translate; the filter itself stays in the plan.
 */
public interface SupportsFilterPushdown extends BatchScan {
  /**
   * A scan like this one that may skip input where all of {@code filters} (conjuncts, on this
   * scan's top-level columns) are surely false; this scan itself when none helps.
   */
  BatchScan withFilters(List<SourceFilter> filters);

  /** The filters this scan was given (empty when none). */
  List<SourceFilter> pushedFilters();
}
