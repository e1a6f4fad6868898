package io.sluice.analysis;

import io.sluice.plan.expr.Generator;
import io.sluice.types.ArrayType;
import io.sluice.types.StructType;
import java.util.List;

/**
 * Registry entries of the generators ({@code explode}, {@code posexplode}, {@code inline} and their
 * {@code _outer} forms). They build {@link Generator} expressions, which {@link ExtractGenerators}
 * moves out of the projection into a {@code Generate} node.
 */
final class GeneratorSpecs {
  private GeneratorSpecs() {}

  private static final List<InputType> ARRAY_OR_MAP =
      List.of(InputType.oneOf(InputType.ARRAY, InputType.MAP));

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        explode("explode", Generator.Kind.EXPLODE, false),
        explode("explode_outer", Generator.Kind.EXPLODE, true),
        explode("posexplode", Generator.Kind.POSEXPLODE, false),
        explode("posexplode_outer", Generator.Kind.POSEXPLODE, true),
        inline("inline", false),
        inline("inline_outer", true));
  }

  private static FunctionSpec explode(String name, Generator.Kind kind, boolean outer) {
    return FunctionSpec.scalar(
        name, Arity.exactly(1), ARRAY_OR_MAP, c -> new Generator(kind, c.arg(0), outer));
  }

  private static FunctionSpec inline(String name, boolean outer) {
    return FunctionSpec.scalar(
        name,
        Arity.exactly(1),
        c -> {
          if (c.arg(0).dataType() instanceof ArrayType a && a.elementType() instanceof StructType) {
            return new Generator(Generator.Kind.INLINE, c.arg(0), outer);
          }
          throw CollectionTypes.unexpectedType(
              c, 0, QueryErrors.toSQLType(new ArrayType(new StructType(), false)));
        });
  }
}
