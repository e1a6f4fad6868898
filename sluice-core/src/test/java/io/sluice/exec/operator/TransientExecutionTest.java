package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.conf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.rows;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Range;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Running a partition with {@link PhysicalOperator#executeTransient} (each batch read before the
 * next is asked for, as aggregations do) gives the rows {@link PhysicalOperator#execute} gives, and
 * batches from {@code execute} stay intact while later batches are produced.
 */
class TransientExecutionTest {

  @Property(tries = 40)
  void transientAndDurableExecutionAgree(@ForAll long seed) {
    Random rnd = new Random(seed);
    SQLConf conf =
        conf(
            1 + rnd.nextInt(2),
            c -> {
              c.set(SQLConf.BATCH_SIZE, 1 + rnd.nextInt(64));
              c.set(SQLConf.SHUFFLE_PARTITIONS, 1 + rnd.nextInt(3));
            });
    AttributeReference id = AttributeReference.create("id", DataTypes.LongType, false);
    LogicalPlan range =
        new Range(
            rnd.nextInt(10), 200 + rnd.nextInt(300), 1 + rnd.nextInt(3), 1 + rnd.nextInt(3), id);
    LocalRelation rel = randomRelation(rnd);
    AttributeReference k = rel.output().get(0);
    AttributeReference v = rel.output().get(1);
    long m = 2 + rnd.nextInt(20);
    Expression idMod = arith(Op.REMAINDER, id, Literal.of(m));
    List<LogicalPlan> plans =
        List.of(
            new Filter(new Comparison(Comparison.Op.LT, idMod, Literal.of(m / 2)), range),
            project(
                new Filter(
                    new And(
                        new Comparison(Comparison.Op.LT, idMod, Literal.of(m / 2)),
                        new Comparison(
                            Comparison.Op.GT,
                            arith(Op.MULTIPLY, id, Literal.of(3L)),
                            Literal.of(10L))),
                    range),
                Alias.of(arith(Op.ADD, arith(Op.MULTIPLY, id, Literal.of(3L)), idMod), "y"),
                id),
            project(
                new Filter(new Comparison(Comparison.Op.GE, v, Literal.of(0L)), rel),
                Alias.of(arith(Op.PMOD, v, Literal.of(7L)), "p"),
                k,
                v),
            new Join(
                project(range, Alias.of(idMod, "mk"), id),
                rel,
                JoinType.INNER,
                new Comparison(
                    Comparison.Op.EQ,
                    arith(Op.REMAINDER, id, Literal.of(m)),
                    arith(Op.REMAINDER, v, Literal.of(m))),
                List.of()));
    for (LogicalPlan plan : plans) {
      PhysicalOperator op = new PhysicalPlanner(conf).plan(plan);
      assertThat(sortedText(run(op, conf, true)))
          .as(op.treeString())
          .isEqualTo(sortedText(run(op, conf, false)));
    }
  }

  private static LocalRelation randomRelation(Random rnd) {
    List<Object[]> rows = new ArrayList<>();
    int n = rnd.nextInt(200);
    for (int i = 0; i < n; i++) {
      Integer key = rnd.nextInt(6) == 0 ? null : rnd.nextInt(20);
      Long value = rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(100) - 30;
      rows.add(row(key, value));
    }
    return relation(
        new String[] {"k", "v"},
        new DataType[] {DataTypes.IntegerType, DataTypes.LongType},
        rows,
        1 + rnd.nextInt(40));
  }

  private static Expression arith(Op op, Expression l, Expression r) {
    return new BinaryArithmetic(op, l, r, EvalMode.ANSI);
  }

  private static LogicalPlan project(LogicalPlan child, NamedExpression... exprs) {
    return new Project(List.of(exprs), child);
  }

  /**
   * Every partition's rows: transiently, each batch turned into rows before the next is read;
   * durably, all batches kept first and read at the end.
   */
  private static List<Object[]> run(PhysicalOperator op, SQLConf conf, boolean transientRun) {
    try (TaskScheduler scheduler = new TaskScheduler(conf.workerThreads())) {
      TaskContext context = new TaskContext(conf, scheduler);
      op.prepare(context);
      List<Object[]> out = new ArrayList<>();
      for (int p = 0; p < op.numPartitions(context); p++) {
        if (transientRun) {
          try (BatchIterator it = op.executeTransient(p, context)) {
            for (ColumnBatch b = it.next(); b != null; b = it.next()) out.addAll(rows(List.of(b)));
          }
        } else {
          out.addAll(rows(TaskScheduler.drain(op.execute(p, context))));
        }
      }
      return out;
    }
  }
}
