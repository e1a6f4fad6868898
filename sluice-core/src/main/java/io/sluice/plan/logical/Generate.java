package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a {@link Generator} to every input row: each row becomes as many output rows as the
 * generator yields for it, each holding the row's columns followed by the generated ones
 * ({@code SELECT a, explode(arr)} is a projection over this node, as in Spark). An outer
 * generate keeps rows whose input is null or empty, with nulls in the generated columns.
 *
 * @param generator the generator, reading columns of {@code child}
 * @param unrequiredChildIndex positions of child columns not passed on (the optimizer drops
 *     columns only the generator reads)
 * @param outer whether a null or empty input yields one row of nulls
 * @param generatorOutput the generated columns, named and typed as {@link
 *     Generator#elementSchema()} (or renamed by aliases)
 * @param child the input
 */
public record Generate(
    Generator generator,
    List<Integer> unrequiredChildIndex,
    boolean outer,
    List<AttributeReference> generatorOutput,
    LogicalPlan child)
    implements UnaryNode {

  public Generate {
    unrequiredChildIndex = List.copyOf(unrequiredChildIndex);
    generatorOutput = List.copyOf(generatorOutput);
  }

  @Override
  public Generate withChild(LogicalPlan c) {
    return new Generate(generator, unrequiredChildIndex, outer, generatorOutput, c);
  }

  /** The same node with other generated columns (fresh ids for a self-join). */
  public Generate withGeneratorOutput(List<AttributeReference> out) {
    return new Generate(generator, unrequiredChildIndex, outer, out, child);
  }

  /** The child columns passed on, in order. */
  public List<AttributeReference> requiredChildOutput() {
    List<AttributeReference> in = child.output();
    if (unrequiredChildIndex.isEmpty()) return in;
    Set<Integer> dropped = new HashSet<>(unrequiredChildIndex);
    List<AttributeReference> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      if (!dropped.contains(i)) out.add(in.get(i));
    }
    return out;
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(requiredChildOutput());
    out.addAll(generatorOutput);
    return out;
  }

  @Override
  public List<Expression> expressions() {
    return List.of(generator);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    Generator g = (Generator) f.apply(generator);
    return g == generator ? this
        : new Generate(g, unrequiredChildIndex, outer, generatorOutput, child);
  }

  /** Spark's form: {@code explode(arr#1), [1], false, [col#5]}. */
  @Override
  public String argString() {
    return generator + ", " + unrequiredChildIndex + ", " + outer + ", "
        + LogicalPlan.bracket(generatorOutput);
  }
}
