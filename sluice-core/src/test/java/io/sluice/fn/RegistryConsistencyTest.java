package io.sluice.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.AnalysisException;
import io.sluice.analysis.FunctionCall;
import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.FunctionSpec;
import io.sluice.analysis.InputType;
import io.sluice.exec.expr.fn.ScalarKernels;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every registered function whose builder produces a {@link ScalarFunction} has a kernel: each
 * spec is built with typed null arguments for the argument counts it accepts, and every library
 * call in the result must be known to {@link ScalarKernels}.
 */
class RegistryConsistencyTest {

  @Test
  void everyScalarFunctionHasAKernel() {
    FunctionRegistry registry = FunctionRegistry.builtin();
    TreeSet<String> missing = new TreeSet<>();
    int built = 0;
    for (String name : registry.names()) {
      FunctionSpec spec = registry.lookup(name).orElseThrow();
      for (int n = 0; n <= 8; n++) {
        if (!spec.arity().accepts(n)) continue;
        Expression e;
        try {
          e = spec.builder().build(new FunctionCall(name, nullArguments(spec, n), false, true));
        } catch (AnalysisException | IllegalArgumentException | UnsupportedOperationException
            | IndexOutOfBoundsException | ClassCastException | NullPointerException ex) {
          continue; // the builder wants argument values a typed null cannot give
        }
        for (ScalarFunction f : e.collect(ScalarFunction.class)) {
          built++;
          if (!ScalarKernels.has(f.name())) missing.add(f.name() + " (from " + name + ")");
        }
      }
    }
    assertThat(missing).as("library functions without a kernel").isEmpty();
    assertThat(built).isPositive();
  }

  private static List<Expression> nullArguments(FunctionSpec spec, int n) {
    List<Expression> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      InputType t = spec.inputType(i);
      args.add(new Literal(null, t == null ? DataTypes.NullType : t.defaultConcreteType()));
    }
    return args;
  }
}
