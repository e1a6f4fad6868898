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
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every scalar function of the registry that builds a {@link ScalarFunction} has a kernel: the
 * builders are called with constant arguments of the types their specs accept, for each
 * argument count up to four, and every kernel name they produce must be registered.
 */
class RegistryConsistencyTest {

  private static Literal sample(DataType t) {
    if (t.equals(DataTypes.IntegerType)) return Literal.of(1);
    if (t.equals(DataTypes.LongType)) return Literal.of(1L);
    if (t.equals(DataTypes.DoubleType)) return Literal.of(1.0);
    if (t.equals(DataTypes.StringType)) return Literal.of("1");
    if (t.equals(DataTypes.BooleanType)) return Literal.TRUE;
    if (t instanceof DecimalType d) return new Literal(BigDecimal.ONE.setScale(d.scale()), d);
    return new Literal(null, t);
  }

  @Test
  void everyScalarFunctionHasAKernel() {
    FunctionRegistry registry = FunctionRegistry.builtin();
    List<String> missing = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (String name : registry.names()) {
      FunctionSpec spec = registry.lookup(name).orElseThrow();
      if (spec.aggregate()) continue;
      for (int count = 0; count <= 4; count++) {
        if (!spec.arity().accepts(count)) continue;
        List<Expression> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          InputType t = spec.inputType(i);
          args.add(sample(t == null ? DataTypes.IntegerType : t.defaultConcreteType()));
        }
        Expression built;
        try {
          built = spec.builder().build(new FunctionCall(name, args, false, true));
        } catch (AnalysisException | IllegalArgumentException | ClassCastException e) {
          continue; // these sample arguments do not suit the function
        }
        for (ScalarFunction f : built.collect(ScalarFunction.class)) {
          seen.add(f.name());
          if (!ScalarKernels.has(f.name())) missing.add(name + " -> " + f.name());
        }
      }
    }
    assertThat(missing).as("functions without a kernel").isEmpty();
    assertThat(seen).contains("upper", "abs", "round", "greatest", "rand");
  }
}
