package io.sluice.optimizer;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;

/** What the rules replacing {@code EXCEPT} and {@code INTERSECT} share. */
final class SetOperations {
  private SetOperations() {}

  /** Column-by-column null-safe equality of a left and a right row. */
  static Expression sameRow(LogicalPlan left, LogicalPlan right) {
    List<AttributeReference> l = left.output();
    List<AttributeReference> r = right.output();
    List<Expression> conjuncts = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      conjuncts.add(new Comparison(Comparison.Op.NULL_SAFE_EQ, l.get(i), r.get(i)));
    }
    return Conjuncts.and(conjuncts);
  }

  /** {@code child}'s columns with constant tag columns in front. */
  static LogicalPlan tagged(List<Alias> tags, LogicalPlan child) {
    List<NamedExpression> list = new ArrayList<>(tags);
    list.addAll(child.output());
    return new Project(list, child);
  }

  /** Each row of {@code child} repeated {@code count} times, with the columns of {@code output}. */
  static LogicalPlan replicate(
      AttributeReference count, List<AttributeReference> output, LogicalPlan child) {
    Generator g = new Generator(Generator.Kind.REPLICATE_ROWS, count, false);
    return new Project(new ArrayList<>(output), Generate.of(g, false, List.of(), child));
  }
}
