package io.sluice.exec.planner;

import io.sluice.config.SQLConf;
import io.sluice.exec.operator.CoalesceOperator;
import io.sluice.exec.operator.HashJoinOperator;
import io.sluice.exec.operator.HashJoinOperator.BuildSide;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a {@link Join}. Equality conjuncts between a left and a right expression (of one type)
 * become hash keys; the other conjuncts filter the matched pairs. The build side is the right one
 * (the left for right outer joins, or for inner joins when only the left is small). A build side
 * estimated below {@code sluice.sql.autoBroadcastJoinThreshold} is broadcast; otherwise both sides
 * are hash-partitioned on the keys ({@code ShuffledHashJoin}). Without keys the join is a broadcast
 * nested loop join.
 */
final class JoinPlanner {
  private final PhysicalPlanner planner;

  JoinPlanner(PhysicalPlanner planner) {
    this.planner = planner;
  }

  PhysicalOperator plan(Join j) {
    return plan(j, null);
  }

  /**
   * Plans {@code j} producing only the output columns whose ids are in {@code required} (all of
   * them when it is null): the probe then never copies the others.
   */
  PhysicalOperator plan(Join j, Set<Long> required) {
    List<AttributeReference> output = j.output();
    if (required != null) {
      output = new ArrayList<>();
      for (AttributeReference a : j.output()) {
        if (required.contains(a.exprId())) output.add(a);
      }
    }
    Set<Long> leftIds = ids(j.left().output());
    Set<Long> rightIds = ids(j.right().output());
    List<Expression> leftKeys = new ArrayList<>();
    List<Expression> rightKeys = new ArrayList<>();
    List<Boolean> nullSafe = new ArrayList<>();
    Expression rest = null;
    for (Expression c : conjuncts(j.condition())) {
      if (c instanceof Comparison cmp
          && (cmp.op() == Comparison.Op.EQ || cmp.op() == Comparison.Op.NULL_SAFE_EQ)
          && DataTypes.equalsIgnoreNullability(cmp.left().dataType(), cmp.right().dataType())) {
        if (within(cmp.left(), leftIds) && within(cmp.right(), rightIds)) {
          leftKeys.add(cmp.left());
          rightKeys.add(cmp.right());
          nullSafe.add(cmp.op() == Comparison.Op.NULL_SAFE_EQ);
          continue;
        }
        if (within(cmp.left(), rightIds) && within(cmp.right(), leftIds)) {
          leftKeys.add(cmp.right());
          rightKeys.add(cmp.left());
          nullSafe.add(cmp.op() == Comparison.Op.NULL_SAFE_EQ);
          continue;
        }
      }
      rest = rest == null ? c : new And(rest, c);
    }
    boolean[] safe = new boolean[nullSafe.size()];
    for (int i = 0; i < safe.length; i++) safe[i] = nullSafe.get(i);
    JoinType type = j.joinType();
    if (planner.streaming() != null && j.left().isStreaming() && j.right().isStreaming()) {
      return StreamJoinPlanner.plan(planner, j, leftKeys, rightKeys, rest);
    }
    PhysicalOperator left = planner.plan(j.left());
    PhysicalOperator right = planner.plan(j.right());
    if (leftKeys.isEmpty()) {
      BuildSide side = type == JoinType.RIGHT_OUTER ? BuildSide.LEFT : BuildSide.RIGHT;
      if (type == JoinType.FULL_OUTER && left.numPartitions() > 1) {
        left = new CoalesceOperator(1, left);
      }
      return new HashJoinOperator(
          left, right, type, leftKeys, rightKeys, safe, rest, side, true, output);
    }
    long threshold = planner.conf().get(SQLConf.AUTO_BROADCAST_JOIN_THRESHOLD);
    boolean rightSmall = threshold >= 0 && estimateSize(j.right()) <= threshold;
    boolean leftSmall = threshold >= 0 && estimateSize(j.left()) <= threshold;
    BuildSide side = BuildSide.RIGHT;
    boolean broadcast = false;
    switch (type) {
      case RIGHT_OUTER -> {
        side = BuildSide.LEFT;
        broadcast = leftSmall;
      }
      case INNER, CROSS -> {
        broadcast = rightSmall || leftSmall;
        if (!rightSmall && leftSmall) side = BuildSide.LEFT;
      }
      case LEFT_OUTER, LEFT_SEMI, LEFT_ANTI -> broadcast = rightSmall;
      case FULL_OUTER -> broadcast = false;
    }
    if (planner.streaming() != null && j.left().isStreaming() != j.right().isStreaming()) {
      // a stream-static join builds (and keeps between micro-batches) the static side
      BuildSide staticSide = j.left().isStreaming() ? BuildSide.RIGHT : BuildSide.LEFT;
      boolean allowed =
          switch (type) {
            case INNER, CROSS -> true;
            case LEFT_OUTER, LEFT_SEMI, LEFT_ANTI -> staticSide == BuildSide.RIGHT;
            case RIGHT_OUTER -> staticSide == BuildSide.LEFT;
            case FULL_OUTER -> false;
          };
      if (allowed) {
        side = staticSide;
        broadcast = true;
      }
    }
    if (!broadcast) {
      left = planner.hashExchange(leftKeys, left, false);
      right = planner.hashExchange(rightKeys, right, false);
    }
    return new HashJoinOperator(
        left, right, type, leftKeys, rightKeys, safe, rest, side, broadcast, output);
  }

  private static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    if (e == null) return out;
    if (e instanceof And a) {
      out.addAll(conjuncts(a.left()));
      out.addAll(conjuncts(a.right()));
    } else {
      out.add(e);
    }
    return out;
  }

  private static Set<Long> ids(List<AttributeReference> attrs) {
    Set<Long> s = new HashSet<>();
    for (AttributeReference a : attrs) s.add(a.exprId());
    return s;
  }

  /** True when {@code e} reads some column and only columns of {@code side}. */
  private static boolean within(Expression e, Set<Long> side) {
    List<AttributeReference> refs = e.references();
    if (refs.isEmpty()) return false;
    for (AttributeReference a : refs) {
      if (!side.contains(a.exprId())) return false;
    }
    return true;
  }

  /** Upper bound of a plan's size in bytes when cheaply known, else {@code Long.MAX_VALUE}. */
  static long estimateSize(LogicalPlan p) {
    if (p instanceof LocalRelation r) return r.numRows() * rowWidth(r.output());
    if (p instanceof Range r) return r.count() * 8;
    if (p instanceof Project pr) {
      long child = estimateSize(pr.child());
      if (child == Long.MAX_VALUE) return child;
      return child / rowWidth(pr.child().output()) * rowWidth(pr.output());
    }
    if (p instanceof Filter
        || p instanceof SubqueryAlias
        || p instanceof Sort
        || p instanceof Limit
        || p instanceof Deduplicate
        || p instanceof Distinct) {
      return estimateSize(p.children().get(0));
    }
    return Long.MAX_VALUE;
  }

  private static long rowWidth(List<AttributeReference> attrs) {
    long w = 0;
    for (AttributeReference a : attrs) w += a.dataType().defaultSize();
    return Math.max(w, 1);
  }
}
