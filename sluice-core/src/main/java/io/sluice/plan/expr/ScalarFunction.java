package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A resolved call of a built-in scalar function of the function library ({@code upper(s)}, {@code
 * date_add(d, 1)}, ...). The analyzer's function registry decides the result type and nullability
 * when it builds the node; the execution engine finds the function's vectorized kernel by {@link
 * #name()}. So a new function is one registry entry plus one kernel, with no new node type.
 *
 * @param name the registry name (lower case), which also selects the kernel
 * @param arguments the (coerced) arguments
 * @param dataType the result type
 * @param nullable whether the result may be null
 * @param nondeterministic true for functions like {@code rand()} whose result varies per call
 * @param prettyName the name shown in generated column names, usually {@code name}
 */
public record ScalarFunction(
    String name,
    List<Expression> arguments,
    DataType dataType,
    boolean nullable,
    boolean nondeterministic,
    String prettyName)
    implements Expression {

  public ScalarFunction {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(prettyName, "prettyName");
  }

  /** A deterministic call shown under its own name. */
  public static ScalarFunction of(
      String name, List<Expression> arguments, DataType dataType, boolean nullable) {
    return new ScalarFunction(name, arguments, dataType, nullable, false, name);
  }

  /** The argument at {@code i}. */
  public Expression arg(int i) {
    return arguments.get(i);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new ScalarFunction(name, c, dataType, nullable, nondeterministic, prettyName);
  }

  @Override
  public boolean deterministic() {
    return !nondeterministic && Expression.super.deterministic();
  }

  @Override
  public boolean foldable() {
    if (nondeterministic) return false;
    for (Expression a : arguments) {
      if (!a.foldable()) return false;
    }
    return true;
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(prettyName).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return sql();
  }
}
