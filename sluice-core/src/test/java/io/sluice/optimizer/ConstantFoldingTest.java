package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.exec.expr.EvalContext;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantFoldingTest {
  private final AttributeReference a = intCol("a");
  private final LocalRelation t = relation(a);

  /** Integer +, * and / over literals; division by zero fails as ANSI mode does. */
  private final List<Expression> evaluated = new ArrayList<>();

  private final ConstantFolding.Evaluator arithmetic =
      e -> {
        evaluated.add(e);
        Integer v = eval(e);
        return v == null ? null : Literal.of(v);
      };

  private static Integer eval(Expression e) {
    if (e instanceof Literal l && l.value() instanceof Integer i) return i;
    if (e instanceof GetStructField f && f.child() instanceof CreateNamedStruct s) {
      return eval(s.values().get(f.ordinal()));
    }
    if (!(e instanceof BinaryArithmetic b)) return null;
    Integer l = eval(b.left());
    Integer r = eval(b.right());
    if (l == null || r == null) return null;
    return switch (b.op()) {
      case ADD -> l + r;
      case MULTIPLY -> l * r;
      case DIVIDE -> {
        if (r == 0) throw new ArithmeticException("Division by zero");
        yield l / r;
      }
      default -> null;
    };
  }

  private final ConstantFolding.Evaluator failSafe =
      e -> {
        try {
          return arithmetic.evaluate(e);
        } catch (ArithmeticException ex) {
          return null;
        }
      };

  @Test
  void foldsTheLargestConstantSubtreeKeepingAliasNamesAndIds() {
    Alias x = alias(mul(add(lit(1), lit(2)), a), "x");
    Alias y = alias(mul(add(lit(1), lit(2)), lit(4)), "y");

    LogicalPlan after = new ConstantFolding(failSafe).apply(project(t, x, y));

    assertSamePlan(after, project(t, realias(mul(lit(3), a), x), realias(lit(12), y)));
    assertThat(evaluated).contains(y.child()).doesNotContain(add(lit(3), lit(4)));
  }

  @Test
  void aFailingExpressionStaysForRowsToRaiseTheErrorButItsPartsFold() {
    Alias bad = alias(div(add(lit(1), lit(1)), add(lit(2), lit(-2))), "bad");

    LogicalPlan after = new ConstantFolding(failSafe).apply(project(t, bad));

    assertSamePlan(after, project(t, realias(div(lit(2), lit(0)), bad)));
  }

  @Test
  void foldsConditionsAndLeavesLiteralsAlone() {
    LogicalPlan before = filter(gt(a, add(lit(1), lit(1))), t);
    assertSamePlan(new ConstantFolding(failSafe).apply(before), filter(gt(a, lit(2)), t));

    evaluated.clear();
    LogicalPlan literalOnly = project(t, alias(lit(5), "five"));
    assertThat(new ConstantFolding(failSafe).apply(literalOnly)).isSameAs(literalOnly);
    assertThat(evaluated).isEmpty();
  }

  @Test
  void skipsNonDeterministicAndComplexValues() {
    Expression struct = new CreateNamedStruct(List.of("f"), List.of(add(lit(1), lit(1))), "struct");
    LogicalPlan plan =
        project(
            t,
            alias(add(a, lit(0)), "keep"),
            alias(struct, "s"),
            alias(new GetStructField(struct, 0, "f"), "f"));

    Project after = (Project) new ConstantFolding(failSafe).apply(plan);

    // the struct is not turned into a literal, but its field (an int) and its parts are
    assertThat(((Alias) after.projectList().get(1)).child())
        .isEqualTo(new CreateNamedStruct(List.of("f"), List.of(lit(2)), "struct"));
    assertThat(((Alias) after.projectList().get(2)).child()).isEqualTo(lit(2));

    Expression random = add(new Rand(1), new Literal(1.0, io.sluice.types.DataTypes.DoubleType));
    LogicalPlan randomPlan = project(t, alias(random, "r"));
    assertThat(new ConstantFolding(failSafe).apply(randomPlan)).isSameAs(randomPlan);
  }

  @Test
  void withTheEngineCompilerFailuresMeanDoNotFold() {
    ConstantFolding rule = new ConstantFolding(EvalContext.of("UTC", true));
    Alias divByZero = alias(div(lit(1), lit(0)), "d");

    LogicalPlan plan = project(t, divByZero);

    assertThat(rule.apply(plan)).isEqualTo(plan);
  }

  @Test
  void withTheEngineCompilerArithmeticFolds() {
    ConstantFolding.Evaluator engine = ConstantFolding.compiling(EvalContext.of("UTC", true));
    assumeTrue(
        engine.evaluate(add(lit(1), lit(2))) != null,
        "the expression compiler does not evaluate arithmetic yet");
    Alias x = alias(add(lit(1), lit(2)), "x");

    LogicalPlan after = new ConstantFolding(EvalContext.of("UTC", true)).apply(project(t, x));

    assertSamePlan(after, project(t, realias(lit(3), x)));
  }
}
