package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands {@code *} (every input column), {@code t.*} (the columns qualified by {@code t}) and
 * {@code s.*} (every field of struct column {@code s}, each aliased to its field name), as Spark's
 * {@code UnresolvedStar.expand}.
 */
final class StarExpansion {
  private StarExpansion() {}

  static List<NamedExpression> expand(
      UnresolvedStar star, List<AttributeReference> input, AttributeResolver resolver) {
    List<String> target = star.target();
    if (target.isEmpty()) return new ArrayList<>(input);
    List<NamedExpression> qualified = new ArrayList<>();
    for (AttributeReference a : input) {
      if (resolver.qualifierMatches(a.qualifier(), target)) qualified.add(a);
    }
    if (!qualified.isEmpty()) return qualified;
    Optional<Expression> struct = resolver.resolve(target, input);
    if (struct.isPresent()) {
      Expression e = struct.get() instanceof Alias al ? al.child() : struct.get();
      if (!(e.dataType() instanceof StructType s)) {
        throw QueryErrors.error(
            ErrorClass.STAR_EXPAND_DATA_TYPE_NOT_SUPPORTED, "attributes", String.join(".", target));
      }
      List<NamedExpression> fields = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        String name = s.get(i).name();
        fields.add(Alias.of(new GetStructField(e, i, name), name));
      }
      return fields;
    }
    List<String> columns = new ArrayList<>();
    for (AttributeReference a : input) columns.add(QueryErrors.toSQLId(List.of(a.name())));
    throw QueryErrors.error(
        ErrorClass.CANNOT_RESOLVE_STAR_EXPAND,
        "targetString",
        QueryErrors.toSQLId(target),
        "columns",
        String.join(", ", columns));
  }

  /** Expands the stars of a projection or aggregation list; other items are kept. */
  static List<NamedExpression> expandList(
      List<NamedExpression> list, List<AttributeReference> input, AttributeResolver resolver) {
    boolean any = false;
    for (NamedExpression e : list) any |= isStar(e);
    if (!any) return list;
    List<NamedExpression> out = new ArrayList<>();
    for (NamedExpression e : list) {
      if (isStar(e)) {
        out.addAll(expand(star(e), input, resolver));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean isStar(Expression e) {
    return e instanceof UnresolvedStar
        || (e instanceof io.sluice.plan.expr.UnresolvedAlias ua
            && ua.child() instanceof UnresolvedStar);
  }

  private static UnresolvedStar star(Expression e) {
    return e instanceof UnresolvedStar s
        ? s
        : (UnresolvedStar) ((io.sluice.plan.expr.UnresolvedAlias) e).child();
  }
}
