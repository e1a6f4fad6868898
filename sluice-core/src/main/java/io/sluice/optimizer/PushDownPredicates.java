package io.sluice.optimizer;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
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
 *   <li>Through a deterministic projection, with its aliases substituted.
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
    List<Expression> down = new ArrayList<>();
    List<Expression> up = new ArrayList<>();
    for (Expression c : Conjuncts.split(f.condition())) {
      if (c.deterministic()) {
        down.add(Aliases.replace(c, aliases));
      } else {
        up.add(c);
      }
    }
    if (down.isEmpty()) return f;
    LogicalPlan pushed = project.withChild(new Filter(Conjuncts.and(down), project.child()));
    return stayUp(up, pushed);
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
