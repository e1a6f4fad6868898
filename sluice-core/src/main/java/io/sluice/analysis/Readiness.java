package io.sluice.analysis;

import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a parent may resolve names against a plan's output: the plan is resolved and its output
 * will not change any more (a union's columns already share one type, a join's sides have distinct
 * column ids). Answers are cached per node instance (nodes are immutable), so asking at every node
 * of a deep plan stays linear.
 */
final class Readiness {
  private final Map<LogicalPlan, Boolean> cache = new IdentityHashMap<>();

  boolean ready(LogicalPlan p) {
    Boolean known = cache.get(p);
    if (known != null) return known;
    boolean r = childrenReady(p) && ownResolved(p);
    if (r && Plans.isPositionalSetOperation(p)) r = Plans.typesAgree(p.children());
    if (r && (p instanceof Join || p instanceof Except || p instanceof Intersect)) {
      r = Plans.conflictingIds(p.children().get(0), p.children().get(1)).isEmpty();
    }
    cache.put(p, r);
    return r;
  }

  boolean childrenReady(LogicalPlan p) {
    for (LogicalPlan c : p.children()) {
      if (!ready(c)) return false;
    }
    return true;
  }

  /** The node's own part of {@code resolved()}, given resolved children. */
  private static boolean ownResolved(LogicalPlan p) {
    if (p instanceof Join j && !j.usingColumns().isEmpty()) return false;
    if (p instanceof Union u && u.byName()) return false;
    boolean known =
        p instanceof Project
            || p instanceof Filter
            || p instanceof Aggregate
            || p instanceof Sort
            || p instanceof Limit
            || p instanceof Join
            || p instanceof Union
            || p instanceof Except
            || p instanceof Intersect
            || p instanceof Distinct
            || p instanceof Deduplicate
            || p instanceof Repartition
            || p instanceof SubqueryAlias
            || p instanceof LocalRelation
            || p instanceof Range
            || p instanceof ScanRelation;
    return known ? Plans.allResolved(p.expressions()) : p.resolved();
  }
}
