package io.sluice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builders for resolved test plans and a golden comparison of plan trees. */
final class PlanFixtures {
  private PlanFixtures() {}

  static AttributeReference intCol(String name) {
    return AttributeReference.create(name, DataTypes.IntegerType, true);
  }

  static AttributeReference notNullInt(String name) {
    return AttributeReference.create(name, DataTypes.IntegerType, false);
  }

  static AttributeReference col(String name, DataType type) {
    return AttributeReference.create(name, type, true);
  }

  static LocalRelation relation(AttributeReference... output) {
    return new LocalRelation(List.of(output), List.of());
  }

  static Literal lit(int v) {
    return Literal.of(v);
  }

  static Expression add(Expression l, Expression r) {
    return new BinaryArithmetic(BinaryArithmetic.Op.ADD, l, r, EvalMode.ANSI);
  }

  static Expression mul(Expression l, Expression r) {
    return new BinaryArithmetic(BinaryArithmetic.Op.MULTIPLY, l, r, EvalMode.ANSI);
  }

  static Expression div(Expression l, Expression r) {
    return new BinaryArithmetic(BinaryArithmetic.Op.DIVIDE, l, r, EvalMode.ANSI);
  }

  static Expression eq(Expression l, Expression r) {
    return new Comparison(Comparison.Op.EQ, l, r);
  }

  static Expression gt(Expression l, Expression r) {
    return new Comparison(Comparison.Op.GT, l, r);
  }

  static Expression lt(Expression l, Expression r) {
    return new Comparison(Comparison.Op.LT, l, r);
  }

  static Expression and(Expression l, Expression r) {
    return new And(l, r);
  }

  static Alias alias(Expression e, String name) {
    return Alias.of(e, name);
  }

  /** An alias with the name and id of an existing one, over another expression. */
  static Alias realias(Expression e, Alias like) {
    return new Alias(e, like.name(), like.exprId(), like.qualifier());
  }

  static Project project(LogicalPlan child, NamedExpression... items) {
    return new Project(List.of(items), child);
  }

  static Filter filter(Expression condition, LogicalPlan child) {
    return new Filter(condition, child);
  }

  /**
   * Asserts two plans print the same tree (what a golden before/after test compares, with a
   * readable diff) and are equal records (which also compares the ids inside expressions, not
   * printed by {@code treeString}).
   */
  static void assertSamePlan(LogicalPlan actual, LogicalPlan expected) {
    assertThat(actual.treeString()).isEqualTo(expected.treeString());
    assertThat(actual).isEqualTo(expected);
  }

  /** Renumbers expression ids ({@code a#17}) from 0 in order of appearance, for golden text. */
  static String normalized(LogicalPlan plan) {
    Matcher m = Pattern.compile("#(\\d+)").matcher(plan.treeString());
    Map<String, Integer> ids = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int id = ids.computeIfAbsent(m.group(1), k -> ids.size());
      m.appendReplacement(sb, "#" + id);
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The ids and names of a plan's output, in order. */
  static List<String> signature(LogicalPlan plan) {
    List<String> out = new ArrayList<>();
    for (AttributeReference a : plan.output()) out.add(a.name() + "#" + a.exprId());
    return out;
  }

  /** A scan of a fixed schema; reading is not needed by optimizer tests. */
  record TestScan(String name, StructType schema) implements BatchScan {
    static TestScan of(String name, StructField... fields) {
      return new TestScan(name, new StructType(List.of(fields)));
    }

    @Override
    public String description() {
      return "test [" + name + "]";
    }

    @Override
    public int numPartitions() {
      return 1;
    }

    @Override
    public BatchIterator read(int partition, StructType readSchema, int batchSize) {
      return BatchIterator.empty();
    }
  }

  static StructField field(String name, DataType type) {
    return new StructField(name, type, true, null);
  }
}
