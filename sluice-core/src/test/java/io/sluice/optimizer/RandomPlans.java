package io.sluice.optimizer;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random resolved plans over small int tables with nulls, using the nodes and expressions {@link
 * PlanInterpreter} evaluates. Columns are int, or bigint for counts and sums.
 */
final class RandomPlans {
  private final Random random;
  private int names;

  RandomPlans(long seed) {
    this.random = new Random(seed);
  }

  LogicalPlan plan(int depth) {
    if (depth == 0 || random.nextInt(6) == 0) return table();
    return switch (random.nextInt(10)) {
      case 0, 1 -> project(plan(depth - 1));
      case 2, 3 -> filter(plan(depth - 1));
      case 4, 5 -> join(plan(depth - 1), plan(depth - 1));
      case 6 -> aggregate(plan(depth - 1));
      case 7 -> union(plan(depth - 1), plan(depth - 1));
      case 8 -> random.nextBoolean() ? new Distinct(plan(depth - 1)) : dedup(plan(depth - 1));
      default ->
          random.nextBoolean()
              ? new SubqueryAlias("t" + names++, plan(depth - 1))
              : sort(plan(depth - 1));
    };
  }

  private LogicalPlan filter(LogicalPlan child) {
    return new Filter(predicate(child.output(), 2), child);
  }

  private LocalRelation table() {
    int columns = 1 + random.nextInt(3);
    int rows = random.nextInt(7);
    List<AttributeReference> out = new ArrayList<>();
    ColumnVector[] vectors = new ColumnVector[columns];
    for (int c = 0; c < columns; c++) {
      out.add(
          AttributeReference.create("c" + names++, DataTypes.IntegerType, random.nextInt(4) != 0));
      vectors[c] = ColumnVector.allocate(DataTypes.IntegerType, rows);
      for (int r = 0; r < rows; r++) {
        if (out.get(c).nullable() && random.nextInt(5) == 0) {
          vectors[c].appendNull();
        } else {
          vectors[c].append(random.nextInt(5) - 1);
        }
      }
    }
    return new LocalRelation(out, List.of(new ColumnBatch(vectors, rows)));
  }

  private LogicalPlan project(LogicalPlan child) {
    List<AttributeReference> in = child.output();
    List<NamedExpression> items = new ArrayList<>();
    for (AttributeReference a : in) {
      if (random.nextInt(3) != 0) items.add(a);
    }
    int computed = random.nextInt(3);
    for (int i = 0; i < computed || items.isEmpty(); i++) {
      items.add(Alias.of(value(in), "x" + names++));
    }
    return new Project(items, child);
  }

  private LogicalPlan join(LogicalPlan left, LogicalPlan right) {
    JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
    List<Expression> conjuncts = new ArrayList<>();
    if (type != JoinType.CROSS || random.nextBoolean()) {
      AttributeReference l = pick(left.output());
      AttributeReference r = sameType(right.output(), l.dataType());
      if (r != null) conjuncts.add(new Comparison(Comparison.Op.EQ, l, r));
      if (random.nextInt(3) == 0) conjuncts.add(predicate(left.output(), 1));
      if (random.nextInt(3) == 0) conjuncts.add(predicate(right.output(), 1));
    }
    return new Join(left, right, type, Conjuncts.and(conjuncts), List.of());
  }

  private LogicalPlan aggregate(LogicalPlan child) {
    List<AttributeReference> in = child.output();
    List<Expression> grouping = new ArrayList<>();
    List<NamedExpression> out = new ArrayList<>();
    int keys = random.nextInt(3);
    for (int i = 0; i < keys; i++) {
      AttributeReference k = pick(in);
      if (!grouping.contains(k)) {
        grouping.add(k);
        out.add(k);
      }
    }
    out.add(
        Alias.of(
            new AggregateCall(AggregateCall.Function.COUNT, List.of(Literal.of(1)), false),
            "n" + names++));
    AttributeReference arg = pick(in);
    AggregateCall.Function f =
        List.of(AggregateCall.Function.SUM, AggregateCall.Function.MAX, AggregateCall.Function.MIN)
            .get(random.nextInt(3));
    out.add(Alias.of(new AggregateCall(f, List.of(arg), false), "agg" + names++));
    return new Aggregate(grouping, out, child);
  }

  private LogicalPlan union(LogicalPlan first, LogicalPlan second) {
    List<NamedExpression> aligned = new ArrayList<>();
    for (AttributeReference a : first.output()) {
      AttributeReference match = sameType(second.output(), a.dataType());
      aligned.add(
          match != null && random.nextInt(4) != 0
              ? match
              : Alias.of(new Literal(null, a.dataType()), "null" + names++));
    }
    return new Union(List.of(first, new Project(aligned, second)), false, false);
  }

  private LogicalPlan dedup(LogicalPlan child) {
    return new Deduplicate(List.of(pick(child.output())), child);
  }

  private LogicalPlan sort(LogicalPlan child) {
    return new Sort(List.of(SortOrder.asc(pick(child.output()))), random.nextBoolean(), child);
  }

  /** A boolean expression over {@code in}. */
  private Expression predicate(List<AttributeReference> in, int depth) {
    int choice = random.nextInt(depth > 0 ? 9 : 5);
    return switch (choice) {
      case 0, 1, 2 -> {
        Expression l = value(in);
        DataType t = l.dataType();
        Expression r = random.nextBoolean() ? literal(t) : sameTypeOr(in, t, literal(t));
        Comparison.Op op = Comparison.Op.values()[random.nextInt(Comparison.Op.values().length)];
        yield new Comparison(op, l, r);
      }
      case 3 -> random.nextBoolean() ? new IsNull(pick(in)) : new IsNotNull(pick(in));
      case 4 ->
          List.of(Literal.TRUE, Literal.FALSE, new Literal(null, DataTypes.BooleanType))
              .get(random.nextInt(3));
      case 5, 6 -> new And(predicate(in, depth - 1), predicate(in, depth - 1));
      case 7 -> new Or(predicate(in, depth - 1), predicate(in, depth - 1));
      default -> new Not(predicate(in, depth - 1));
    };
  }

  /** A numeric expression over {@code in}. */
  private Expression value(List<AttributeReference> in) {
    AttributeReference a = pick(in);
    return switch (random.nextInt(5)) {
      case 0 ->
          new BinaryArithmetic(BinaryArithmetic.Op.ADD, a, literal(a.dataType()), EvalMode.ANSI);
      case 1 -> new Coalesce(List.of(a, literal(a.dataType())));
      case 2 ->
          new BinaryArithmetic(
              BinaryArithmetic.Op.ADD, literal(a.dataType()), literal(a.dataType()), EvalMode.ANSI);
      default -> a;
    };
  }

  private Literal literal(DataType t) {
    int v = random.nextInt(4) - 1;
    if (random.nextInt(8) == 0) return new Literal(null, t);
    return t.equals(DataTypes.LongType) ? Literal.of((long) v) : Literal.of(v);
  }

  private AttributeReference pick(List<AttributeReference> in) {
    return in.get(random.nextInt(in.size()));
  }

  private AttributeReference sameType(List<AttributeReference> in, DataType t) {
    List<AttributeReference> matches = new ArrayList<>();
    for (AttributeReference a : in) {
      if (a.dataType().equals(t)) matches.add(a);
    }
    return matches.isEmpty() ? null : pick(matches);
  }

  private Expression sameTypeOr(List<AttributeReference> in, DataType t, Expression fallback) {
    AttributeReference a = sameType(in, t);
    return a == null ? fallback : a;
  }
}
