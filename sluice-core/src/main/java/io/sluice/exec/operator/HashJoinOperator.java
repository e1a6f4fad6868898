package io.sluice.exec.operator;

import io.sluice.exec.task.TaskContext;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins two inputs by hashing one side (the build side) and streaming the other through it.
 *
 * <ul>
 *   <li>{@code ShuffledHashJoin}: both sides are hash-partitioned alike on the equi-join keys;
 *       partition {@code p} builds a table from the build side's partition {@code p}.
 *   <li>{@code BroadcastHashJoin}: the build side (small) is collected once per execution and
 *       shared by every partition of the streamed side.
 *   <li>{@code BroadcastNestedLoopJoin}: no equi-join keys; every build row is a candidate for
 *       every streamed row (the same machinery with one key for all rows).
 * </ul>
 *
 * Keys are compared with grouping equality; a null key never matches unless its equality is
 * null-safe ({@code <=>}). The remaining condition filters the candidate pairs. The build side is
 * the right one, except for right outer joins. Full outer joins track which build rows matched, so
 * their streamed side must have one partition when the build side is broadcast.
 */
public final class HashJoinOperator implements PhysicalOperator {
  /** Which input is hashed. */
  public enum BuildSide {
    LEFT,
    RIGHT
  }

  final PhysicalOperator left;
  final PhysicalOperator right;
  final JoinType joinType;
  final List<Expression> leftKeys;
  final List<Expression> rightKeys;
  final boolean[] nullSafe;
  final Expression condition;
  final BuildSide buildSide;
  final boolean broadcast;
  private final List<AttributeReference> output;
  final PhysicalOperator build;
  final PhysicalOperator stream;
  final BoundExpressions buildKeys;
  final BoundExpressions streamKeys;
  final BoundExpressions boundCondition;

  /**
   * Where each output column sits in the rows the probe assembles (streamed rows for semi and anti
   * joins, else left then right columns), or {@code null} when the output is all of them.
   */
  final int[] outputPositions;

  /** Which of the assembled columns the output or the condition reads. */
  final boolean[] usedColumns;

  /**
   * @param nullSafe per key pair, whether nulls match each other ({@code <=>})
   * @param condition the non-equi part of the join condition, or null
   * @param output the join's output columns (left then right, nullable as the type implies); a
   *     planner may leave out columns nothing above reads, which are then never copied
   */
  public HashJoinOperator(
      PhysicalOperator left,
      PhysicalOperator right,
      JoinType joinType,
      List<Expression> leftKeys,
      List<Expression> rightKeys,
      boolean[] nullSafe,
      Expression condition,
      BuildSide buildSide,
      boolean broadcast,
      List<AttributeReference> output) {
    this.left = left;
    this.right = right;
    this.joinType = joinType;
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.nullSafe = nullSafe.clone();
    this.condition = condition;
    this.buildSide = buildSide;
    this.broadcast = broadcast || leftKeys.isEmpty();
    this.output = List.copyOf(output);
    if (joinType.leftOnly() && buildSide == BuildSide.LEFT) {
      throw new IllegalArgumentException(joinType + " join must build the right side");
    }
    this.build = buildSide == BuildSide.RIGHT ? right : left;
    this.stream = buildSide == BuildSide.RIGHT ? left : right;
    this.buildKeys =
        new BoundExpressions(buildSide == BuildSide.RIGHT ? rightKeys : leftKeys, build.output());
    this.streamKeys =
        new BoundExpressions(buildSide == BuildSide.RIGHT ? leftKeys : rightKeys, stream.output());
    List<AttributeReference> joined = new ArrayList<>(left.output());
    joined.addAll(right.output());
    this.boundCondition =
        condition == null ? null : new BoundExpressions(List.of(condition), joined);
    List<AttributeReference> assembled = joinType.leftOnly() ? stream.output() : joined;
    this.outputPositions = positions(this.output, assembled);
    this.usedColumns = new boolean[joined.size()];
    int offset = joinType.leftOnly() ? (streamIsLeft() ? 0 : left.output().size()) : 0;
    if (outputPositions == null) {
      for (int i = 0; i < assembled.size(); i++) usedColumns[offset + i] = true;
    } else {
      for (int p : outputPositions) usedColumns[offset + p] = true;
    }
    if (boundCondition != null) {
      for (BoundReference r : boundCondition.expressions().get(0).collect(BoundReference.class)) {
        usedColumns[r.ordinal()] = true;
      }
    }
    if (!this.broadcast && left.numPartitions() != right.numPartitions()) {
      throw new IllegalArgumentException(
          "Sides of a shuffled join have "
              + left.numPartitions()
              + " and "
              + right.numPartitions()
              + " partitions");
    }
  }

  /** Positions of {@code output} in {@code all}, or {@code null} when they are all of it. */
  private static int[] positions(List<AttributeReference> output, List<AttributeReference> all) {
    int[] out = new int[output.size()];
    boolean identity = output.size() == all.size();
    for (int i = 0; i < out.length; i++) {
      out[i] = -1;
      for (int j = 0; j < all.size(); j++) {
        if (all.get(j).exprId() == output.get(i).exprId()) out[i] = j;
      }
      if (out[i] < 0) {
        throw new IllegalArgumentException(
            "Join output column " + output.get(i) + " is not among its inputs' columns " + all);
      }
      identity &= out[i] == i;
    }
    return identity ? null : out;
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public List<PhysicalOperator> children() {
    return List.of(left, right);
  }

  @Override
  public int numPartitions() {
    return stream.numPartitions();
  }

  @Override
  public int numPartitions(TaskContext context) {
    return stream.numPartitions(context);
  }

  @Override
  public void prepare(TaskContext context) {
    left.prepare(context);
    right.prepare(context);
    if (broadcast) broadcastSide(context);
  }

  @Override
  public BatchIterator execute(int partition, TaskContext context) {
    return new JoinProbe(
        this, buildTable(partition, context), stream.execute(partition, context), context, false);
  }

  /**
   * The probe reads a streamed batch only once the batches it produced from the previous one have
   * been taken, so a transient caller lets it read the streamed side transiently too.
   */
  @Override
  public BatchIterator executeTransient(int partition, TaskContext context) {
    return new JoinProbe(
        this,
        buildTable(partition, context),
        stream.executeTransient(partition, context),
        context,
        true);
  }

  private JoinBuildTable buildTable(int partition, TaskContext context) {
    return broadcast
        ? broadcastSide(context)
        : JoinBuildTable.build(
            this, TaskScheduler.drain(build.execute(partition, context)), context);
  }

  /** A broadcast side built in an earlier micro-batch, with the snapshot key of its inputs. */
  private volatile CachedBuild cached;

  private record CachedBuild(String key, JoinBuildTable table) {}

  private JoinBuildTable broadcastSide(TaskContext context) {
    return context.shared(
        this,
        () -> {
          if (context.microBatch() == null) return buildBroadcastSide(context);
          // a stream-static join: keep the table while the static inputs are unchanged
          String key = snapshotKey(build);
          CachedBuild c = cached;
          if (key != null && c != null && c.key().equals(key)) return c.table();
          JoinBuildTable t = buildBroadcastSide(context);
          cached = key == null ? null : new CachedBuild(key, t);
          return t;
        });
  }

  /**
   * The snapshot key of a plan made only of scans that can tell whether their data changed, local
   * rows and ranges; null for anything else (a stream, an unknown leaf).
   */
  private static String snapshotKey(PhysicalOperator op) {
    if (op instanceof BatchScanOperator s) return s.scan().snapshotKey();
    if (op instanceof LocalTableScanOperator || op instanceof RangeOperator) {
      return op.getClass().getSimpleName() + "@" + System.identityHashCode(op);
    }
    if (op.children().isEmpty()) return null;
    StringBuilder sb = new StringBuilder();
    for (PhysicalOperator c : op.children()) {
      String k = snapshotKey(c);
      if (k == null) return null;
      sb.append(k).append('|');
    }
    return sb.toString();
  }

  private JoinBuildTable buildBroadcastSide(TaskContext context) {
    List<List<ColumnBatch>> parts =
        context
            .scheduler()
            .runAll(
                build.numPartitions(context), p -> TaskScheduler.drain(build.execute(p, context)));
    List<ColumnBatch> all = new ArrayList<>();
    for (List<ColumnBatch> p : parts) all.addAll(p);
    return JoinBuildTable.build(this, all, context);
  }

  /** True when the streamed side is the left input (output columns: stream, then build). */
  boolean streamIsLeft() {
    return buildSide == BuildSide.RIGHT;
  }

  @Override
  public String nodeName() {
    if (leftKeys.isEmpty()) return "BroadcastNestedLoopJoin";
    return broadcast ? "BroadcastHashJoin" : "ShuffledHashJoin";
  }

  @Override
  public String argString() {
    String side = buildSide == BuildSide.RIGHT ? "BuildRight" : "BuildLeft";
    String s =
        leftKeys.isEmpty()
            ? side + ", " + joinType.planName()
            : PlanText.list(leftKeys)
                + ", "
                + PlanText.list(rightKeys)
                + ", "
                + joinType.planName()
                + ", "
                + side;
    return condition == null ? s : s + ", " + PlanText.expr(condition);
  }

  @Override
  public String toString() {
    return treeString();
  }
}
