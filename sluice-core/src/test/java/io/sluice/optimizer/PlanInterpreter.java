package io.sluice.optimizer;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A slow, obviously correct evaluator of logical plans over rows, used as the oracle that an
 * optimized plan returns the same rows as the original. Integral values are held as Long. Only the
 * nodes and expressions {@link RandomPlans} generates are supported.
 */
final class PlanInterpreter {
  private PlanInterpreter() {}

  /** The rows of {@code plan}, each aligned with {@code plan.output()}. */
  static List<Object[]> run(LogicalPlan plan) {
    if (plan instanceof LocalRelation r) return scan(r);
    if (plan instanceof Project p) {
      List<Object[]> out = new ArrayList<>();
      for (Object[] row : run(p.child())) {
        Object[] o = new Object[p.projectList().size()];
        for (int i = 0; i < o.length; i++) {
          o[i] = eval(p.projectList().get(i), p.child().output(), row);
        }
        out.add(o);
      }
      return out;
    }
    if (plan instanceof Filter f) {
      List<Object[]> out = new ArrayList<>();
      for (Object[] row : run(f.child())) {
        if (Boolean.TRUE.equals(eval(f.condition(), f.child().output(), row))) out.add(row);
      }
      return out;
    }
    if (plan instanceof Sort s) return run(s.child());
    if (plan instanceof SubqueryAlias s) return run(s.child());
    if (plan instanceof Join j) return join(j);
    if (plan instanceof Union u) {
      List<Object[]> out = new ArrayList<>();
      for (LogicalPlan c : u.children()) out.addAll(run(c));
      return out;
    }
    if (plan instanceof Distinct d) {
      Map<List<Object>, Object[]> seen = new LinkedHashMap<>();
      for (Object[] row : run(d.child())) seen.putIfAbsent(Arrays.asList(row), row);
      return new ArrayList<>(seen.values());
    }
    if (plan instanceof Deduplicate d) {
      Map<List<Object>, Object[]> first = new LinkedHashMap<>();
      for (Object[] row : run(d.child())) {
        List<Object> key = new ArrayList<>();
        for (AttributeReference k : d.keys()) key.add(eval(k, d.child().output(), row));
        first.putIfAbsent(key, row);
      }
      return new ArrayList<>(first.values());
    }
    if (plan instanceof Aggregate a) return aggregate(a);
    throw new IllegalArgumentException("interpreter: " + plan.nodeName());
  }

  private static List<Object[]> scan(LocalRelation r) {
    List<Object[]> out = new ArrayList<>();
    for (ColumnBatch b : r.data()) {
      for (int i = 0; i < b.numRows(); i++) {
        Object[] row = new Object[b.numColumns()];
        for (int c = 0; c < row.length; c++) row[c] = normalize(b.column(c).getObject(i));
        out.add(row);
      }
    }
    return out;
  }

  private static List<Object[]> join(Join j) {
    List<Object[]> left = run(j.left());
    List<Object[]> right = run(j.right());
    int nl = j.left().output().size();
    int nr = j.right().output().size();
    List<AttributeReference> schema = new ArrayList<>(j.left().output());
    schema.addAll(j.right().output());
    List<Object[]> out = new ArrayList<>();
    Set<Integer> matchedRight = new LinkedHashSet<>();
    for (Object[] l : left) {
      boolean matched = false;
      for (int ri = 0; ri < right.size(); ri++) {
        Object[] pair = concat(l, right.get(ri));
        if (j.condition() == null || Boolean.TRUE.equals(eval(j.condition(), schema, pair))) {
          matched = true;
          matchedRight.add(ri);
          if (!j.joinType().leftOnly()) out.add(pair);
        }
      }
      JoinType t = j.joinType();
      if (t == JoinType.LEFT_SEMI && matched) out.add(l);
      if (t == JoinType.LEFT_ANTI && !matched) out.add(l);
      if (!matched && (t == JoinType.LEFT_OUTER || t == JoinType.FULL_OUTER)) {
        out.add(concat(l, new Object[nr]));
      }
    }
    if (j.joinType() == JoinType.RIGHT_OUTER || j.joinType() == JoinType.FULL_OUTER) {
      for (int ri = 0; ri < right.size(); ri++) {
        if (!matchedRight.contains(ri)) out.add(concat(new Object[nl], right.get(ri)));
      }
    }
    return out;
  }

  private static List<Object[]> aggregate(Aggregate a) {
    List<AttributeReference> in = a.child().output();
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    for (Object[] row : run(a.child())) {
      List<Object> key = new ArrayList<>();
      for (Expression g : a.groupingExpressions()) key.add(eval(g, in, row));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    if (groups.isEmpty() && a.groupingExpressions().isEmpty()) groups.put(List.of(), List.of());
    List<Object[]> out = new ArrayList<>();
    for (List<Object[]> rows : groups.values()) {
      Object[] o = new Object[a.aggregateExpressions().size()];
      for (int i = 0; i < o.length; i++) {
        NamedExpression e = a.aggregateExpressions().get(i);
        Expression computed =
            e.transformUp(
                x ->
                    x instanceof AggregateCall call
                        ? new Literal(aggregateValue(call, in, rows), call.dataType())
                        : x);
        o[i] = eval(computed, in, rows.isEmpty() ? new Object[in.size()] : rows.get(0));
      }
      out.add(o);
    }
    return out;
  }

  private static Object aggregateValue(
      AggregateCall call, List<AttributeReference> in, List<Object[]> rows) {
    long count = 0;
    Long acc = null;
    for (Object[] row : rows) {
      Object v = eval(call.arguments().get(0), in, row);
      if (v == null) continue;
      long x = (Long) v;
      count++;
      acc =
          switch (call.function()) {
            case SUM -> acc == null ? x : acc + x;
            case MAX -> acc == null ? x : Math.max(acc, x);
            case MIN -> acc == null ? x : Math.min(acc, x);
            case COUNT, AVG -> null;
            // the random plans use only the functions above
            default -> throw new IllegalArgumentException(call.function().toString());
          };
    }
    return call.function() == AggregateCall.Function.COUNT ? (Object) count : acc;
  }

  static Object eval(Expression e, List<AttributeReference> schema, Object[] row) {
    if (e instanceof AttributeReference a) {
      for (int i = 0; i < schema.size(); i++) {
        if (schema.get(i).exprId() == a.exprId()) return row[i];
      }
      throw new IllegalStateException("no " + a + " in " + schema);
    }
    if (e instanceof Literal l) return normalize(l.value());
    if (e instanceof Alias al) return eval(al.child(), schema, row);
    if (e instanceof Cast c) return eval(c.child(), schema, row);
    if (e instanceof BinaryArithmetic b) {
      Object l = eval(b.left(), schema, row);
      Object r = eval(b.right(), schema, row);
      if (l == null || r == null) return null;
      return switch (b.op()) {
        case ADD -> Math.addExact((Long) l, (Long) r);
        case SUBTRACT -> Math.subtractExact((Long) l, (Long) r);
        case MULTIPLY -> Math.multiplyExact((Long) l, (Long) r);
        default -> throw new IllegalArgumentException(b.op().toString());
      };
    }
    if (e instanceof Comparison c) return compare(c, schema, row);
    if (e instanceof And and) {
      Object l = eval(and.left(), schema, row);
      Object r = eval(and.right(), schema, row);
      if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) return false;
      return l == null || r == null ? null : true;
    }
    if (e instanceof Or or) {
      Object l = eval(or.left(), schema, row);
      Object r = eval(or.right(), schema, row);
      if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) return true;
      return l == null || r == null ? null : false;
    }
    if (e instanceof Not not) {
      Object v = eval(not.child(), schema, row);
      return v == null ? null : !(Boolean) v;
    }
    if (e instanceof IsNull n) return eval(n.child(), schema, row) == null;
    if (e instanceof IsNotNull n) return eval(n.child(), schema, row) != null;
    if (e instanceof Coalesce c) {
      for (Expression arg : c.arguments()) {
        Object v = eval(arg, schema, row);
        if (v != null) return v;
      }
      return null;
    }
    throw new IllegalArgumentException("interpreter: " + e.getClass().getSimpleName());
  }

  private static Object compare(Comparison c, List<AttributeReference> schema, Object[] row) {
    Object l = eval(c.left(), schema, row);
    Object r = eval(c.right(), schema, row);
    if (c.op() == Comparison.Op.NULL_SAFE_EQ) {
      return l == null || r == null ? l == r : l.equals(r);
    }
    if (l == null || r == null) return null;
    int cmp = ((Long) l).compareTo((Long) r);
    return switch (c.op()) {
      case EQ -> cmp == 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case NULL_SAFE_EQ -> throw new IllegalStateException();
    };
  }

  private static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return v;
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] o = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, o, a.length, b.length);
    return o;
  }

  /** The rows as sorted text, for comparing results as bags. */
  static List<String> bag(List<Object[]> rows) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows) out.add(Arrays.toString(r));
    out.sort(null);
    return out;
  }
}
