package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.ExprId;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark's {@code DeduplicateRelations}: when both sides of a join (or of {@code EXCEPT} / {@code
 * INTERSECT}) produce columns with the same ids (a DataFrame joined with itself or with a plan
 * derived from it), the right side gets fresh ids, at its leaves and its aliases, and every
 * reference inside it follows. References above the join to the old ids then mean the left side's
 * columns, as in Spark.
 */
final class DeduplicateRelations implements AnalyzerRule {
  private final AnalysisContext ctx;

  DeduplicateRelations(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if ((p instanceof Join || p instanceof Except || p instanceof Intersect)
              && ctx.readiness().childrenReady(p)
              && !Plans.conflictingIds(p.children().get(0), p.children().get(1)).isEmpty()) {
            LogicalPlan left = p.children().get(0);
            return p.withChildren(List.of(left, renew(p.children().get(1), producedIds(left))));
          }
          return p;
        });
  }

  /** Ids of the columns created anywhere in the plan (leaf outputs and aliases). */
  static Set<Long> producedIds(LogicalPlan plan) {
    Set<Long> ids = new HashSet<>();
    plan.transformUp(
        p -> {
          if (p.children().isEmpty()) {
            for (AttributeReference a : p.output()) ids.add(a.exprId());
          }
          if (p instanceof Generate g) {
            for (AttributeReference a : g.generatorOutput()) ids.add(a.exprId());
          }
          if (p instanceof Expand x) {
            for (AttributeReference a : x.output()) ids.add(a.exprId());
          }
          for (Expression e : p.expressions()) {
            for (Alias a : e.collect(Alias.class)) ids.add(a.exprId());
          }
          return p;
        });
    return ids;
  }

  /** {@code right} with fresh ids for the columns it creates whose ids are in {@code taken}. */
  static LogicalPlan renew(LogicalPlan right, Set<Long> taken) {
    Map<Long, Long> remap = new HashMap<>();
    return right.transformUp(
        p -> {
          LogicalPlan q = remap.isEmpty() ? p : p.mapExpressions(e -> rewrite(e, remap));
          return renewProduced(q, taken, remap);
        });
  }

  private static Expression rewrite(Expression e, Map<Long, Long> remap) {
    return e.transformUp(
        x -> {
          if (x instanceof AttributeReference a && remap.containsKey(a.exprId())) {
            return new AttributeReference(
                a.name(),
                a.dataType(),
                a.nullable(),
                remap.get(a.exprId()),
                a.qualifier(),
                a.metadata());
          }
          return x;
        });
  }

  private static LogicalPlan renewProduced(LogicalPlan p, Set<Long> taken, Map<Long, Long> remap) {
    if (p instanceof LocalRelation r) {
      return new LocalRelation(renewAll(r.output(), taken, remap), r.data());
    }
    if (p instanceof ScanRelation s) {
      return new ScanRelation(s.scan(), renewAll(s.output(), taken, remap));
    }
    if (p instanceof Range r) {
      return new Range(
          r.start(),
          r.end(),
          r.step(),
          r.numPartitions(),
          renewAll(List.of(r.id()), taken, remap).get(0));
    }
    if (p instanceof Project pr) {
      return new Project(renewAliases(pr.projectList(), taken, remap), pr.child());
    }
    if (p instanceof Aggregate a) {
      return new Aggregate(
          a.groupingExpressions(), renewAliases(a.aggregateExpressions(), taken, remap), a.child());
    }
    if (p instanceof Generate g) {
      return g.withGeneratorOutput(renewAll(g.generatorOutput(), taken, remap));
    }
    if (p instanceof Window w) {
      return new Window(
          renewAliases(w.windowExpressions(), taken, remap),
          w.partitionSpec(),
          w.orderSpec(),
          w.child());
    }
    if (p instanceof Expand e) {
      // passed-on columns follow the child's renewed ids; the computed ones get fresh ids
      List<AttributeReference> out = new ArrayList<>();
      for (AttributeReference a : e.output()) {
        Long renewed = remap.get(a.exprId());
        if (renewed != null) {
          out.add(
              new AttributeReference(
                  a.name(), a.dataType(), a.nullable(), renewed, a.qualifier(), a.metadata()));
        } else {
          out.addAll(renewAll(List.of(a), taken, remap));
        }
      }
      return new Expand(e.projections(), out, e.child());
    }
    return p;
  }

  private static List<AttributeReference> renewAll(
      List<AttributeReference> attrs, Set<Long> taken, Map<Long, Long> remap) {
    List<AttributeReference> out = new ArrayList<>(attrs.size());
    for (AttributeReference a : attrs) {
      if (taken.contains(a.exprId())) {
        AttributeReference fresh = a.newInstance();
        remap.put(a.exprId(), fresh.exprId());
        out.add(fresh);
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static List<NamedExpression> renewAliases(
      List<NamedExpression> list, Set<Long> taken, Map<Long, Long> remap) {
    List<NamedExpression> out = new ArrayList<>(list.size());
    for (NamedExpression e : list) {
      if (e instanceof Alias a && taken.contains(a.exprId())) {
        long fresh = ExprId.next();
        remap.put(a.exprId(), fresh);
        out.add(new Alias(a.child(), a.name(), fresh, a.qualifier(), a.explicitMetadata()));
      } else {
        out.add(e);
      }
    }
    return out;
  }
}
