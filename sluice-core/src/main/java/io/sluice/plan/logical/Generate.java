package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * {@code LATERAL VIEW [OUTER] generator(args) qualifier AS names}: each input row joined with
 * the rows the generator yields for it ({@code outer} keeps rows for which it yields none). The
 * SQL parser builds it; the engine does not resolve generators yet, so analysis reports it.
 */
public record Generate(
    Expression generator,
    boolean outer,
    String qualifier,
    List<String> outputNames,
    LogicalPlan child)
    implements UnaryNode {

  public Generate {
    outputNames = List.copyOf(outputNames);
  }

  @Override
  public Generate withChild(LogicalPlan c) {
    return new Generate(generator, outer, qualifier, outputNames, c);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("Generators are not supported yet: " + generator.sql());
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public List<Expression> expressions() {
    return List.of(generator);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    return new Generate(f.apply(generator), outer, qualifier, outputNames, child);
  }

  @Override
  public String argString() {
    return generator.sql() + ", " + outer + ", " + qualifier + ", " + outputNames;
  }
}
