package io.sluice.optimizer;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.SessionWindow;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.UnaryNode;
import io.sluice.plan.logical.Union;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves filter conditions as close to the data as possible, conjunct by conjunct. Only
 * deterministic conjuncts move; the others stay where they are.
 *
 * <ul>
 *   <li>Through a deterministic projection, with its aliases substituted; a condition on a parsed
 *       value ({@code from_json}...) stays above the parsing, which is not repeated per row.
 *   <li>Through an aggregate with grouping columns, for conjuncts on grouping columns only.
 *   <li>Into every child of a union, with the columns renamed to each child's.
 *   <li>Through sorts, repartitions and distincts (which neither depend on nor change which rows
 *       pass), and below a generate for conjuncts on its input columns only. Not through limits or
 *       {@code dropDuplicates}, which would change the rows.
 *   <li>Into the inputs of joins, where the join type allows (see {@link JoinPredicates}).
 * </ul>
 *
 * Adjacent filters met on the way are merged as {@link CombineFilters} does.
 *
 * <pre>{@code
 * Filter ((x#3 > 1) AND (b#2 = 2))            Project [(a#1 + 1) AS x#3, b#2]
 * +- Project [(a#1 + 1) AS x#3, b#2]    =>    +- Filter (((a#1 + 1) > 1) AND (b#2 = 2))
 *    +- LocalRelation [a#1, b#2]                 +- LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class PushDownPredicates implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(PushDownPredicates::push);
  }

  private static LogicalPlan push(LogicalPlan p) {
    if (p instanceof Join j) return JoinPredicates.pushJoinCondition(j);
    if (!(p instanceof Filter f)) return p;
    LogicalPlan child = f.child();
    if (child instanceof Filter lower) {
      return lower.condition().deterministic() ? CombineFilters.combine(f, lower) : f;
    }
    if (child instanceof Project project) return throughProject(f, project);
    if (child instanceof Aggregate agg) return throughAggregate(f, agg);
    if (child instanceof Union union) return throughUnion(f, union);
    if (child instanceof Join join) return JoinPredicates.pushFilter(f, join);
    if (child instanceof EventTimeWatermark w) return throughWatermark(f, w);
    if (child instanceof Sort
        || child instanceof Repartition
        || child instanceof Distinct
        || child instanceof SubqueryAlias
        || child instanceof Generate) {
      return throughUnary(f, (UnaryNode) child);
    }
    return f;
  }

  /**
   * Conditions that do not read the event-time column go below {@code withWatermark}, as Spark
   * pushes them: rows they remove then never advance the watermark.
   */
  private static LogicalPlan throughWatermark(Filter f, EventTimeWatermark w) {
    java.util.Set<Long> eventTime = new java.util.HashSet<>();
    Conjuncts.addRefs(w.eventTime(), eventTime);
    List<Expression> down = new ArrayList<>();
    List<Expression> up = new ArrayList<>();
    for (Expression c : Conjuncts.split(f.condition())) {
      java.util.Set<Long> refs = new java.util.HashSet<>();
      Conjuncts.addRefs(c, refs);
      refs.retainAll(eventTime);
      if (c.deterministic() && refs.isEmpty()) {
        down.add(c);
      } else {
        up.add(c);
      }
    }
    if (down.isEmpty()) return f;
    return stayUp(up, w.withChild(new Filter(Conjuncts.and(down), w.child())));
  }

  private static LogicalPlan throughProject(Filter f, Project project) {
    if (!project.projectList().stream().allMatch(NamedExpression::deterministic)) return f;
    Map<Long, Alias> aliases = Aliases.of(project.projectList());
    Set<Long> costly = new HashSet<>();
    for (Alias a : aliases.values()) {
      if (a.child().exists(PushDownPredicates::isParse)) costly.add(a.exprId());
    }
    List<Expression> down = new ArrayList<>();
    List<Expression> up = new ArrayList<>();
    List<Expression> onParsed = new ArrayList<>();
    Set<Long> parsedUsed = new HashSet<>();
    for (Expression c : Conjuncts.split(f.condition())) {
      if (!c.deterministic()) {
        up.add(c);
        continue;
      }
      Set<Long> refs = new HashSet<>();
      Conjuncts.addRefs(c, refs);
      refs.retainAll(costly);
      if (refs.isEmpty()) {
        down.add(Aliases.replace(c, aliases));
      } else {
        onParsed.add(c);
        parsedUsed.addAll(refs);
      }
    }
    if (!onParsed.isEmpty()) return keepParseOnce(f, project, down, up, onParsed, parsedUsed);
    if (down.isEmpty()) return f;
    LogicalPlan pushed = project.withChild(new Filter(Conjuncts.and(down), project.child()));
    return stayUp(up, pushed);
  }

  /**
   * Conditions on a parsed value ({@code from_json(...) AS e}, then {@code e.a > 1}) do not take
   * the parsing down with them: that would parse every row in the filter and the rows that pass
   * again in the projection. The parsing moves into a projection of its own under the filter (the
   * rest of the projection stays above it, so it still runs only for the rows that pass, as when
   * the condition is pushed down); when the projection is only that already, the conditions stay
   * above.
   */
  private static LogicalPlan keepParseOnce(
      Filter f,
      Project project,
      List<Expression> down,
      List<Expression> up,
      List<Expression> onParsed,
      Set<Long> parsedUsed) {
    List<NamedExpression> lowerList = new ArrayList<>();
    List<NamedExpression> upperList = new ArrayList<>();
    boolean split = false;
    for (NamedExpression e : project.projectList()) {
      if (e instanceof Alias a && parsedUsed.contains(a.exprId())) {
        lowerList.add(a);
        upperList.add(a.toAttribute());
      } else {
        upperList.add(e);
        if (!(e instanceof AttributeReference)) split = true;
      }
    }
    LogicalPlan below = project.child();
    if (!down.isEmpty()) below = new Filter(Conjuncts.and(down), below);
    List<Expression> above = new ArrayList<>(onParsed);
    above.addAll(up);
    if (!split) {
      if (down.isEmpty()) return f;
      return new Filter(Conjuncts.and(above), project.withChild(below));
    }
    Set<Long> lowerIds = new HashSet<>();
    for (NamedExpression e : lowerList) lowerIds.add(e.exprId());
    for (AttributeReference a : project.child().output()) {
      if (lowerIds.add(a.exprId())) lowerList.add(a);
    }
    Project lower = new Project(lowerList, below);
    return new Project(upperList, new Filter(Conjuncts.and(above), lower));
  }

  /** A call that parses text into a value: costly enough not to run twice per row. */
  private static boolean isParse(Expression e) {
    return e instanceof ScalarFunction fn
        && (fn.name().equals("from_json")
            || fn.name().equals("from_csv")
            || fn.name().equals("from_xml"));
  }

  private static LogicalPlan throughAggregate(Filter f, Aggregate agg) {
    if (agg.groupingExpressions().isEmpty()
        || !agg.aggregateExpressions().stream().allMatch(NamedExpression::deterministic)) {
      return f;
    }
    Map<Long, Alias> groupingAliases = new HashMap<>();
    for (NamedExpression e : agg.aggregateExpressions()) {
      if (e instanceof Alias a && !Aggregates.containsAggregate(a.child())) {
        groupingAliases.put(a.exprId(), a);
      }
    }
    Set<Long> childIds = Conjuncts.ids(agg.child().output());
    // a session window key is each row's own session below the aggregate, merged only by it
    Set<Long> sessions = new HashSet<>();
    for (Expression g : agg.groupingExpressions()) {
      if (g instanceof AttributeReference a && a.metadata().contains(SessionWindow.MARKER)) {
        sessions.add(a.exprId());
      }
    }
    List<Expression> down = new ArrayList<>();
    List<Expression> up = new ArrayList<>();
    for (Expression c : Conjuncts.split(f.condition())) {
      Expression replaced = Aliases.replace(c, groupingAliases);
      // a condition reading no column stays above: a global-like group must still be filtered
      if (c.deterministic()
          && !c.references().isEmpty()
          && Conjuncts.readsOnly(replaced, childIds)
          && replaced.references().stream().noneMatch(r -> sessions.contains(r.exprId()))) {
        down.add(replaced);
      } else {
        up.add(c);
      }
    }
    if (down.isEmpty()) return f;
    return stayUp(up, agg.withChild(new Filter(Conjuncts.and(down), agg.child())));
  }

  private static LogicalPlan throughUnion(Filter f, Union union) {
    List<Expression> down = new ArrayList<>();
    List<Expression> up = new ArrayList<>();
    for (Expression c : Conjuncts.split(f.condition())) (c.deterministic() ? down : up).add(c);
    if (down.isEmpty()) return f;
    Expression condition = Conjuncts.and(down);
    List<AttributeReference> out = union.output();
    List<LogicalPlan> children = new ArrayList<>();
    for (LogicalPlan child : union.children()) {
      Map<Long, AttributeReference> rename = new HashMap<>();
      List<AttributeReference> childOut = child.output();
      for (int i = 0; i < out.size(); i++) rename.put(out.get(i).exprId(), childOut.get(i));
      Expression childCondition =
          condition.transformUp(
              x ->
                  x instanceof AttributeReference a && rename.containsKey(a.exprId())
                      ? rename.get(a.exprId())
                      : x);
      children.add(new Filter(childCondition, child));
    }
    return stayUp(up, union.withChildren(children));
  }

  private static LogicalPlan throughUnary(Filter f, UnaryNode node) {
    if (!node.expressions().stream().allMatch(Expression::deterministic)) return f;
    Set<Long> childIds = Conjuncts.ids(node.child().output());
    List<Expression> down = new ArrayList<>();
    List<Expression> up = new ArrayList<>();
    for (Expression c : Conjuncts.split(f.condition())) {
      (c.deterministic() && Conjuncts.readsOnly(c, childIds) ? down : up).add(c);
    }
    if (down.isEmpty()) return f;
    return stayUp(up, node.withChild(new Filter(Conjuncts.and(down), node.child())));
  }

  static LogicalPlan stayUp(List<Expression> conjuncts, LogicalPlan child) {
    return conjuncts.isEmpty() ? child : new Filter(Conjuncts.and(conjuncts), child);
  }
}
