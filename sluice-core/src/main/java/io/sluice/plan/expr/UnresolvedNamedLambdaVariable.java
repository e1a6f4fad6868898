package io.sluice.plan.expr;

/**
 * A lambda argument or a use of it before the analyzer binds it, e.g. {@code x} in {@code x -> x +
 * 1}. The DataFrame API builds lambdas with these ({@code x_12}, a fresh name that no column can
 * capture); in SQL a lambda's uses are plain column names that the analyzer binds to the lambda's
 * arguments first (arguments shadow columns).
 */
public record UnresolvedNamedLambdaVariable(String name) implements Unresolved, LeafExpression {
  private static final java.util.concurrent.atomic.AtomicLong NEXT =
      new java.util.concurrent.atomic.AtomicLong();

  /** A variable named {@code prefix_N} with a process-unique {@code N}, as Spark names them. */
  public static UnresolvedNamedLambdaVariable fresh(String prefix) {
    return new UnresolvedNamedLambdaVariable(prefix + "_" + NEXT.getAndIncrement());
  }

  @Override
  public String sql() {
    return name;
  }

  @Override
  public String toString() {
    return "lambda '" + name;
  }
}
