package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.Objects;

/**
 * A bound argument of a {@link LambdaFunction}: one element (or accumulator, index...) handed to
 * the lambda by its higher-order function. Identified by {@code exprId}, so an inner lambda's
 * variable shadows an outer one of the same name. Spark shows every lambda variable as {@code
 * namedlambdavariable()} in generated names.
 */
public record NamedLambdaVariable(String name, DataType dataType, boolean nullable, long exprId)
    implements LeafExpression {

  public NamedLambdaVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
  }

  /** A variable with a fresh id. */
  public static NamedLambdaVariable create(String name, DataType type, boolean nullable) {
    return new NamedLambdaVariable(name, type, nullable, ExprId.next());
  }

  @Override
  public String sql() {
    return "namedlambdavariable()";
  }

  @Override
  public String toString() {
    return "lambda " + name + "#" + exprId;
  }
}
