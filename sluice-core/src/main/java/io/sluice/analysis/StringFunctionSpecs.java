package io.sluice.analysis;

import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import java.util.List;

/** Registry entries of the string functions; their kernels live in {@code exec.expr.fn}. */
final class StringFunctionSpecs {
  private StringFunctionSpecs() {}

  private static final List<InputType> ONE_STRING = List.of(InputType.exact(DataTypes.StringType));

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar("upper", Arity.exactly(1), ONE_STRING, c -> stringResult("upper", c)),
        FunctionSpec.scalar("ucase", Arity.exactly(1), ONE_STRING,
            c -> new RuntimeReplaceable("ucase", c.arguments(), false, stringResult("upper", c))),
        FunctionSpec.scalar("lower", Arity.exactly(1), ONE_STRING, c -> stringResult("lower", c)),
        FunctionSpec.scalar("lcase", Arity.exactly(1), ONE_STRING,
            c -> new RuntimeReplaceable("lcase", c.arguments(), false, stringResult("lower", c))));
  }

  /** A string-valued call, null exactly when an argument is null. */
  private static ScalarFunction stringResult(String kernel, FunctionCall c) {
    boolean nullable = c.arguments().stream().anyMatch(a -> a.nullable());
    return ScalarFunction.of(kernel, c.arguments(), DataTypes.StringType, nullable);
  }
}
