package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.OuterReference;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Exists;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.InSubquery;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.ScalarSubquery;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.plan.logical.SubqueryExpression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The check phase for subquery expressions: Spark's errors for a scalar subquery of several
 * columns, a correlated scalar subquery that does not aggregate, and {@code IN} sides that do not
 * match; and clear errors for the forms Sluice does not run yet. Supported: scalar subqueries in
 * projections, filters and aggregations; {@code [NOT] EXISTS} and {@code [NOT] IN} as conditions of
 * {@code WHERE}/{@code HAVING} (joined by {@code AND}), and uncorrelated {@code EXISTS} anywhere a
 * scalar subquery may be. A correlated subquery may read outer columns only in the conditions of
 * its {@code WHERE} clauses, above which there are only projections, filters and (with equality
 * conditions) one aggregation.
 */
final class SubqueryChecks {
  private SubqueryChecks() {}

  static void check(LogicalPlan op) {
    Set<Expression> predicates = Collections.newSetFromMap(new IdentityHashMap<>());
    if (op instanceof Filter f) {
      for (Expression c : conjuncts(f.condition())) {
        Expression inner = c instanceof Not n ? n.child() : c;
        if (inner instanceof Exists || inner instanceof InSubquery) predicates.add(inner);
      }
    }
    for (Expression e : op.expressions()) {
      for (SubqueryExpression s : e.collect(SubqueryExpression.class)) {
        if (!s.plan().resolved()) continue;
        checkPosition(op, s, predicates.contains(s));
        checkShape(s);
        if (s.correlated()) checkCorrelation(s);
      }
    }
  }

  private static void checkPosition(LogicalPlan op, SubqueryExpression s, boolean predicate) {
    boolean valueOperator =
        op instanceof Project || op instanceof Filter || op instanceof Aggregate;
    boolean ok;
    if (s instanceof ScalarSubquery) {
      ok = valueOperator;
    } else if (s instanceof Exists) {
      ok = predicate || (valueOperator && !s.correlated());
    } else {
      ok = predicate;
    }
    if (ok) return;
    String where = op.getClass().getSimpleName();
    if (s instanceof ScalarSubquery) {
      throw unsupported(
          "A scalar subquery in a " + where + " operator",
          "Use scalar subqueries in the SELECT list, WHERE or HAVING.");
    }
    throw unsupported(
        (s instanceof Exists ? "A correlated EXISTS" : "IN (SELECT ...)")
            + " outside the AND-ed conditions of WHERE or HAVING",
        "Use it as a condition of WHERE or HAVING (combined with AND, possibly negated with NOT),"
            + " or write the join explicitly.");
  }

  private static void checkShape(SubqueryExpression s) {
    List<AttributeReference> out = s.plan().output();
    if (s instanceof ScalarSubquery && out.size() != 1) {
      throw QueryErrors.error(
          ErrorClass.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN,
          "number",
          String.valueOf(out.size()));
    }
    if (s instanceof InSubquery in) checkIn(in, out);
  }

  private static void checkIn(InSubquery in, List<AttributeReference> out) {
    List<String> left = new ArrayList<>();
    for (Expression v : in.values()) left.add(toSQLExpr(v));
    List<String> right = new ArrayList<>();
    for (AttributeReference a : out) right.add(toSQLExpr(a));
    if (out.size() != in.values().size()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_IN_SUBQUERY_LENGTH_MISMATCH,
          "sqlExpr",
          toSQLExpr(in),
          "leftLength",
          String.valueOf(in.values().size()),
          "rightLength",
          String.valueOf(out.size()),
          "leftColumns",
          String.join(", ", left),
          "rightColumns",
          String.join(", ", right));
    }
    List<String> mismatched = new ArrayList<>();
    List<String> leftTypes = new ArrayList<>();
    List<String> rightTypes = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Expression v = in.values().get(i);
      AttributeReference c = out.get(i);
      leftTypes.add(toSQLType(v.dataType()));
      rightTypes.add(toSQLType(c.dataType()));
      if (!io.sluice.types.DataTypes.equalsIgnoreNullability(v.dataType(), c.dataType())) {
        mismatched.add(
            "("
                + v.sql()
                + ":"
                + v.dataType().catalogString()
                + ", "
                + c.sql()
                + ":"
                + c.dataType().catalogString()
                + ")");
      }
    }
    if (!mismatched.isEmpty()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_IN_SUBQUERY_DATA_TYPE_MISMATCH,
          "sqlExpr",
          toSQLExpr(in),
          "mismatchedColumns",
          String.join(", ", mismatched),
          "leftType",
          String.join(", ", leftTypes),
          "rightType",
          String.join(", ", rightTypes));
    }
  }

  /** The correlated forms the optimizer can turn into joins (see the class comment). */
  private static void checkCorrelation(SubqueryExpression s) {
    LogicalPlan root = s.plan();
    while (root instanceof SubqueryAlias || root instanceof Project) root = root.children().get(0);
    if (s instanceof ScalarSubquery) {
      if (!(root instanceof Aggregate a)) {
        throw QueryErrors.error(ErrorClass.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY);
      }
      if (!a.groupingExpressions().isEmpty()) {
        List<String> names = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) names.add(g.sql());
        throw QueryErrors.error(
            ErrorClass.NON_CORRELATED_COLUMNS_IN_GROUP_BY, "value", String.join(",", names));
      }
    }
    checkCorrelated(s.plan(), false);
  }

  private static void checkCorrelated(LogicalPlan p, boolean underAggregate) {
    if (!readsOuter(p)) return;
    if (p instanceof Filter f) {
      for (Expression c : conjuncts(f.condition())) {
        if (underAggregate && hasOuter(c) && !isEquality(c)) {
          throw unsupported(
              "A correlated condition other than an equality below an aggregation ("
                  + c.sql()
                  + ")",
              "Correlate aggregating subqueries with equalities (inner = outer).");
        }
      }
      checkCorrelated(f.child(), underAggregate);
      return;
    }
    if (p instanceof SubqueryAlias || p instanceof Project || p instanceof Aggregate) {
      for (Expression e : p.expressions()) {
        if (hasOuter(e)) {
          throw unsupported(
              "A column of the outer query outside the WHERE clause of a subquery ("
                  + e.sql()
                  + ")",
              "Read outer columns only in the subquery's WHERE conditions.");
        }
      }
      checkCorrelated(p.children().get(0), underAggregate || p instanceof Aggregate);
      return;
    }
    throw unsupported(
        "A correlated condition below " + p.getClass().getSimpleName() + " in a subquery",
        "Correlate in a WHERE clause above any JOIN, UNION, ORDER BY or LIMIT of the subquery.");
  }

  /** {@code inner = outer}: one side reads only the subquery, the other only the outer query. */
  private static boolean isEquality(Expression c) {
    if (!(c instanceof Comparison cmp) || cmp.op() != Comparison.Op.EQ) return false;
    return hasOuter(cmp.left()) != hasOuter(cmp.right())
        && (cmp.left().references().isEmpty() || cmp.right().references().isEmpty());
  }

  static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    if (e instanceof And a) {
      out.addAll(conjuncts(a.left()));
      out.addAll(conjuncts(a.right()));
    } else {
      out.add(e);
    }
    return out;
  }

  static boolean hasOuter(Expression e) {
    return e.exists(x -> x instanceof OuterReference);
  }

  private static boolean readsOuter(LogicalPlan p) {
    return !SubqueryExpression.outerAttributes(p).isEmpty();
  }

  private static RuntimeException unsupported(String feature, String hint) {
    return QueryErrors.error(ErrorClass.UNSUPPORTED_SQL_FEATURE, "feature", feature, "hint", hint);
  }
}
