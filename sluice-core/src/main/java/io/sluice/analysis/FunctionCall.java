package io.sluice.analysis;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.Expression;
import java.util.List;
import java.util.Objects;

/**
 * A call handed to a {@link FunctionBuilder}: the function's registered name, its arguments
 * (resolved, coerced to the spec's input types), whether {@code DISTINCT} was given, whether ANSI
 * mode is on, and the session's settings (for functions whose meaning depends on a setting, as
 * Spark's {@code size} on {@code spark.sql.legacy.sizeOfNull}).
 */
public record FunctionCall(
    String name, List<Expression> arguments, boolean distinct, boolean ansi, SQLConf conf) {
  public FunctionCall {
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(conf, "conf");
  }

  /** A call under default settings (but the given ANSI mode). */
  public FunctionCall(String name, List<Expression> arguments, boolean distinct, boolean ansi) {
    this(name, arguments, distinct, ansi, defaults(ansi));
  }

  private static SQLConf defaults(boolean ansi) {
    SQLConf c = new SQLConf(1);
    c.set(SQLConf.ANSI_ENABLED, ansi);
    return c;
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
