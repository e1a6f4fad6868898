package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedLambdaVariable;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedNamedLambdaVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a call of a higher-order function (Spark's {@code ResolveLambdaVariables}): first the
 * ordinary arguments, then each lambda is bound — its arguments become typed {@link
 * NamedLambdaVariable}s (types from {@link HigherOrderFunctionSpecs#variables}) and the names in
 * its body that denote them are replaced, so lambda arguments shadow columns and an inner lambda's
 * arguments shadow an outer one's — and only then is the rest of the body resolved against the
 * input columns.
 */
final class LambdaBinder {
  private final AnalysisContext ctx;

  LambdaBinder(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  /** True when a call must be resolved here: a higher-order function or a lambda argument. */
  static boolean applies(FunctionSpec spec, UnresolvedFunction f) {
    if (HigherOrderFunctionSpecs.isHigherOrder(spec.name())) return true;
    for (Expression a : f.arguments()) {
      if (a instanceof LambdaFunction) return true;
    }
    return false;
  }

  Expression resolve(FunctionSpec spec, UnresolvedFunction f, Scope scope) {
    if (!HigherOrderFunctionSpecs.isHigherOrder(spec.name())) {
      throw QueryErrors.error(
          ErrorClass.INVALID_LAMBDA_NON_HIGHER_ORDER_FUNCTION,
          "class",
          QueryErrors.toSQLId(spec.name()));
    }
    List<Expression> args = new ArrayList<>(f.arguments());
    if (!spec.arity().accepts(args.size())) {
      throw QueryErrors.wrongNumArgs(spec.name(), spec.arity().expectedText(), args.size());
    }
    boolean aggregate = spec.name().equals("aggregate") || spec.name().equals("reduce");
    if (aggregate && args.size() == 3) args.add(LambdaFunction.identity());
    ExpressionResolver resolver = ctx.expressions();
    boolean ready = true;
    for (int i = 0; i < args.size(); i++) {
      if (!(args.get(i) instanceof LambdaFunction)) {
        args.set(i, resolver.resolveNested(args.get(i), scope));
        ready &= args.get(i).resolved();
      }
    }
    if (ready) {
      FunctionCall call = new FunctionCall(spec.name(), args, false, ctx.ansi(), ctx.conf());
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i) instanceof LambdaFunction l) {
          LambdaFunction bound = l.bound() ? l : bind(l, call, i);
          Expression body = resolver.resolveNested(bound.body(), scope);
          args.set(i, body == bound.body() ? bound : new LambdaFunction(body, bound.arguments()));
          ready &= args.get(i).resolved();
        }
      }
    }
    UnresolvedFunction next =
        args.equals(f.arguments()) ? f : new UnresolvedFunction(f.name(), args, f.distinct());
    return ready ? FunctionResolver.resolve(spec, next, ctx) : next;
  }

  /** Gives the lambda's arguments their types and replaces their uses in the body. */
  private LambdaFunction bind(LambdaFunction l, FunctionCall call, int index) {
    List<HigherOrderFunctionSpecs.Variable> types =
        HigherOrderFunctionSpecs.variables(call, index, l.arguments().size());
    if (types.size() != l.arguments().size()) {
      throw QueryErrors.error(
          ErrorClass.INVALID_LAMBDA_NUM_ARGS_MISMATCH,
          "expectedNumArgs",
          String.valueOf(types.size()),
          "actualNumArgs",
          String.valueOf(l.arguments().size()));
    }
    NameMatcher names = ctx.names();
    Map<String, NamedLambdaVariable> byName = new HashMap<>();
    List<Expression> vars = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      String name = argumentName(l.arguments().get(i));
      shown.add(QueryErrors.toSQLId(List.of(name)));
      NamedLambdaVariable v =
          NamedLambdaVariable.create(name, types.get(i).type(), types.get(i).nullable());
      vars.add(v);
      byName.put(names.key(name), v);
    }
    if (byName.size() < vars.size()) {
      throw QueryErrors.error(
          ErrorClass.INVALID_LAMBDA_DUPLICATE_ARG_NAMES,
          "args",
          String.join(", ", shown),
          "caseSensitiveConfig",
          "\"spark.sql.caseSensitive\"");
    }
    return new LambdaFunction(substitute(l.body(), byName), vars);
  }

  private static String argumentName(Expression arg) {
    if (arg instanceof UnresolvedNamedLambdaVariable u) return u.name();
    if (arg instanceof UnresolvedAttribute u && u.nameParts().size() == 1) {
      return u.nameParts().get(0);
    }
    throw QueryErrors.error(
        ErrorClass.INTERNAL_ERROR, "message", "A lambda argument must be a name, not " + arg.sql());
  }

  /**
   * The body with every use of a variable of {@code vars} replaced, except inside inner lambdas
   * that declare an argument of the same name.
   */
  private Expression substitute(Expression e, Map<String, NamedLambdaVariable> vars) {
    NameMatcher names = ctx.names();
    if (e instanceof UnresolvedNamedLambdaVariable u) {
      NamedLambdaVariable v = vars.get(names.key(u.name()));
      return v != null ? v : e;
    }
    if (e instanceof UnresolvedAttribute u) {
      NamedLambdaVariable v = vars.get(names.key(u.nameParts().get(0)));
      if (v == null) return e;
      Expression out = v;
      for (String field : u.nameParts().subList(1, u.nameParts().size())) {
        out = new UnresolvedExtractValue(out, Literal.of(field));
      }
      return out;
    }
    if (e instanceof LambdaFunction inner && !inner.bound()) {
      Set<String> shadowed = new HashSet<>();
      for (Expression a : inner.arguments()) shadowed.add(names.key(argumentName(a)));
      Map<String, NamedLambdaVariable> visible = new HashMap<>(vars);
      visible.keySet().removeAll(shadowed);
      Expression body = substitute(inner.body(), visible);
      return body == inner.body() ? inner : new LambdaFunction(body, inner.arguments());
    }
    List<Expression> kids = e.children();
    if (kids.isEmpty()) return e;
    List<Expression> next = new ArrayList<>(kids.size());
    boolean changed = false;
    for (Expression k : kids) {
      Expression n = substitute(k, vars);
      changed |= n != k;
      next.add(n);
    }
    return changed ? e.withChildren(next) : e;
  }
}
