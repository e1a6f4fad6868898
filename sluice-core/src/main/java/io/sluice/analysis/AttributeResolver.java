package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnresolvedAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a multi-part name to input columns as Spark's {@code AttributeSeq.resolve}: the longest
 * qualifier that matches wins ({@code db.t.a}, then {@code t.a}), then the unqualified name;
 * remaining parts are struct fields (or map keys), extracted one by one and aliased to the last
 * part's name. More than one matching column is {@code AMBIGUOUS_REFERENCE}.
 */
final class AttributeResolver {
  private final NameMatcher names;
  private final boolean ansi;

  AttributeResolver(NameMatcher names, boolean ansi) {
    this.names = names;
    this.ansi = ansi;
  }

  NameMatcher names() {
    return names;
  }

  /**
   * The column (an attribute) or nested field (an {@link Alias} of the extraction) named by {@code
   * parts}, or empty when no column matches.
   */
  Optional<Expression> resolve(List<String> parts, List<AttributeReference> input) {
    for (int q = Math.min(3, parts.size() - 1); q >= 0; q--) {
      List<String> qualifier = parts.subList(0, q);
      String name = parts.get(q);
      Map<Long, AttributeReference> matches = new LinkedHashMap<>();
      for (AttributeReference a : input) {
        if (names.matches(a.name(), name) && qualifierMatches(a.qualifier(), qualifier)) {
          matches.putIfAbsent(a.exprId(), a);
        }
      }
      if (matches.isEmpty()) continue;
      if (matches.size() > 1) throw ambiguous(parts, new ArrayList<>(matches.values()));
      AttributeReference a = matches.values().iterator().next();
      List<String> nested = parts.subList(q + 1, parts.size());
      if (nested.isEmpty()) return Optional.of(a);
      Expression e = a;
      for (String field : nested) e = ExtractValues.extract(e, Literal.of(field), names, ansi);
      return Optional.of(Alias.of(e, nested.get(nested.size() - 1)));
    }
    return Optional.empty();
  }

  /** True when {@code qualifier} is a suffix of the column's qualifier. */
  boolean qualifierMatches(List<String> attrQualifier, List<String> qualifier) {
    if (qualifier.size() > attrQualifier.size()) return false;
    List<String> tail =
        attrQualifier.subList(attrQualifier.size() - qualifier.size(), attrQualifier.size());
    return names.matches(tail, qualifier);
  }

  private static RuntimeException ambiguous(List<String> parts, List<AttributeReference> refs) {
    List<String> refNames = new ArrayList<>();
    for (AttributeReference r : refs) {
      List<String> full = new ArrayList<>(r.qualifier());
      full.add(r.name());
      refNames.add(QueryErrors.toSQLId(full));
    }
    refNames.sort(null);
    return QueryErrors.error(
        ErrorClass.AMBIGUOUS_REFERENCE,
        "name",
        QueryErrors.toSQLId(new UnresolvedAttribute(parts).name()),
        "referenceNames",
        "[" + String.join(", ", refNames) + "]");
  }
}
