package io.sluice.optimizer;

import io.sluice.connector.BatchScan;
import io.sluice.connector.SourceFilter;
import io.sluice.connector.SupportsFilterPushdown;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Or;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers the conjuncts of a filter right above a scan that supports it ({@link
 * SupportsFilterPushdown}) as source filters, so the source can skip input. Only comparisons of a
 * column with a literal of the column's own type, {@code IN} lists of literals, null tests, and
 * {@code AND}/{@code OR} of those translate; the filter stays, since sources skip input coarsely.
 * Runs once, after the filters were pushed down.
 */
public final class PushFiltersToScans implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return FilteredScans.rewrite(plan, SupportsFilterPushdown.class, PushFiltersToScans::push);
  }

  private static BatchScan push(
      Expression condition, List<AttributeReference> output, SupportsFilterPushdown scan) {
    if (!scan.pushedFilters().isEmpty()) return scan;
    List<SourceFilter> filters = new ArrayList<>();
    for (Expression c : Conjuncts.split(condition)) {
      SourceFilter t = translate(c);
      if (t != null) filters.add(t);
    }
    return filters.isEmpty() ? scan : scan.withFilters(filters);
  }

  /** The source filter of an expression, or null when it has none. */
  static SourceFilter translate(Expression e) {
    if (e instanceof And a) {
      SourceFilter l = translate(a.left());
      SourceFilter r = translate(a.right());
      if (l == null) return r;
      return r == null ? l : new SourceFilter.And(l, r);
    }
    if (e instanceof Or o) {
      SourceFilter l = translate(o.left());
      SourceFilter r = translate(o.right());
      return l == null || r == null ? null : new SourceFilter.Or(l, r);
    }
    if (e instanceof IsNull n && n.child() instanceof AttributeReference a) {
      return new SourceFilter.IsNull(a.name());
    }
    if (e instanceof IsNotNull n && n.child() instanceof AttributeReference a) {
      return new SourceFilter.IsNotNull(a.name());
    }
    if (e instanceof In in && in.value() instanceof AttributeReference a) {
      List<Object> values = new ArrayList<>();
      for (Expression v : in.list()) {
        if (!(v instanceof Literal l) || l.value() == null || !sameType(a, l)) return null;
        values.add(l.value());
      }
      return values.isEmpty() ? null : new SourceFilter.In(a.name(), values);
    }
    if (e instanceof Comparison c) return compare(c);
    return null;
  }

  private static SourceFilter compare(Comparison c) {
    Comparison.Op op = c.op();
    AttributeReference a;
    Literal l;
    if (c.left() instanceof AttributeReference x && c.right() instanceof Literal y) {
      a = x;
      l = y;
    } else if (c.left() instanceof Literal y && c.right() instanceof AttributeReference x) {
      a = x;
      l = y;
      op = op.flip();
    } else {
      return null;
    }
    if (l.value() == null || !sameType(a, l)) return null;
    SourceFilter.Op sop =
        switch (op) {
          case EQ, NULL_SAFE_EQ -> SourceFilter.Op.EQ;
          case LT -> SourceFilter.Op.LT;
          case LE -> SourceFilter.Op.LE;
          case GT -> SourceFilter.Op.GT;
          case GE -> SourceFilter.Op.GE;
        };
    return new SourceFilter.Compare(a.name(), sop, l.value());
  }

  private static boolean sameType(AttributeReference a, Literal l) {
    return DataTypes.equalsIgnoreNullability(a.dataType(), l.dataType());
  }
}
