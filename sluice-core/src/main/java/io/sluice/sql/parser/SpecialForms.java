package io.sluice.sql.parser;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.sql.parser.SluiceSqlParser.FunctionCallContext;
import io.sluice.sql.parser.SluiceSqlParser.PredicateContext;
import io.sluice.sql.parser.SluiceSqlParser.TrimContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expressions with a syntax of their own that stand for ordinary function calls, as Spark's parser
 * builds them: {@code TRIM(LEADING x FROM s)} is {@code ltrim(x, s)}, {@code s LIKE ANY (p, q)} is
 * {@code s LIKE p OR s LIKE q}, {@code first(x) IGNORE NULLS} is {@code first(x, true)}.
 */
final class SpecialForms {
  /** The aggregates taking an ignore-nulls flag as their second argument. */
  private static final Set<String> IGNORE_NULLS =
      Set.of("first", "first_value", "last", "last_value", "any_value");

  private SpecialForms() {}

  /**
   * {@code TRIM([BOTH | LEADING | TRAILING] [chars] FROM s)}: {@code trim}, {@code ltrim} or {@code
   * rtrim} of {@code s}, with {@code chars} first when given (the functions' two-argument order).
   */
  static Expression trim(TrimContext ctx, ExpressionBuilder exprs) {
    int option = ctx.trimOption == null ? SluiceSqlParser.BOTH : ctx.trimOption.getType();
    String name =
        switch (option) {
          case SluiceSqlParser.LEADING -> "ltrim";
          case SluiceSqlParser.TRAILING -> "rtrim";
          default -> "trim";
        };
    Expression src = exprs.expression(ctx.srcStr);
    List<Expression> args =
        ctx.trimStr == null ? List.of(src) : List.of(exprs.expression(ctx.trimStr), src);
    return new UnresolvedFunction(name, args, false);
  }

  /**
   * {@code s [NOT] LIKE|ILIKE ANY|SOME|ALL (p1, p2...)}: the single-pattern tests joined by {@code
   * OR} (ANY, SOME) or {@code AND} (ALL), each negated under NOT; three-valued logic gives Spark's
   * nulls (a null pattern leaves an otherwise undecided result null).
   */
  static Expression likeQuantified(Expression e, PredicateContext p, ExpressionBuilder exprs) {
    if (p.expression().isEmpty()) {
      throw SyntaxErrors.at(
          exprs.command(), p.RIGHT_PAREN().getSymbol(), ": a pattern was expected");
    }
    String name = p.kind.getType() == SluiceSqlParser.ILIKE ? "ilike" : "like";
    boolean all = p.quantifier.getType() == SluiceSqlParser.ALL;
    boolean not = p.NOT() != null;
    Expression result = null;
    for (Expression pattern : exprs.expressions(p.expression())) {
      Expression test = new UnresolvedFunction(name, List.of(e, pattern), false);
      if (not) test = new Not(test);
      result = result == null ? test : all ? new And(result, test) : new Or(result, test);
    }
    return result;
  }

  /**
   * {@code f(x) IGNORE NULLS} / {@code RESPECT NULLS}: the flag as the aggregate's second argument.
   * Other functions have no such flag: {@code IGNORE NULLS} on them fails as in Spark, {@code
   * RESPECT NULLS} (the default) is accepted.
   */
  static List<Expression> nullsOption(String name, List<Expression> args, FunctionCallContext ctx) {
    boolean ignore = ctx.nullsOption.getType() == SluiceSqlParser.IGNORE;
    String lower = name.toLowerCase(Locale.ROOT);
    if (IGNORE_NULLS.contains(lower) && args.size() == 1) {
      List<Expression> out = new ArrayList<>(args);
      out.add(Literal.of(ignore));
      return out;
    }
    // lag/lead(input[, offset[, default]]) and nth_value(input, offset) take ignoreNulls last
    if ((lower.equals("lag") || lower.equals("lead")) && !args.isEmpty() && args.size() < 4) {
      List<Expression> out = new ArrayList<>(args);
      if (out.size() < 2) out.add(Literal.of(1));
      if (out.size() < 3) out.add(Literal.NULL);
      out.add(Literal.of(ignore));
      return out;
    }
    if (lower.equals("nth_value") && args.size() == 2) {
      List<Expression> out = new ArrayList<>(args);
      out.add(Literal.of(ignore));
      return out;
    }
    if (!ignore) return args;
    throw new AnalysisException(
        ErrorClass.FUNCTION_WITH_UNSUPPORTED_SYNTAX,
        SluiceException.params("prettyName", "`" + name + "`", "syntax", "IGNORE NULLS"));
  }
}
