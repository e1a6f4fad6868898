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
 * Applies a generator to every input row: each row becomes as many output rows as the generator
 * yields for it, each holding the row's columns followed by the generated ones. Built by the SQL
 * parser for {@code LATERAL VIEW [OUTER] generator(args) qualifier AS names} (the generator an
 * unresolved call, no generated columns yet), and by the analyzer for {@code SELECT a,
 * explode(arr)} (a projection over this node, as in Spark). Resolved once the generator is a {@link
 * Generator} and the generated columns exist. An outer generate keeps rows whose input is null or
 * empty, with nulls in the generated columns.
 *
 * @param generator the generator reading columns of {@code child}: an unresolved call until the
 *     analyzer resolves it, then a {@link Generator}
 * @param unrequiredChildIndex positions of child columns not passed on (the optimizer drops columns
 *     only the generator reads)
 * @param outer whether a null or empty input yields one row of nulls
 * @param qualifier the {@code LATERAL VIEW}'s name for the generated columns, or null
 * @param outputNames the names given to the generated columns ({@code AS names}); empty for the
 *     generator's own names
 * @param generatorOutput the generated columns, typed as {@link Generator#elementSchema()}; empty
 *     until resolved
 * @param child the input
 */
public record Generate(
    Expression generator,
    List<Integer> unrequiredChildIndex,
    boolean outer,
    String qualifier,
    List<String> outputNames,
    List<AttributeReference> generatorOutput,
    LogicalPlan child)
    implements UnaryNode {

  public Generate {
    unrequiredChildIndex = List.copyOf(unrequiredChildIndex);
    outputNames = List.copyOf(outputNames);
    generatorOutput = List.copyOf(generatorOutput);
  }

  /** The parser's unresolved {@code LATERAL VIEW}. */
  public Generate(
      Expression generator,
      boolean outer,
      String qualifier,
      List<String> outputNames,
      LogicalPlan child) {
    this(generator, List.of(), outer, qualifier, outputNames, List.of(), child);
  }

  /** A resolved generate without qualifier, passing on every input column. */
  public static Generate of(
      Generator generator,
      boolean outer,
      List<AttributeReference> generatorOutput,
      LogicalPlan child) {
    return new Generate(generator, List.of(), outer, null, List.of(), generatorOutput, child);
  }

  @Override
  public Generate withChild(LogicalPlan c) {
    return new Generate(
        generator, unrequiredChildIndex, outer, qualifier, outputNames, generatorOutput, c);
  }

  /** The same node with other generated columns (on resolution, or fresh ids for a self-join). */
  public Generate withGeneratorOutput(List<AttributeReference> out) {
    return new Generate(generator, unrequiredChildIndex, outer, qualifier, outputNames, out, child);
  }

  /** The same node passing on fewer child columns. */
  public Generate withUnrequiredChildIndex(List<Integer> unrequired, LogicalPlan newChild) {
    return new Generate(
        generator, unrequired, outer, qualifier, outputNames, generatorOutput, newChild);
  }

  /** The resolved generator. */
  public Generator resolvedGenerator() {
    return (Generator) generator;
  }

  @Override
  public boolean resolved() {
    return generator instanceof Generator g
        && g.resolved()
        && (!generatorOutput.isEmpty() || g.elementSchema().fields().length == 0)
        && child.resolved();
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

  /** The passed-on child columns, then the generated ones (qualified by the qualifier). */
  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(requiredChildOutput());
    for (AttributeReference a : generatorOutput) {
      out.add(qualifier == null ? a : a.withQualifier(List.of(qualifier)));
    }
    return out;
  }

  @Override
  public List<Expression> expressions() {
    return List.of(generator);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    Expression g = f.apply(generator);
    return g == generator
        ? this
        : new Generate(
            g, unrequiredChildIndex, outer, qualifier, outputNames, generatorOutput, child);
  }

  /** Spark's form: {@code explode(arr#1), [1], false, [col#5]}. */
  @Override
  public String argString() {
    StringBuilder sb =
        new StringBuilder(generator.toString())
            .append(", ")
            .append(unrequiredChildIndex)
            .append(", ")
            .append(outer)
            .append(", ");
    if (qualifier != null) sb.append(qualifier).append(", ");
    if (generatorOutput.isEmpty()) return sb.append(outputNames).toString();
    return sb.append(LogicalPlan.bracket(generatorOutput)).toString();
  }
}
