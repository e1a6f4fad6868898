package io.sluice.optimizer;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.StreamingScan;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops columns nothing above uses, from the root down to the leaves. A top-down pass carries the
 * set of columns each node must produce: projections and aggregates drop unused items; filters,
 * sorts, limits, repartitions and joins ask their inputs for what they themselves read too; union
 * children are pruned alike, position by position; a {@link ScanRelation} shrinks its {@code
 * output} (the scan then reads only those columns) and a {@link LocalRelation} its columns (sharing
 * the vectors, no data is copied); a {@link Generate} stops passing on input columns only its
 * generator reads. A join input that still carries columns only a filter below it needed gets a
 * projection. {@code distinct()} needs all its columns. Where a node would keep no column at all,
 * it keeps its narrowest one, so that rows still flow (e.g. for {@code count(*)}). The root's
 * output is never changed.
 *
 * <pre>{@code
 * Aggregate [a#1], [a#1, count(1) AS n#4]           Aggregate [a#1], [a#1, count(1) AS n#4]
 * +- Filter (b#2 > 0)                         =>    +- Filter (b#2 > 0)
 *    +- Relation json [a#1, b#2, c#3]                  +- Relation json [a#1, b#2]
 * }</pre>
 */
public final class ColumnPruning implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return prune(plan, Conjuncts.ids(plan.output()));
  }

  /** {@code p} rewritten to output at least {@code required} (ids of its output columns). */
  private static LogicalPlan prune(LogicalPlan p, Set<Long> required) {
    if (p instanceof Project project) return pruneProject(project, required);
    if (p instanceof Aggregate agg) return pruneAggregate(agg, required);
    if (p instanceof Join join) return pruneJoin(join, required);
    if (p instanceof Union union) return pruneUnion(union, required);
    if (p instanceof ScanRelation scan) return pruneScan(scan, required);
    if (p instanceof StreamingScan scan) {
      List<AttributeReference> kept = keep(scan.output(), required);
      if (kept.size() == scan.output().size()) return scan;
      return new StreamingScan(scan.sourceIndex(), scan.description(), kept);
    }
    if (p instanceof LocalRelation local) return pruneLocal(local, required);
    if (p instanceof Generate g) return pruneGenerate(g, required);
    if (p instanceof Expand e) return pruneExpand(e, required);
    if (p instanceof Filter
        || p instanceof Sort
        || p instanceof Limit
        || p instanceof Repartition
        || p instanceof Deduplicate
        || p instanceof io.sluice.plan.logical.DeduplicateWithinWatermark
        || p instanceof EventTimeWatermark
        || p instanceof SubqueryAlias) {
      // pass-through nodes: their input must give what the parent needs and what they read
      Set<Long> childRequired = new HashSet<>(required);
      for (Expression e : p.expressions()) Conjuncts.addRefs(e, childRequired);
      return withChildren(p, List.of(prune(p.children().get(0), childRequired)));
    }
    // Distinct and nodes this rule does not know: all input columns stay, deeper ones may go
    List<LogicalPlan> children = new ArrayList<>();
    for (LogicalPlan c : p.children()) children.add(prune(c, Conjuncts.ids(c.output())));
    return withChildren(p, children);
  }

  private static LogicalPlan pruneProject(Project project, Set<Long> required) {
    List<NamedExpression> kept = new ArrayList<>();
    for (NamedExpression e : project.projectList()) {
      if (required.contains(e.exprId())) kept.add(e);
    }
    if (kept.isEmpty() && !project.projectList().isEmpty()) {
      kept.add(cheapest(project.projectList()));
    }
    Set<Long> childRequired = new HashSet<>();
    for (NamedExpression e : kept) Conjuncts.addRefs(e, childRequired);
    LogicalPlan child = prune(project.child(), childRequired);
    if (kept.size() == project.projectList().size() && child == project.child()) return project;
    return new Project(kept, child);
  }

  private static LogicalPlan pruneAggregate(Aggregate agg, Set<Long> required) {
    List<NamedExpression> kept = new ArrayList<>();
    for (NamedExpression e : agg.aggregateExpressions()) {
      if (required.contains(e.exprId())) kept.add(e);
    }
    if (kept.isEmpty() && !agg.aggregateExpressions().isEmpty()) {
      kept.add(cheapest(agg.aggregateExpressions()));
    }
    Set<Long> childRequired = new HashSet<>();
    for (Expression e : agg.groupingExpressions()) Conjuncts.addRefs(e, childRequired);
    for (NamedExpression e : kept) Conjuncts.addRefs(e, childRequired);
    LogicalPlan child = prune(agg.child(), childRequired);
    if (kept.size() == agg.aggregateExpressions().size() && child == agg.child()) return agg;
    return new Aggregate(agg.groupingExpressions(), kept, child);
  }

  /**
   * The input gives what the parent needs and what the generator reads; input columns only the
   * generator reads are not passed on ({@code unrequiredChildIndex}).
   */
  private static LogicalPlan pruneGenerate(Generate g, Set<Long> required) {
    Set<Long> childRequired = new HashSet<>();
    for (AttributeReference a : g.child().output()) {
      if (required.contains(a.exprId())) childRequired.add(a.exprId());
    }
    Conjuncts.addRefs(g.generator(), childRequired);
    LogicalPlan child = prune(g.child(), childRequired);
    List<Integer> unrequired = new ArrayList<>();
    List<AttributeReference> out = child.output();
    for (int i = 0; i < out.size(); i++) {
      if (!required.contains(out.get(i).exprId())) unrequired.add(i);
    }
    if (child == g.child() && unrequired.equals(g.unrequiredChildIndex())) return g;
    return g.withUnrequiredChildIndex(unrequired, child);
  }

  /** Drops the positions of every projection whose column nothing above reads. */
  private static LogicalPlan pruneExpand(Expand e, Set<Long> required) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < e.output().size(); i++) {
      if (required.contains(e.output().get(i).exprId())) kept.add(i);
    }
    if (kept.isEmpty()) kept.add(e.output().size() - 1); // the grouping id: rows still flow
    List<List<Expression>> projections = new ArrayList<>();
    Set<Long> childRequired = new HashSet<>();
    for (List<Expression> row : e.projections()) {
      List<Expression> next = new ArrayList<>(kept.size());
      for (int i : kept) {
        next.add(row.get(i));
        Conjuncts.addRefs(row.get(i), childRequired);
      }
      projections.add(next);
    }
    List<AttributeReference> output = new ArrayList<>();
    for (int i : kept) output.add(e.output().get(i));
    LogicalPlan child = prune(e.child(), childRequired);
    if (kept.size() == e.output().size() && child == e.child()) return e;
    return new Expand(projections, output, child);
  }

  private static LogicalPlan pruneJoin(Join join, Set<Long> required) {
    Set<Long> needed = new HashSet<>(required);
    if (join.condition() != null) Conjuncts.addRefs(join.condition(), needed);
    LogicalPlan left = pruneInput(join.left(), needed);
    LogicalPlan right = pruneInput(join.right(), needed);
    if (left == join.left() && right == join.right()) return join;
    return new Join(left, right, join.joinType(), join.condition(), join.usingColumns());
  }

  /** A join input pruned to the columns of {@code needed} it has, and no more. */
  private static LogicalPlan pruneInput(LogicalPlan input, Set<Long> needed) {
    List<AttributeReference> wanted = new ArrayList<>();
    for (AttributeReference a : input.output()) {
      if (needed.contains(a.exprId())) wanted.add(a);
    }
    if (wanted.isEmpty() && !input.output().isEmpty()) wanted.add(narrowest(input.output()));
    LogicalPlan pruned = prune(input, Conjuncts.ids(wanted));
    if (pruned.output().size() > wanted.size()) return new Project(List.copyOf(wanted), pruned);
    return pruned;
  }

  private static LogicalPlan pruneUnion(Union union, Set<Long> required) {
    List<AttributeReference> out = union.output();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (required.contains(out.get(i).exprId())) positions.add(i);
    }
    if (positions.isEmpty() && !out.isEmpty()) positions.add(out.indexOf(narrowest(out)));
    List<LogicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (LogicalPlan c : union.children()) {
      List<AttributeReference> childOut = c.output();
      List<AttributeReference> wanted = new ArrayList<>();
      for (int i : positions) wanted.add(childOut.get(i));
      LogicalPlan pruned = prune(c, Conjuncts.ids(wanted));
      if (!sameIds(pruned.output(), wanted)) pruned = new Project(List.copyOf(wanted), pruned);
      changed |= pruned != c;
      children.add(pruned);
    }
    return changed ? union.withChildren(children) : union;
  }

  private static LogicalPlan pruneScan(ScanRelation scan, Set<Long> required) {
    List<AttributeReference> kept = keep(scan.output(), required);
    return kept.size() == scan.output().size() ? scan : new ScanRelation(scan.scan(), kept);
  }

  private static LogicalPlan pruneLocal(LocalRelation local, Set<Long> required) {
    List<AttributeReference> out = local.output();
    List<AttributeReference> kept = keep(out, required);
    if (kept.size() == out.size()) return local;
    for (ColumnBatch b : local.data()) {
      if (b.numColumns() != out.size()) return local; // unexpected layout: leave it alone
    }
    int[] ordinals = new int[kept.size()];
    for (int i = 0, k = 0; i < out.size() && k < ordinals.length; i++) {
      if (out.get(i) == kept.get(k)) ordinals[k++] = i;
    }
    List<ColumnBatch> data = new ArrayList<>(local.data().size());
    for (ColumnBatch b : local.data()) data.add(b.project(ordinals));
    return new LocalRelation(kept, data);
  }

  /** The columns of {@code out} in {@code required}; the narrowest one if none is. */
  private static List<AttributeReference> keep(List<AttributeReference> out, Set<Long> required) {
    List<AttributeReference> kept = new ArrayList<>();
    for (AttributeReference a : out) {
      if (required.contains(a.exprId())) kept.add(a);
    }
    if (kept.isEmpty() && !out.isEmpty()) kept.add(narrowest(out));
    return kept;
  }

  private static AttributeReference narrowest(List<AttributeReference> attributes) {
    AttributeReference best = attributes.get(0);
    for (AttributeReference a : attributes) {
      if (a.dataType().defaultSize() < best.dataType().defaultSize()) best = a;
    }
    return best;
  }

  /** The item to keep when none is needed: the narrowest plain column, else the first item. */
  private static NamedExpression cheapest(List<NamedExpression> items) {
    List<AttributeReference> columns = new ArrayList<>();
    for (NamedExpression e : items) {
      if (e instanceof AttributeReference a) columns.add(a);
    }
    return columns.isEmpty() ? items.get(0) : narrowest(columns);
  }

  private static boolean sameIds(List<AttributeReference> a, List<AttributeReference> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).exprId() != b.get(i).exprId()) return false;
    }
    return true;
  }

  private static LogicalPlan withChildren(LogicalPlan p, List<LogicalPlan> children) {
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) != p.children().get(i)) return p.withChildren(children);
    }
    return p;
  }
}
