package io.sluice.optimizer;

import io.sluice.connector.BatchScan;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.ScanRelation;
import java.util.List;

/**
 * The shared walk of the rules that hand a filter to the scan right below it ({@link
 * PushFiltersToScans}, {@link PrunePartitions}): each {@code Filter} over a {@code ScanRelation}
 * whose scan has a capability gets the scan the rule makes of it; the filter stays above.
 */
final class FilteredScans {
  private FilteredScans() {}

  /** What a rule makes of one scan under a filter: a new scan, or {@code scan} to keep it. */
  @FunctionalInterface
  interface Rewrite<S extends BatchScan> {
    BatchScan apply(Expression condition, List<AttributeReference> output, S scan);
  }

  /** Applies {@code rewrite} to every scan of type {@code capability} right below a filter. */
  static <S extends BatchScan> LogicalPlan rewrite(
      LogicalPlan plan, Class<S> capability, Rewrite<S> rewrite) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Filter f)
              || !(f.child() instanceof ScanRelation scan)
              || !capability.isInstance(scan.scan())) {
            return p;
          }
          S s = capability.cast(scan.scan());
          BatchScan rewritten = rewrite.apply(f.condition(), scan.output(), s);
          if (rewritten == s) return p;
          return new Filter(f.condition(), new ScanRelation(rewritten, scan.output()));
        });
  }
}
