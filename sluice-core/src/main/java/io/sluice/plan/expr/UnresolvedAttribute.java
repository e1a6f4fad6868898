package io.sluice.plan.expr;

import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * A column name not yet bound: {@code a}, {@code t.a}, {@code a.b.c} (the analyzer decides which
 * parts are qualifiers, columns and struct fields).
 */
public record UnresolvedAttribute(List<String> nameParts)
    implements UnresolvedNamed, LeafExpression {

  public UnresolvedAttribute {
    nameParts = List.copyOf(nameParts);
  }

  /**
   * Parses a column name as Spark's {@code col()} does: dots separate parts, backquotes quote a
   * part that contains dots ({@code `a.b`.c}).
   */
  public static UnresolvedAttribute quoted(String name) {
    return new UnresolvedAttribute(parseAttributeName(name));
  }

  /** Splits {@code a.`b.c`.d} into {@code [a, b.c, d]}. */
  public static List<String> parseAttributeName(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuote = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (inQuote) {
        if (c == '`') {
          if (i + 1 < name.length() && name.charAt(i + 1) == '`') {
            cur.append('`');
            i++;
          } else {
            inQuote = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '`') {
        inQuote = true;
      } else if (c == '.') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (inQuote) {
      throw new IllegalArgumentException("Unclosed backquote in column name: " + name);
    }
    parts.add(cur.toString());
    return parts;
  }

  @Override
  public String name() {
    StringBuilder sb = new StringBuilder();
    for (String p : nameParts) {
      if (sb.length() > 0) sb.append('.');
      sb.append(p.contains(".") ? "`" + p + "`" : p);
    }
    return sb.toString();
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder();
    for (String p : nameParts) {
      if (sb.length() > 0) sb.append('.');
      sb.append(DataTypes.quoteIfNeeded(p));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "'" + name();
  }
}
