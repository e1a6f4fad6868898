package io.sluice.analysis;

import io.sluice.plan.expr.Expression;
import java.util.List;

/**
 * A call handed to a {@link FunctionBuilder}: the function's registered name, its arguments
 * (resolved, coerced to the spec's input types), whether {@code DISTINCT} was given, and
 * whether ANSI mode is on.
 */
public record FunctionCall(
    String name, List<Expression> arguments, boolean distinct, boolean ansi) {
  public FunctionCall {
    arguments = List.copyOf(arguments);
  }

  public Expression arg(int i) {
    return arguments.get(i);
  }

  /** Spark's default SQL of a call: {@code name(a, b)} or {@code name(DISTINCT a)}. */
  public String sql() {
    return callSql(name, arguments, distinct);
  }

  static String callSql(String name, List<Expression> args, boolean distinct) {
    StringBuilder sb = new StringBuilder(name).append('(');
    if (distinct) sb.append("DISTINCT ");
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(args.get(i).sql());
    }
    return sb.append(')').toString();
  }
}
