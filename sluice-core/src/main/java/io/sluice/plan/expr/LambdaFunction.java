package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An anonymous function passed to a higher-order function: {@code x -> x + 1}, {@code (acc, x) ->
 * acc + x}. Its arguments are {@link UnresolvedNamedLambdaVariable}s until the analyzer binds them
 * to typed {@link NamedLambdaVariable}s (the types come from the higher-order function's other
 * arguments); the body may also read columns of the input row. Its children are the body followed
 * by the arguments, as in Spark, so its SQL is {@code lambdafunction(body, args...)}.
 *
 * <p>A lambda is never evaluated on its own: the higher-order function's kernel evaluates the body
 * over a batch of all elements of the input batch.
 */
public record LambdaFunction(Expression body, List<Expression> arguments) implements Expression {

  public LambdaFunction {
    Objects.requireNonNull(body, "body");
    arguments = List.copyOf(arguments);
  }

  /** {@code id -> id}: the default {@code finish} of {@code aggregate}. */
  public static LambdaFunction identity() {
    UnresolvedNamedLambdaVariable id = new UnresolvedNamedLambdaVariable("id");
    return new LambdaFunction(id, List.of(id));
  }

  /** True once the arguments are bound to typed variables. */
  public boolean bound() {
    for (Expression a : arguments) {
      if (!(a instanceof NamedLambdaVariable)) return false;
    }
    return true;
  }

  /** The bound variables, in argument order. */
  public List<NamedLambdaVariable> variables() {
    List<NamedLambdaVariable> out = new ArrayList<>(arguments.size());
    for (Expression a : arguments) out.add((NamedLambdaVariable) a);
    return out;
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>(arguments.size() + 1);
    all.add(body);
    all.addAll(arguments);
    return all;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new LambdaFunction(c.get(0), c.subList(1, c.size()));
  }

  @Override
  public boolean resolved() {
    return bound() && body.resolved();
  }

  @Override
  public DataType dataType() {
    return body.dataType();
  }

  @Override
  public boolean nullable() {
    return body.nullable();
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("lambdafunction(").append(body.sql());
    for (Expression a : arguments) sb.append(", ").append(a.sql());
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("lambdafunction(").append(body);
    for (Expression a : arguments) sb.append(", ").append(a);
    return sb.append(')').toString();
  }
}
