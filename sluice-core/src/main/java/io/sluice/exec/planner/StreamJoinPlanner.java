package io.sluice.exec.planner;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.operator.Partitioning;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.operator.ShuffleExchangeOperator;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.logical.Join;
import io.sluice.streaming.operator.StreamingSymmetricHashJoinOperator;
import io.sluice.streaming.operator.StreamingSymmetricHashJoinOperator.TimeRange;
import io.sluice.types.DayTimeIntervalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans a join of two streams as a symmetric hash join over state: both sides hash-partitioned on
 * the equality keys into the shuffle partitions, and a time-range condition between the sides'
 * event-time columns ({@code BETWEEN ... INTERVAL ...}, or {@code >=}/{@code <=} pairs) turned into
 * the bounds that let state be evicted, as Spark derives them.
 */
final class StreamJoinPlanner {
  private StreamJoinPlanner() {}

  static PhysicalOperator plan(
      PhysicalPlanner planner,
      Join j,
      List<Expression> leftKeys,
      List<Expression> rightKeys,
      Expression rest) {
    if (leftKeys.isEmpty()) {
      throw unsupported("a stream-stream join without an equality condition between the streams");
    }
    int n = planner.conf().shufflePartitions();
    PhysicalOperator left =
        new ShuffleExchangeOperator(
            new Partitioning.Hash(new ArrayList<>(leftKeys), n), false, planner.plan(j.left()));
    PhysicalOperator right =
        new ShuffleExchangeOperator(
            new Partitioning.Hash(new ArrayList<>(rightKeys), n), false, planner.plan(j.right()));
    int[] lk = ordinals(leftKeys, left.output());
    int[] rk = ordinals(rightKeys, right.output());
    Map<Long, EventTimeKeys.Kind> leftTimes = EventTimeKeys.of(j.left());
    Map<Long, EventTimeKeys.Kind> rightTimes = EventTimeKeys.of(j.right());
    int lw = timeOrdinal(left.output(), leftTimes);
    int rw = timeOrdinal(right.output(), rightTimes);
    TimeRange range = rest == null ? null : timeRange(rest, left.output(), right.output());
    long id = planner.streaming().register("streamJoin " + j.joinType() + " keys=" + lk.length);
    return new StreamingSymmetricHashJoinOperator(
        id, j.joinType(), left, right, lk, rk, rest, j.output(), lw, rw, range);
  }

  private static int timeOrdinal(
      List<AttributeReference> out, Map<Long, EventTimeKeys.Kind> times) {
    for (int i = 0; i < out.size(); i++) {
      if (times.get(out.get(i).exprId()) == EventTimeKeys.Kind.TIMESTAMP) return i;
    }
    return -1;
  }

  private static int[] ordinals(List<Expression> keys, List<AttributeReference> out) {
    int[] o = new int[keys.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = -1;
      if (keys.get(i) instanceof AttributeReference a) {
        for (int j = 0; j < out.size(); j++) {
          if (out.get(j).exprId() == a.exprId()) o[i] = j;
        }
      }
      if (o[i] < 0) {
        throw unsupported(
            "a stream-stream join key that is an expression ("
                + keys.get(i).sql()
                + "); select it as a column of the stream first");
      }
    }
    return o;
  }

  /** A column plus a constant: {@code t}, {@code t + INTERVAL ...}, {@code t - INTERVAL ...}. */
  private record Shifted(AttributeReference column, long micros) {}

  private static Shifted shifted(Expression e) {
    if (e instanceof AttributeReference a) return new Shifted(a, 0);
    if (e instanceof BinaryArithmetic b
        && b.left() instanceof AttributeReference a
        && b.right() instanceof Literal l
        && l.dataType() instanceof DayTimeIntervalType
        && l.value() instanceof Number v) {
      if (b.op() == BinaryArithmetic.Op.ADD) return new Shifted(a, v.longValue());
      if (b.op() == BinaryArithmetic.Op.SUBTRACT) return new Shifted(a, -v.longValue());
    }
    // ts +/- INTERVAL as the analyzer writes it: timestamp_add_daytime(ts, [-]interval)
    if (e instanceof ScalarFunction f
        && f.name().equals("timestamp_add_daytime")
        && f.arguments().get(0) instanceof AttributeReference a) {
      Expression amount = f.arguments().get(1);
      long sign = 1;
      if (amount instanceof UnaryMinus m) {
        amount = m.child();
        sign = -1;
      }
      if (amount instanceof Literal l
          && l.dataType() instanceof DayTimeIntervalType
          && l.value() instanceof Number v) {
        return new Shifted(a, sign * v.longValue());
      }
    }
    return null;
  }

  /** The bounds on {@code left.t - right.t} the conjuncts of {@code cond} state, if any. */
  private static TimeRange timeRange(
      Expression cond, List<AttributeReference> leftOut, List<AttributeReference> rightOut) {
    Long lo = null;
    Long hi = null;
    int lt = -1;
    int rt = -1;
    for (Expression c : conjuncts(cond)) {
      if (!(c instanceof Comparison cmp)) continue;
      Shifted a = shifted(cmp.left());
      Shifted b = shifted(cmp.right());
      if (a == null || b == null) continue;
      int al = indexOf(leftOut, a.column());
      int br = indexOf(rightOut, b.column());
      int ar = indexOf(rightOut, a.column());
      int bl = indexOf(leftOut, b.column());
      Comparison.Op op = cmp.op();
      long k; // left.t - right.t  op'  k
      if (al >= 0 && br >= 0) {
        k = b.micros() - a.micros();
        lt = al;
        rt = br;
      } else if (ar >= 0 && bl >= 0) {
        // right.t + ca op left.t + cb  ->  left.t - right.t  flip(op)  ca - cb
        k = a.micros() - b.micros();
        op = flip(op);
        lt = bl;
        rt = ar;
      } else {
        continue;
      }
      switch (op) {
        case GE, GT -> lo = lo == null ? k : Math.max(lo, k);
        case LE, LT -> hi = hi == null ? k : Math.min(hi, k);
        default -> {}
      }
    }
    if (lo == null && hi == null) return null;
    return new TimeRange(lt, rt, lo, hi);
  }

  private static Comparison.Op flip(Comparison.Op op) {
    return switch (op) {
      case GE -> Comparison.Op.LE;
      case GT -> Comparison.Op.LT;
      case LE -> Comparison.Op.GE;
      case LT -> Comparison.Op.GT;
      default -> op;
    };
  }

  private static int indexOf(List<AttributeReference> out, AttributeReference a) {
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).exprId() == a.exprId()) return i;
    }
    return -1;
  }

  private static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    if (e instanceof io.sluice.plan.expr.And and) {
      out.addAll(conjuncts(and.left()));
      out.addAll(conjuncts(and.right()));
    } else {
      out.add(e);
    }
    return out;
  }

  private static SluiceRuntimeException unsupported(String what) {
    return new SluiceRuntimeException(
        ErrorClass.UNSUPPORTED_SQL_FEATURE, SluiceException.params("feature", what, "hint", ""));
  }
}
