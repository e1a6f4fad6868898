package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.conf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.run;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static io.sluice.exec.operator.OperatorTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceException;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.exec.task.TaskContext;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicOperatorsTest {
  static AttributeReference id() {
    return AttributeReference.create("id", DataTypes.LongType, false);
  }

  static List<Object> ids(List<Object[]> rows) {
    List<Object> out = new ArrayList<>();
    for (Object[] r : rows) out.add(r[0]);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void rangeSplitsIntoSlicesAndBatches(int threads) {
    SQLConf conf = conf(threads, c -> c.set(SQLConf.BATCH_SIZE, 4));
    Range r = new Range(3, 30, 4, 3, id());
    PhysicalOperator op = new PhysicalPlanner(conf).plan(r);
    assertThat(op.numPartitions()).isEqualTo(3);
    assertThat(op.treeString()).isEqualTo("Range (3, 30, step=4, splits=3)\n");
    assertThat(ids(run(op, conf))).containsExactly(3L, 7L, 11L, 15L, 19L, 23L, 27L);
    assertThat(ids(run(new Range(10, 0, -3, 2, id()), conf))).containsExactly(10L, 7L, 4L, 1L);
    assertThat(run(new Range(5, 5, 1, 2, id()), conf)).isEmpty();
    assertThat(ids(run(new Range(Long.MAX_VALUE - 2, Long.MAX_VALUE, 1, 2, id()), conf)))
        .containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void localTableScanSplitsRowsAcrossPartitionsInOrder(int threads) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 10; i++) rows.add(row(i));
    LocalRelation r = relation(new String[] {"x"}, new DataType[] {DataTypes.LongType}, rows, 4);
    SQLConf conf = conf(threads, c -> {});
    PhysicalOperator op = new PhysicalPlanner(conf).plan(r);
    assertThat(op.numPartitions()).isEqualTo(threads);
    assertThat(ids(run(op, conf))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(op.treeString()).isEqualTo("LocalTableScan [" + r.output().get(0) + "]\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void filterKeepsOnlyTrueRows(int threads) {
    LocalRelation r =
        relation(
            new String[] {"x", "keep"},
            new DataType[] {DataTypes.IntegerType, DataTypes.BooleanType},
            List.of(row(1, true), row(2, false), row(3, null), row(4, true), row(5, true)),
            2);
    Filter f = new Filter(r.output().get(1), r);
    assertThat(text(run(f, conf(threads, c -> {}))))
        .containsExactly("[1, true]", "[4, true]", "[5, true]");
    assertThat(run(new Filter(Literal.FALSE, r), conf(threads, c -> {}))).isEmpty();
    assertThat(run(new Filter(Literal.TRUE, r), conf(threads, c -> {}))).hasSize(5);
  }

  @Test
  void projectReordersRenamesAndAddsLiterals() {
    LocalRelation r =
        relation(
            new String[] {"a", "b"},
            new DataType[] {DataTypes.IntegerType, DataTypes.StringType},
            List.of(row(1, "x"), row(null, "y")));
    List<NamedExpression> list =
        List.of(
            r.output().get(1), Alias.of(r.output().get(0), "c"), Alias.of(Literal.of(7L), "seven"));
    Project p = new Project(list, new SubqueryAlias("t", r));
    assertThat(text(run(p, conf(2, c -> {})))).containsExactly("[x, 1, 7]", "[y, null, 7]");
    assertThat(new PhysicalPlanner(conf(2, c -> {})).plan(p).treeString())
        .startsWith(
            "Project ["
                + r.output().get(1)
                + ", "
                + r.output().get(0)
                + " AS c#"
                + list.get(1).exprId()
                + ", 7 AS seven#"
                + list.get(2).exprId()
                + "L]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void unionConcatenatesChildrenPartitions(int threads) {
    Range a = new Range(0, 3, 1, 2, id());
    Range b = new Range(10, 12, 1, 1, id());
    Union u = new Union(List.of(a, b, a), false, false);
    PhysicalOperator op = new PhysicalPlanner(conf(threads, c -> {})).plan(u);
    assertThat(op.numPartitions()).isEqualTo(5);
    assertThat(ids(run(op, conf(threads, c -> {}))))
        .containsExactly(0L, 1L, 2L, 10L, 11L, 0L, 1L, 2L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void repartitionAndCoalesceKeepEveryRow(int threads) {
    SQLConf conf = conf(threads, c -> c.set(SQLConf.BATCH_SIZE, 7));
    Range r = new Range(0, 100, 1, 3, id());
    PhysicalOperator rr = new PhysicalPlanner(conf).plan(new Repartition(5, true, List.of(), r));
    assertThat(rr.numPartitions()).isEqualTo(5);
    assertThat(rr.treeString()).startsWith("Exchange RoundRobinPartitioning(5)\n");
    assertThat(sortedIds(run(rr, conf))).isEqualTo(sortedIds(run(r, conf)));
    PhysicalOperator hash =
        new PhysicalPlanner(conf).plan(new Repartition(4, true, List.of(r.id()), r));
    assertThat(hash.treeString()).startsWith("Exchange hashpartitioning(" + r.id() + ", 4)\n");
    assertThat(sortedIds(run(hash, conf))).isEqualTo(sortedIds(run(r, conf)));
    PhysicalOperator co = new PhysicalPlanner(conf).plan(new Repartition(2, false, List.of(), r));
    assertThat(co.numPartitions()).isEqualTo(2);
    assertThat(ids(run(co, conf))).isEqualTo(ids(run(r, conf)));
  }

  @Test
  void hashPartitioningPutsEqualKeysInOnePartition() {
    SQLConf conf = conf(2, c -> {});
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) rows.add(row((long) (i % 37), i % 2 == 0 ? (int) (i % 37) : i));
    LocalRelation r =
        relation(
            new String[] {"k", "v"},
            new DataType[] {DataTypes.LongType, DataTypes.IntegerType},
            rows,
            50);
    ShuffleExchangeOperator ex =
        new ShuffleExchangeOperator(
            new Partitioning.Hash(List.of(r.output().get(0)), 8),
            false,
            new PhysicalPlanner(conf).plan(r));
    try (TaskScheduler s = new TaskScheduler(2)) {
      TaskContext ctx = new TaskContext(conf, s);
      Map<Object, Integer> partitionOf = new java.util.HashMap<>();
      int total = 0;
      for (int p = 0; p < ex.numPartitions(ctx); p++) {
        for (Object[] row : OperatorTestSupport.rows(TaskScheduler.drain(ex.execute(p, ctx)))) {
          Integer prev = partitionOf.put(row[0], p);
          assertThat(prev == null || prev == p).as("key %s", row[0]).isTrue();
          total++;
        }
      }
      assertThat(total).isEqualTo(1000);
      assertThat(partitionOf.values().stream().distinct().count()).isGreaterThan(4);
    }
  }

  @Test
  void adaptiveCoalescingMergesSmallShufflePartitions() {
    SQLConf on = conf(2, c -> c.set(SQLConf.SHUFFLE_PARTITIONS, 10));
    SQLConf off =
        conf(
            2,
            c -> {
              c.set(SQLConf.SHUFFLE_PARTITIONS, 10);
              c.set(SQLConf.ADAPTIVE_COALESCE_PARTITIONS, false);
            });
    Range r = new Range(0, 100, 1, 2, id());
    Deduplicate d = new Deduplicate(List.of(r.id()), r);
    try (TaskScheduler s = new TaskScheduler(2)) {
      PhysicalOperator small = new PhysicalPlanner(on).plan(d);
      assertThat(small.numPartitions()).isEqualTo(10);
      assertThat(small.numPartitions(new TaskContext(on, s))).isEqualTo(1);
      PhysicalOperator fixed = new PhysicalPlanner(off).plan(d);
      assertThat(fixed.numPartitions(new TaskContext(off, s))).isEqualTo(10);
    }
    assertThat(sortedIds(run(d, on))).isEqualTo(sortedIds(run(r, on)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void deduplicateKeepsTheFirstRowPerKey(int threads) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) rows.add(row(i % 7 == 3 ? null : "k" + (i % 7), i));
    LocalRelation r =
        relation(
            new String[] {"k", "pos"},
            new DataType[] {DataTypes.StringType, DataTypes.IntegerType},
            rows,
            9);
    Deduplicate d = new Deduplicate(List.of(r.output().get(0)), r);
    assertThat(sortedText(run(d, conf(threads, c -> {}))))
        .containsExactlyInAnyOrder(
            "[k0, 0]", "[k1, 1]", "[k2, 2]", "[null, 3]", "[k4, 4]", "[k5, 5]", "[k6, 6]");
    Distinct distinct = new Distinct(new Project(List.of(r.output().get(0)), r));
    assertThat(run(distinct, conf(threads, c -> {}))).hasSize(7);
  }

  @Test
  void batchScanReadsEachPartitionWithTheRelationsColumns() {
    StructType schema = StructType.fromDDL("a BIGINT, b STRING");
    List<StructType> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    BatchScan scan =
        new BatchScan() {
          @Override
          public String description() {
            return "test";
          }

          @Override
          public StructType schema() {
            return schema;
          }

          @Override
          public int numPartitions() {
            return 3;
          }

          @Override
          public BatchIterator read(int partition, StructType readSchema, int batchSize) {
            seen.add(readSchema);
            LongVector v =
                new LongVector(DataTypes.LongType, new long[] {partition * 10L}, null, 1);
            return BatchIterator.of(List.of(new ColumnBatch(new ColumnVector[] {v}, 1)));
          }
        };
    ScanRelation full = ScanRelation.of(scan);
    ScanRelation pruned = new ScanRelation(scan, List.of(full.output().get(0)));
    assertThat(ids(run(pruned, conf(2, c -> {})))).containsExactly(0L, 10L, 20L);
    assertThat(seen).allSatisfy(s -> assertThat(s.fieldNames()).containsExactly("a"));
    assertThat(new PhysicalPlanner(conf(2, c -> {})).plan(pruned).treeString())
        .isEqualTo("BatchScan test [" + full.output().get(0) + "]\n");
  }

  @Test
  void errorsInTasksReachTheCallerUnchanged() {
    SluiceArithmeticException boom =
        new SluiceArithmeticException(
            ErrorClass.DIVIDE_BY_ZERO, SluiceException.params("config", "x"));
    AttributeReference col = id();
    PhysicalOperator failing =
        new PhysicalOperator() {
          @Override
          public List<AttributeReference> output() {
            return List.of(col);
          }

          @Override
          public List<PhysicalOperator> children() {
            return List.of();
          }

          @Override
          public int numPartitions() {
            return 4;
          }

          @Override
          public BatchIterator execute(int partition, TaskContext context) {
            if (partition == 2) throw boom;
            return BatchIterator.empty();
          }

          @Override
          public String argString() {
            return "";
          }
        };
    SQLConf conf = conf(2, c -> {});
    PhysicalOperator shuffled =
        new ShuffleExchangeOperator(
            new Partitioning.Hash(new ArrayList<>(failing.output()), 3), true, failing);
    assertThatThrownBy(() -> run(failing, conf)).isSameAs(boom);
    assertThatThrownBy(() -> run(shuffled, conf)).isSameAs(boom);
    assertThatThrownBy(
            () ->
                run(
                    new SortOperator(
                        List.of(),
                        true,
                        new ShuffleExchangeOperator(new Partitioning.Single(), false, failing)),
                    conf))
        .isSameAs(boom);
  }

  @Test
  void plansAlsoRunPartitionByPartitionWithoutPreparation() {
    // as a caller that runs the root's partitions itself: exchanges materialize inside tasks
    SQLConf conf =
        conf(
            2,
            c -> {
              c.set(SQLConf.SHUFFLE_PARTITIONS, 3);
              c.set(SQLConf.AUTO_BROADCAST_JOIN_THRESHOLD, -1L);
            });
    Range a = new Range(0, 2000, 1, 4, id());
    Range b = new Range(0, 3000, 3, 3, id());
    io.sluice.plan.logical.Join j =
        new io.sluice.plan.logical.Join(
            a,
            b,
            io.sluice.plan.logical.JoinType.INNER,
            new io.sluice.plan.expr.Comparison(
                io.sluice.plan.expr.Comparison.Op.EQ, a.id(), b.id()),
            List.of());
    io.sluice.plan.expr.AggregateCall count =
        new io.sluice.plan.expr.AggregateCall(
            io.sluice.plan.expr.AggregateCall.Function.COUNT, List.of(Literal.of(1)), false);
    io.sluice.plan.logical.Aggregate agg =
        new io.sluice.plan.logical.Aggregate(List.of(), List.of(Alias.of(count, "n")), j);
    PhysicalOperator op = new PhysicalPlanner(conf).plan(agg);
    for (int rep = 0; rep < 5; rep++) {
      try (TaskScheduler s = new TaskScheduler(2)) {
        TaskContext ctx = new TaskContext(conf, s);
        List<List<ColumnBatch>> parts =
            s.runAll(op.numPartitions(), p -> TaskScheduler.drain(op.execute(p, ctx)));
        List<ColumnBatch> all = new ArrayList<>();
        parts.forEach(all::addAll);
        assertThat(text(OperatorTestSupport.rows(all))).containsExactly("[667]");
      }
    }
  }

  private static List<Object> sortedIds(List<Object[]> rows) {
    List<Object> out = ids(rows);
    out.sort(null);
    return out;
  }
}
