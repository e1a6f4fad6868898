package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.InSubquery;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.SubqueryExpression;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyzes the subqueries held by an operator's expressions (scalar subqueries, {@code EXISTS},
 * {@code IN (SELECT ...)}) once the operator's input is resolved: each is analyzed on its own, its
 * unknown names bound to that input as outer references (Spark's {@code ResolveSubquery}). The
 * values of {@code IN} and the subquery's columns are then cast to their wider common type (Spark's
 * {@code InConversion}); a type mismatch is left for {@link CheckAnalysis}.
 */
final class ResolveSubqueries implements AnalyzerRule {
  private final AnalysisContext ctx;
  private final Analyzer analyzer;

  ResolveSubqueries(AnalysisContext ctx, Analyzer analyzer) {
    this.ctx = ctx;
    this.analyzer = analyzer;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (p.children().isEmpty() || !ctx.readiness().childrenReady(p)) return p;
          if (!hasUnresolvedSubquery(p)) return p;
          List<AttributeReference> outer = Plans.input(p);
          Set<Long> taken = new HashSet<>();
          for (LogicalPlan c : p.children()) taken.addAll(DeduplicateRelations.producedIds(c));
          LogicalPlan next = p.mapExpressions(e -> e.transformUp(x -> resolve(x, outer, taken)));
          return Plans.sameExpressions(next, p) ? p : next;
        });
  }

  private static boolean hasUnresolvedSubquery(LogicalPlan p) {
    for (Expression e : p.expressions()) {
      if (e.exists(x -> x instanceof SubqueryExpression s && !s.plan().resolved())) return true;
      if (e.exists(x -> x instanceof InSubquery in && in.resolved() && !typesAgree(in))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subquery analyzed; the columns it creates get fresh ids where they collide with columns of
   * the enclosing operator's input ({@code taken}), as the join it becomes will need (a subquery
   * reading the same view as the outer query).
   */
  private Expression resolve(Expression x, List<AttributeReference> outer, Set<Long> taken) {
    if (!(x instanceof SubqueryExpression s)) return x;
    SubqueryExpression r = s;
    if (!s.plan().resolved()) {
      LogicalPlan analyzed = analyzer.analyzeSubquery(s.plan(), outer);
      r = s.withPlan(DeduplicateRelations.renew(analyzed, taken));
    }
    return r instanceof InSubquery in && in.resolved() && !typesAgree(in) ? coerce(in) : r;
  }

  private static boolean typesAgree(InSubquery in) {
    List<AttributeReference> out = in.plan().output();
    if (out.size() != in.values().size()) return true; // reported by the check phase
    for (int i = 0; i < out.size(); i++) {
      if (!TypeWidening.sameType(in.values().get(i).dataType(), out.get(i).dataType())) {
        return false;
      }
    }
    return true;
  }

  /** Casts both sides of {@code IN} to the wider type of each column pair, when there is one. */
  private Expression coerce(InSubquery in) {
    List<AttributeReference> out = in.plan().output();
    List<Expression> values = new ArrayList<>();
    List<NamedExpression> columns = new ArrayList<>();
    EvalMode mode = EvalMode.fromAnsi(ctx.ansi());
    for (int i = 0; i < out.size(); i++) {
      Expression v = in.values().get(i);
      AttributeReference c = out.get(i);
      Optional<DataType> t = ctx.coercion().widening().widerType(v.dataType(), c.dataType());
      if (t.isEmpty()) return in;
      values.add(v.dataType().equals(t.get()) ? v : Cast.implicit(v, t.get(), mode));
      columns.add(
          c.dataType().equals(t.get()) ? c : Alias.of(Cast.implicit(c, t.get(), mode), c.name()));
    }
    return new InSubquery(values, new Project(columns, in.plan()));
  }
}
