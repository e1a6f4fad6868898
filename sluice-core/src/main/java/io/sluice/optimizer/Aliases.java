package io.sluice.optimizer;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Substitutes the aliases of a projection into expressions evaluated above (or below) it. */
final class Aliases {
  private Aliases() {}

  /** The aliases of a projection list by the id of the column they define. */
  static Map<Long, Alias> of(List<? extends NamedExpression> projectList) {
    Map<Long, Alias> m = new HashMap<>();
    for (NamedExpression e : projectList) {
      if (e instanceof Alias a) m.put(a.exprId(), a);
    }
    return m;
  }

  /** Replaces every reference to an aliased column by the alias's expression. */
  static Expression replace(Expression e, Map<Long, Alias> aliases) {
    if (aliases.isEmpty()) return e;
    return e.transformUp(
        x ->
            x instanceof AttributeReference a && aliases.containsKey(a.exprId())
                ? aliases.get(a.exprId()).child()
                : x);
  }

  /**
   * Like {@link #replace} for a top-level output column, keeping its name and id: {@code a#1}
   * defined as {@code x + 1 AS a#1} becomes {@code (x + 1) AS a#1}.
   */
  static NamedExpression replaceKeepingName(NamedExpression e, Map<Long, Alias> aliases) {
    if (e instanceof AttributeReference a) {
      Alias def = aliases.get(a.exprId());
      return def == null
          ? a
          : Alias.withMetadata(def.child(), a.name(), a.exprId(), a.qualifier(), a.metadata());
    }
    return (NamedExpression)
        e.withChildren(e.children().stream().map(c -> replace(c, aliases)).toList());
  }
}
