package io.sluice.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.analysis.Arity;
import io.sluice.analysis.FunctionCall;
import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.FunctionSpec;
import io.sluice.analysis.InputType;
import io.sluice.exec.expr.fn.ScalarKernels;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DoubleType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The function registry and the kernels agree: every scalar function a registry builder
 * produces (also inside the replacement of an alias) has a kernel of its name. Each spec is
 * built for each argument count it accepts, with sample literals of the types it expects;
 * calls a builder rejects for those samples are skipped.
 */
class RegistryConsistencyTest {

  @Test
  void everyScalarFunctionTheRegistryBuildsHasAKernel() {
    FunctionRegistry registry = FunctionRegistry.builtin();
    Set<String> missing = new TreeSet<>();
    Set<String> built = new TreeSet<>();
    for (String name : registry.names()) {
      FunctionSpec spec = registry.lookup(name).orElseThrow();
      if (spec.aggregate()) continue;
      for (int count : sampleCounts(spec.arity())) {
        Expression e;
        try {
          e = spec.builder().build(new FunctionCall(name, sampleArgs(spec, count), false, true));
        } catch (RuntimeException rejected) {
          continue;
        }
        for (ScalarFunction f : e.collect(ScalarFunction.class)) {
          built.add(name);
          if (!ScalarKernels.has(f.name())) missing.add(name + " -> kernel " + f.name());
        }
      }
    }
    assertThat(missing).as("scalar functions without a kernel").isEmpty();
    assertThat(built).as("specs that built a library function")
        .contains("upper", "substring", "like", "split", "hash", "sha2", "uuid", "regexp_replace");
  }

  private static List<Integer> sampleCounts(Arity arity) {
    if (arity.atLeast() >= 0) return List.of(arity.atLeast(), arity.atLeast() + 1);
    return arity.counts();
  }

  private static List<Expression> sampleArgs(FunctionSpec spec, int count) {
    List<Expression> args = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      InputType t = spec.inputType(i);
      DataType type = t == null ? DataTypes.StringType : concrete(t);
      args.add(new Literal(sample(type), type));
    }
    return args;
  }

  private static DataType concrete(InputType t) {
    if (t instanceof InputType.OneOf o) return concrete(o.members().get(0));
    DataType d = t.defaultConcreteType();
    return d instanceof NullType ? DataTypes.StringType : d;
  }

  private static Object sample(DataType t) {
    if (t instanceof StringType) return "a";
    if (t instanceof IntegerType) return 1;
    if (t instanceof LongType) return 1L;
    if (t instanceof DoubleType) return 1.0;
    if (t instanceof BooleanType) return true;
    if (t instanceof BinaryType) return new byte[] {1};
    return null;
  }
}
