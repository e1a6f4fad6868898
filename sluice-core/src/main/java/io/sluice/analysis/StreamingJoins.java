package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.streaming.OutputMode;
import io.sluice.types.CalendarInterval;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.TimestampType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spark's rules for joins in a streaming query: which side of each join type may be a stream, in
 * which output modes two streams may be joined, and when an outer or semi join of two streams can
 * ever emit or evict its state (a watermark in the join keys, or a watermark on one side and a
 * range condition that bounds the other side's event time by it).
 */
final class StreamingJoins {
  private StreamingJoins() {}

  /** Throws when {@code join} cannot run in a streaming query in {@code mode}. */
  static void check(Join join, OutputMode mode, StreamingColumns columns) {
    boolean leftStream = join.left().isStreaming();
    boolean rightStream = join.right().isStreaming();
    if (leftStream && rightStream) {
      checkStreamStream(join, mode, columns);
    } else if (leftStream || rightStream) {
      checkStreamStatic(join.joinType(), leftStream);
    }
  }

  /** One side is a stream, the other static. */
  private static void checkStreamStatic(JoinType type, boolean leftStream) {
    switch (type) {
      case INNER, CROSS -> {}
      case FULL_OUTER ->
          throw sideError(
              type,
              leftStream,
              false,
              "A full outer join needs streams with watermarks on both sides.");
      case LEFT_OUTER, LEFT_SEMI -> {
        if (!leftStream) {
          throw sideError(type, false, false, "Put the stream on the left side.");
        }
      }
      case LEFT_ANTI -> {
        if (!leftStream) {
          throw sideError(type, false, false, "The right side of an anti join must be static.");
        }
      }
      case RIGHT_OUTER -> {
        if (leftStream) {
          throw sideError(
              type, true, false, "Put the stream on the right side, or use a left outer join.");
        }
      }
    }
  }

  /** Both sides are streams. */
  private static void checkStreamStream(Join join, OutputMode mode, StreamingColumns columns) {
    JoinType type = join.joinType();
    boolean outer =
        type == JoinType.LEFT_OUTER || type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
    if (outer && mode != OutputMode.APPEND) {
      throw modeError(type, mode, "Append");
    }
    if (mode == OutputMode.COMPLETE) {
      throw modeError(type, mode, "Append or Update");
    }
    switch (type) {
      case INNER, CROSS -> {}
      case LEFT_ANTI ->
          throw sideError(type, false, true, "The right side of an anti join must be static.");
      case LEFT_OUTER, LEFT_SEMI -> checkWatermark(join, columns, true, "right", "left");
      case RIGHT_OUTER -> checkWatermark(join, columns, false, "left", "right");
      case FULL_OUTER -> checkWatermark(join, columns, null, "one", "other");
    }
    if (equiKeys(join).isEmpty()) {
      throw new AnalysisException(
          ErrorClass.STREAMING_JOIN_WITHOUT_EQUALITY,
          SluiceException.params("joinType", type.planName()));
    }
  }

  /**
   * Spark's condition for a stream-stream outer or semi join: a watermarked column among the
   * equi-join keys, or a range condition that gives the state of the preserved side a watermark
   * ({@code stateLeft} null: either side will do, as for full outer joins).
   */
  private static void checkWatermark(
      Join join, StreamingColumns columns, Boolean stateLeft, String nullable, String preserved) {
    if (watermarkInJoinKeys(join, columns)) return;
    boolean left =
        !Boolean.FALSE.equals(stateLeft)
            && hasStateWatermark(join.condition(), join.left(), join.right(), columns);
    boolean right =
        !Boolean.TRUE.equals(stateLeft)
            && hasStateWatermark(join.condition(), join.right(), join.left(), columns);
    if (left || right) return;
    throw new AnalysisException(
        ErrorClass.STREAMING_JOIN_WITHOUT_WATERMARK,
        SluiceException.params(
            "joinType",
            join.joinType().planName(),
            "nullableSide",
            nullable,
            "preservedSide",
            preserved));
  }

  /** An equality between an expression of the left side and one of the right side. */
  record EquiKey(Expression left, Expression right) {}

  /** The equi-join keys of the condition's conjuncts, as Spark's {@code ExtractEquiJoinKeys}. */
  static List<EquiKey> equiKeys(Join join) {
    List<EquiKey> keys = new ArrayList<>();
    if (join.condition() == null) return keys;
    Set<Long> leftIds = ids(join.left().output());
    Set<Long> rightIds = ids(join.right().output());
    for (Expression c : conjuncts(join.condition())) {
      if (!(c instanceof Comparison cmp)
          || (cmp.op() != Comparison.Op.EQ && cmp.op() != Comparison.Op.NULL_SAFE_EQ)) {
        continue;
      }
      Set<Long> l = ids(cmp.left().references());
      Set<Long> r = ids(cmp.right().references());
      if (l.isEmpty() || r.isEmpty()) continue;
      if (leftIds.containsAll(l) && rightIds.containsAll(r)) {
        keys.add(new EquiKey(cmp.left(), cmp.right()));
      } else if (rightIds.containsAll(l) && leftIds.containsAll(r)) {
        keys.add(new EquiKey(cmp.right(), cmp.left()));
      }
    }
    return keys;
  }

  private static boolean watermarkInJoinKeys(Join join, StreamingColumns columns) {
    for (EquiKey k : equiKeys(join)) {
      if (columns.isEventTimeColumn(join.left(), k.left())
          || columns.isEventTimeColumn(join.right(), k.right())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some conjunct {@code a < b} (or {@code <=, >, >=}) of {@code condition} bounds a column
   * of {@code stateSide} from below by a watermarked column of {@code watermarkSide}: then the
   * state of {@code stateSide} has a watermark (Spark's {@code getStateValueWatermark}). Each side
   * must be one column plus or minus constants (numbers, day-time intervals, timestamps).
   */
  static boolean hasStateWatermark(
      Expression condition,
      LogicalPlan stateSide,
      LogicalPlan watermarkSide,
      StreamingColumns columns) {
    if (condition == null || !columns.hasEventTime(watermarkSide)) return false;
    Sides sides =
        new Sides(
            ids(stateSide.output()),
            ids(watermarkSide.output()),
            columns.eventTimeIds(watermarkSide));
    for (Expression c : conjuncts(condition)) {
      if (!(c instanceof Comparison cmp)) continue;
      boolean bounded =
          switch (cmp.op()) {
            case LT, LE -> boundsStateFromBelow(cmp.left(), cmp.right(), sides);
            case GT, GE -> boundsStateFromBelow(cmp.right(), cmp.left(), sides);
            case EQ, NULL_SAFE_EQ -> false;
          };
      if (bounded) return true;
    }
    return false;
  }

  /** The columns of the side whose state needs a watermark and of the side that has one. */
  private record Sides(Set<Long> state, Set<Long> other, Set<Long> watermarked) {}

  /** One summand of {@code smaller - larger}: a column (or null for a constant) and its sign. */
  private record Term(AttributeReference column, boolean negated) {}

  /** For {@code smaller < larger}: is the state column on the larger side, alone among terms? */
  private static boolean boundsStateFromBelow(Expression smaller, Expression larger, Sides sides) {
    Set<Long> refs = ids(smaller.references());
    refs.addAll(ids(larger.references()));
    int stateRefs = 0;
    int otherRefs = 0;
    for (long id : refs) {
      if (sides.state().contains(id)) stateRefs++;
      if (sides.other().contains(id)) otherRefs++;
    }
    if (stateRefs > 1 || otherRefs > 1) return false;
    List<Term> terms = new ArrayList<>();
    if (!collectTerms(smaller, false, terms) || !collectTerms(larger, true, terms)) return false;
    Term constraint = null;
    for (Term t : terms) {
      if (t.column() == null) continue;
      long id = t.column().exprId();
      if (sides.state().contains(id)) {
        if (constraint != null) return false;
        constraint = t;
      } else if (!sides.watermarked().contains(id)) {
        return false; // a column whose value the watermark does not bound
      }
    }
    return constraint != null && constraint.negated();
  }

  /** Splits {@code e} into signed summands; false when it is not such a sum. */
  private static boolean collectTerms(Expression e, boolean negate, List<Term> out) {
    List<Expression> shift = DateArithmetic.timestampShiftOperands(e);
    if (shift != null) {
      // ts + interval (the interval negated for ts - interval), as the analyzer writes it
      return collectTerms(shift.get(0), negate, out) && collectTerms(shift.get(1), negate, out);
    }
    if (e instanceof BinaryArithmetic b) {
      return switch (b.op()) {
        case ADD -> collectTerms(b.left(), negate, out) && collectTerms(b.right(), negate, out);
        case SUBTRACT ->
            collectTerms(b.left(), negate, out) && collectTerms(b.right(), !negate, out);
        default -> false;
      };
    }
    if (e instanceof UnaryMinus m) return collectTerms(m.child(), !negate, out);
    if (e instanceof Cast c) {
      DataType t = c.dataType();
      return (t.isNumeric() || t instanceof TimestampType) && collectTerms(c.child(), negate, out);
    }
    if (e instanceof AttributeReference a) {
      out.add(new Term(a, negate));
      return true;
    }
    if (e instanceof Literal l) {
      out.add(new Term(null, negate));
      return isTimeConstant(l);
    }
    return false;
  }

  /** Constants a time bound may add: numbers, timestamps and intervals without months. */
  private static boolean isTimeConstant(Literal l) {
    DataType t = l.dataType();
    if (t instanceof CalendarIntervalType) {
      return l.value() instanceof CalendarInterval ci && ci.months() == 0;
    }
    return t instanceof DayTimeIntervalType || t instanceof TimestampType || t.isNumeric();
  }

  static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    addConjuncts(e, out);
    return out;
  }

  private static void addConjuncts(Expression e, List<Expression> out) {
    if (e instanceof And a) {
      addConjuncts(a.left(), out);
      addConjuncts(a.right(), out);
    } else {
      out.add(e);
    }
  }

  private static Set<Long> ids(List<AttributeReference> attrs) {
    Set<Long> out = new HashSet<>();
    for (AttributeReference a : attrs) out.add(a.exprId());
    return out;
  }

  private static AnalysisException modeError(JoinType type, OutputMode mode, String supported) {
    return new AnalysisException(
        ErrorClass.STREAMING_JOIN_OUTPUT_MODE,
        SluiceException.params(
            "joinType",
            type.planName(),
            "outputMode",
            mode.toString(),
            "supportedModes",
            supported));
  }

  /**
   * A join type that does not allow a stream on one side: {@code streamLeft} tells which side is
   * the stream at fault, {@code otherStreaming} whether the other side is a stream too.
   */
  private static AnalysisException sideError(
      JoinType type, boolean streamLeft, boolean otherStreaming, String hint) {
    return new AnalysisException(
        ErrorClass.STREAMING_JOIN_STREAMING_SIDE,
        SluiceException.params(
            "joinType",
            type.planName(),
            "side",
            streamLeft ? "left" : "right",
            "other",
            otherStreaming ? "another streaming DataFrame/Dataset" : "a static DataFrame/Dataset",
            "otherSide",
            streamLeft ? "right" : "left",
            "hint",
            hint));
  }
}
