package io.sluice.fn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.analysis.FunctionCall;
import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.FunctionSpec;
import io.sluice.exec.expr.fn.ScalarKernels;
import io.sluice.exec.vector.MapValue;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedLambdaVariable;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every function of the registry whose builder yields a {@link ScalarFunction} has a kernel.
 * Builders are tried with argument lists drawn from a pool of typed literals and bound lambdas (in
 * ANSI and legacy mode) until one is accepted; every {@code ScalarFunction} in the result must name
 * a registered kernel.
 */
class RegistryConsistencyTest {
  private static final int MAX_ARITY = 4;

  @Test
  void everyScalarFunctionABuilderYieldsHasAKernel() {
    FunctionRegistry registry = FunctionRegistry.builtin();
    List<Expression> pool = pool();
    TreeMap<String, String> missing = new TreeMap<>();
    Set<String> built = new TreeSet<>();
    for (String name : registry.names()) {
      FunctionSpec spec = registry.lookup(name).orElseThrow();
      for (boolean ansi : new boolean[] {true, false}) {
        Expression e = firstBuild(spec, pool, ansi);
        if (e == null) continue;
        built.add(name);
        for (ScalarFunction f : e.collect(ScalarFunction.class)) {
          if (!ScalarKernels.has(f.name())) missing.put(f.name(), name);
        }
      }
    }
    assertThat(missing).as("kernel name -> function whose builder produced it").isEmpty();
    assertThat(built)
        .contains(
            "array",
            "map",
            "size",
            "element_at",
            "transform",
            "aggregate",
            "zip_with",
            "array_sort",
            "explode",
            "inline",
            "upper",
            "count");
  }

  /** The first expression the builder accepts, trying argument lists in a fixed order. */
  private static Expression firstBuild(FunctionSpec spec, List<Expression> pool, boolean ansi) {
    for (int arity = 0; arity <= MAX_ARITY; arity++) {
      if (!spec.arity().accepts(arity)) continue;
      int[] pick = new int[arity];
      while (true) {
        List<Expression> args = new ArrayList<>(arity);
        for (int p : pick) args.add(pool.get(p));
        try {
          return spec.builder().build(new FunctionCall(spec.name(), args, false, ansi));
        } catch (RuntimeException rejected) {
          // not an argument list this function accepts
        }
        int i = arity - 1;
        while (i >= 0 && ++pick[i] == pool.size()) pick[i--] = 0;
        if (i < 0) break;
      }
    }
    return null;
  }

  /** Arguments, most commonly accepted first (so most builders accept an early list). */
  private static List<Expression> pool() {
    DataType intArray = new ArrayType(DataTypes.IntegerType, true);
    StructType struct = new StructType().add("x", DataTypes.IntegerType);
    NamedLambdaVariable x = NamedLambdaVariable.create("x", DataTypes.IntegerType, true);
    NamedLambdaVariable y = NamedLambdaVariable.create("y", DataTypes.IntegerType, true);
    return List.of(
        new Literal(new Object[] {1}, intArray),
        Literal.of(1),
        Literal.of("a"),
        new LambdaFunction(x, List.of(x)),
        new LambdaFunction(Literal.TRUE, List.of(x)),
        new LambdaFunction(x, List.of(x, y)),
        new LambdaFunction(Literal.TRUE, List.of(x, y)),
        Literal.of(1L),
        Literal.of(1.5),
        Literal.TRUE,
        new Literal(new BigDecimal("1.5"), DataTypes.createDecimalType(2, 1)),
        new Literal(new Object[] {"a"}, new ArrayType(DataTypes.StringType, true)),
        new Literal(new Object[] {new Object[] {1}}, new ArrayType(intArray, true)),
        new Literal(new Object[] {new Object[] {1}}, new ArrayType(struct, true)),
        new Literal(
            new MapValue(new Object[] {"a"}, new Object[] {1}),
            new MapType(DataTypes.StringType, DataTypes.IntegerType, true)),
        new Literal(new Object[] {1}, struct),
        new Literal(null, DataTypes.NullType));
  }
}
