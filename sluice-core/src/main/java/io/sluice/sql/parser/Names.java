package io.sluice.sql.parser;

import io.sluice.sql.parser.SluiceSqlParser.FieldIdentifierContext;
import io.sluice.sql.parser.SluiceSqlParser.IdentifierContext;
import io.sluice.sql.parser.SluiceSqlParser.MultipartIdentifierContext;
import io.sluice.sql.parser.SluiceSqlParser.QualifiedNameContext;
import io.sluice.sql.parser.SluiceSqlParser.QuotedIdentifierContext;
import java.util.ArrayList;
import java.util.List;

/** Names from identifier nodes: backquotes removed ({@code `a``b`} is {@code a`b}). */
final class Names {
  private Names() {}

  static String identifier(IdentifierContext ctx) {
    if (ctx instanceof QuotedIdentifierContext q) {
      String t = q.getText();
      return t.substring(1, t.length() - 1).replace("``", "`");
    }
    return ctx.getText();
  }

  static String field(FieldIdentifierContext ctx) {
    return ctx.identifier() != null ? identifier(ctx.identifier()) : ctx.getText();
  }

  static List<String> parts(MultipartIdentifierContext ctx) {
    List<String> out = new ArrayList<>();
    for (IdentifierContext i : ctx.parts) out.add(identifier(i));
    return out;
  }

  static List<String> parts(QualifiedNameContext ctx) {
    List<String> out = new ArrayList<>();
    for (IdentifierContext i : ctx.identifier()) out.add(identifier(i));
    return out;
  }
}
