package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.expr.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a call with resolved arguments into the function's expression: looks the name up, checks
 * the argument count and {@code DISTINCT}, casts arguments to the spec's input types, then calls
 * the builder.
 */
final class FunctionResolver {
  private FunctionResolver() {}

  /** The spec for a call, or {@code UNRESOLVED_ROUTINE}. */
  static FunctionSpec lookup(UnresolvedFunction f, FunctionRegistry registry) {
    return registry
        .lookup(f.name())
        .orElseThrow(
            () ->
                QueryErrors.error(
                    ErrorClass.UNRESOLVED_ROUTINE,
                    "routineName",
                    QueryErrors.toSQLId(f.name()),
                    "searchPath",
                    "[`system`.`builtin`, `system`.`session`]"));
  }

  static Expression resolve(FunctionSpec spec, UnresolvedFunction f, AnalysisContext ctx) {
    List<Expression> args = f.arguments();
    if (!spec.arity().accepts(args.size())) {
      throw QueryErrors.wrongNumArgs(spec.name(), spec.arity().expectedText(), args.size());
    }
    if (f.distinct() && !spec.aggregate()) {
      throw QueryErrors.error(
          ErrorClass.FUNCTION_WITH_UNSUPPORTED_SYNTAX,
          "prettyName",
          QueryErrors.toSQLId(spec.name()),
          "syntax",
          "DISTINCT");
    }
    String callSql = "\"" + FunctionCall.callSql(spec.name(), args, f.distinct()) + "\"";
    if (spec.aggregate()) {
      // Spark extracts generators before it checks types: sum(explode(a)) is a misplaced
      // generator, not a type mismatch
      for (Expression a : args) {
        if (a.exists(x -> x instanceof Generator)) {
          throw QueryErrors.error(
              ErrorClass.UNSUPPORTED_GENERATOR_NESTED_IN_EXPRESSIONS, "expression", callSql);
        }
      }
    }
    List<Expression> coerced = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Expression a = args.get(i);
      InputType expected = spec.inputType(i);
      if (expected == null) {
        coerced.add(a);
        continue;
      }
      Optional<Expression> c = ctx.coercion().casts().cast(a, expected);
      if (c.isEmpty()) {
        throw QueryErrors.unexpectedInputType(callSql, i, expected.toSQLType(), a);
      }
      coerced.add(c.get());
    }
    FunctionCall call =
        new FunctionCall(spec.name(), coerced, f.distinct(), ctx.ansi(), ctx.conf());
    return ctx.coercion().coerceTree(spec.builder().build(call));
  }
}
