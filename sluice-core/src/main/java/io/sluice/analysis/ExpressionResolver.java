package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.MultiAlias;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedAlias;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.expr.WindowExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves one expression tree against a {@link Scope}, children first: column names, struct field
 * and map extraction, function calls (through the registry), generated aliases; every node whose
 * children are resolved is coerced right away, so functions are built from coerced arguments and
 * aliases are named after the coerced expression. Names that cannot be bound yet stay unresolved
 * (another rule or the check phase deals with them).
 */
final class ExpressionResolver {
  private final AnalysisContext ctx;
  private final LambdaBinder lambdas;

  ExpressionResolver(AnalysisContext ctx) {
    this.ctx = ctx;
    this.lambdas = new LambdaBinder(ctx);
  }

  /** Resolves a top-level expression (a projection item keeps the alias of a nested field). */
  Expression resolve(Expression e, Scope scope) {
    return resolve(e, scope, true);
  }

  /** Resolves an expression that is not a projection item (nested fields lose their alias). */
  Expression resolveNested(Expression e, Scope scope) {
    return resolve(e, scope, false);
  }

  private Expression resolve(Expression e, Scope scope, boolean topLevel) {
    if (e instanceof UnresolvedAttribute u) return resolveAttribute(u, scope, topLevel);
    if (e instanceof AttributeReference a) return scope.refresh(a);
    if (e instanceof UnresolvedAlias ua) return resolveAlias(ua, scope);
    if (e instanceof UnresolvedStar) return e;
    if (e instanceof UnresolvedFunction f) return resolveFunction(f, scope);
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    List<Expression> next = new ArrayList<>(kids.size());
    boolean changed = false;
    boolean allResolved = true;
    for (Expression k : kids) {
      Expression n = resolve(k, scope, false);
      changed |= n != k;
      allResolved &= n.resolved();
      next.add(n);
    }
    Expression node = changed ? e.withChildren(next) : e;
    if (!allResolved) return node;
    if (node instanceof WindowExpression w) return WindowSpecs.resolve(w);
    if (node instanceof UnresolvedExtractValue x) {
      Expression extracted =
          ExtractValues.extract(x.child(), x.extraction(), ctx.names(), ctx.ansi());
      return ctx.coercion().coerceNode(extracted);
    }
    return ctx.coercion().coerceNode(node);
  }

  private Expression resolveAttribute(UnresolvedAttribute u, Scope scope, boolean topLevel) {
    Optional<Expression> r = ctx.attributes().resolve(u.nameParts(), scope.input());
    if (r.isEmpty() && !scope.aggregateInput().isEmpty()) {
      Optional<Expression> inAgg;
      try {
        inAgg = ctx.attributes().resolve(u.nameParts(), scope.aggregateInput());
      } catch (AnalysisException e) {
        inAgg = Optional.empty();
      }
      if (inAgg.isPresent()) {
        Expression c = inAgg.get() instanceof Alias al ? al.child() : inAgg.get();
        return new TempResolvedColumn(c, u.nameParts());
      }
    }
    if (r.isEmpty()) return u;
    Expression found = r.get();
    if (!topLevel && found instanceof Alias al) return al.child();
    return found;
  }

  private Expression resolveAlias(UnresolvedAlias ua, Scope scope) {
    Expression child = ua.child();
    // A bare column keeps its own name (a nested field the last part's), as in Spark.
    Expression rc = resolve(child, scope, child instanceof UnresolvedAttribute);
    if (!rc.resolved()) return rc == child ? ua : new UnresolvedAlias(rc);
    return name(rc);
  }

  /** Spark's generated alias: a named expression keeps its name, else the pretty SQL. */
  static NamedExpression name(Expression e) {
    if (e instanceof NamedExpression ne) return ne;
    // a generator names its columns itself (col, pos, key, value...), as Spark's MultiAlias
    if (e instanceof Generator g) return new MultiAlias(g, List.of());
    if (e instanceof Cast c && c.child() instanceof NamedExpression ne) {
      return Alias.of(c, ne.name());
    }
    return Alias.of(e, e.sql());
  }

  private Expression resolveFunction(UnresolvedFunction f, Scope scope) {
    FunctionSpec spec = FunctionResolver.lookup(f, ctx.functions());
    if (LambdaBinder.applies(spec, f)) return lambdas.resolve(spec, f, scope);
    List<Expression> args = f.arguments();
    if (spec.name().equals("count")
        && args.size() == 1
        && args.get(0) instanceof UnresolvedStar s
        && s.target().isEmpty()) {
      args = List.of(Literal.of(1));
    }
    List<Expression> next = new ArrayList<>();
    boolean allResolved = true;
    for (Expression a : args) {
      if (a instanceof UnresolvedStar star) {
        next.addAll(StarExpansion.expand(star, scope.input(), ctx.attributes()));
        continue;
      }
      Expression n = resolve(a, scope, false);
      allResolved &= n.resolved();
      next.add(n);
    }
    UnresolvedFunction call =
        next.equals(f.arguments()) ? f : new UnresolvedFunction(f.name(), next, f.distinct());
    if (!allResolved) return call;
    return FunctionResolver.resolve(spec, call, ctx);
  }
}
