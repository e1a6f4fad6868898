package io.sluice.optimizer;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.List;

/**
 * Removes a projection that outputs exactly its child's columns: same ids, same names, same order
 * (names are compared too, so the root keeps the names the user sees).
 *
 * <pre>{@code
 * Project [a#1, b#2]
 * +- LocalRelation [a#1, b#2]  => LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class RemoveRedundantProject implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof Project pr && isIdentity(pr) ? pr.child() : p);
  }

  static boolean isIdentity(Project p) {
    List<AttributeReference> childOut = p.child().output();
    List<NamedExpression> list = p.projectList();
    if (list.size() != childOut.size()) return false;
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof AttributeReference a)
          || a.exprId() != childOut.get(i).exprId()
          || !a.name().equals(childOut.get(i).name())) {
        return false;
      }
    }
    return true;
  }
}
