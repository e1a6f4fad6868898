package io.sluice.plan.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The grouping of {@code GROUP BY GROUPING SETS (...)}, {@code ROLLUP (...)} or {@code CUBE (...)}
 * (and their combinations with plain keys), as the only grouping expression of an aggregate: the
 * distinct grouping expressions ({@code children}, resolved by the analyzer like any grouping key)
 * and each set as positions among them. The analyzer replaces the aggregate by one over an {@code
 * Expand} of the sets, so this node never reaches the optimizer.
 *
 * @param groupBy the distinct grouping expressions
 * @param sets each grouping set, as indexes into {@code groupBy}
 */
public record GroupingSets(List<Expression> groupBy, List<List<Integer>> sets)
    implements Unresolved {
  public GroupingSets {
    groupBy = List.copyOf(groupBy);
    List<List<Integer>> copy = new ArrayList<>();
    for (List<Integer> s : sets) copy.add(List.copyOf(s));
    sets = List.copyOf(copy);
  }

  @Override
  public List<Expression> children() {
    return groupBy;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new GroupingSets(c, sets);
  }

  @Override
  public String sql() {
    return text(false);
  }

  @Override
  public String toString() {
    return text(true);
  }

  private String text(boolean plan) {
    List<String> parts = new ArrayList<>();
    for (List<Integer> s : sets) {
      List<String> cols = new ArrayList<>();
      for (int i : s) cols.add(plan ? groupBy.get(i).toString() : groupBy.get(i).sql());
      parts.add("(" + String.join(", ", cols) + ")");
    }
    return "GROUPING SETS(" + String.join(", ", parts) + ")";
  }
}
