package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Joins two inputs. {@code condition} may be null (a cross product, or the columns in {@code
 * usingColumns}, which the analyzer turns into equalities and a projection that keeps one copy of
 * each, as Spark's {@code join(other, "id")}).
 */
public record Join(
    LogicalPlan left,
    LogicalPlan right,
    JoinType joinType,
    Expression condition,
    List<String> usingColumns)
    implements LogicalPlan {

  public Join {
    usingColumns = List.copyOf(usingColumns);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> c) {
    return new Join(c.get(0), c.get(1), joinType, condition, usingColumns);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>();
    boolean leftNullable = joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER;
    boolean rightNullable = joinType == JoinType.LEFT_OUTER || joinType == JoinType.FULL_OUTER;
    for (AttributeReference a : left.output()) {
      out.add(leftNullable ? a.withNullability(true) : a);
    }
    if (!joinType.leftOnly()) {
      for (AttributeReference a : right.output()) {
        out.add(rightNullable ? a.withNullability(true) : a);
      }
    }
    return out;
  }

  @Override
  public boolean resolved() {
    return usingColumns.isEmpty() && LogicalPlan.super.resolved();
  }

  @Override
  public List<Expression> expressions() {
    return condition == null ? List.of() : List.of(condition);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    return condition == null
        ? this
        : new Join(left, right, joinType, f.apply(condition), usingColumns);
  }

  @Override
  public String argString() {
    String s = joinType.planName();
    if (!usingColumns.isEmpty()) s += ", using " + usingColumns;
    return condition == null ? s : s + ", " + condition;
  }
}
