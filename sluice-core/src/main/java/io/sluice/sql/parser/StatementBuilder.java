package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.sql.parser.SluiceSqlParser.CreateTempViewContext;
import io.sluice.sql.parser.SluiceSqlParser.DescribeFunctionContext;
import io.sluice.sql.parser.SluiceSqlParser.DescribeRelationContext;
import io.sluice.sql.parser.SluiceSqlParser.DropViewContext;
import io.sluice.sql.parser.SluiceSqlParser.ExplainContext;
import io.sluice.sql.parser.SluiceSqlParser.QueryStatementContext;
import io.sluice.sql.parser.SluiceSqlParser.ResetConfigurationContext;
import io.sluice.sql.parser.SluiceSqlParser.SetConfigurationContext;
import io.sluice.sql.parser.SluiceSqlParser.ShowFunctionsContext;
import io.sluice.sql.parser.SluiceSqlParser.ShowTablesContext;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds {@link Statement}s from the {@code statement} rule. */
final class StatementBuilder extends SluiceSqlBaseVisitor<Statement> {
  private final String command;
  private final PlanBuilder plans;

  StatementBuilder(String command, PlanBuilder plans) {
    this.command = command;
    this.plans = plans;
  }

  @Override
  public Statement visitQueryStatement(QueryStatementContext ctx) {
    return new Statement.Query(plans.plan(ctx.query()));
  }

  @Override
  public Statement visitCreateTempView(CreateTempViewContext ctx) {
    List<String> name = Names.parts(ctx.multipartIdentifier());
    if (name.size() != 1) {
      throw SyntaxErrors.error(
          command,
          ctx.multipartIdentifier().getStart(),
          ErrorClass.UNSUPPORTED_SQL_FEATURE,
          SluiceException.params(
              "feature", "A database in the name of a temporary view",
              "hint", "Name the view without a qualifier."));
    }
    return new Statement.CreateTempView(
        name.get(0), plans.plan(ctx.query()), ctx.REPLACE() != null, ctx.GLOBAL() != null);
  }

  @Override
  public Statement visitDropView(DropViewContext ctx) {
    return new Statement.DropView(Names.parts(ctx.multipartIdentifier()), ctx.EXISTS() != null);
  }

  @Override
  public Statement visitShowTables(ShowTablesContext ctx) {
    List<String> ns =
        ctx.multipartIdentifier() == null ? List.of() : Names.parts(ctx.multipartIdentifier());
    String pattern = ctx.pattern == null ? null : LiteralBuilder.string(List.of(ctx.pattern));
    return new Statement.ShowTables(ns, pattern, ctx.VIEWS() != null);
  }

  @Override
  public Statement visitShowFunctions(ShowFunctionsContext ctx) {
    return new Statement.ShowFunctions(
        ctx.pattern == null ? null : LiteralBuilder.string(List.of(ctx.pattern)));
  }

  @Override
  public Statement visitDescribeRelation(DescribeRelationContext ctx) {
    return new Statement.DescribeRelation(
        Names.parts(ctx.multipartIdentifier()), ctx.EXTENDED() != null);
  }

  @Override
  public Statement visitDescribeFunction(DescribeFunctionContext ctx) {
    return new Statement.DescribeFunction(
        ExpressionBuilder.functionName(ctx.functionName()), ctx.EXTENDED() != null);
  }

  @Override
  public Statement visitExplain(ExplainContext ctx) {
    String mode =
        ctx.explainMode == null ? "simple" : ctx.explainMode.getText().toLowerCase(Locale.ROOT);
    return new Statement.Explain(ctx.statement().accept(this), mode);
  }

  @Override
  public Statement visitSetConfiguration(SetConfigurationContext ctx) {
    String rest = textAfter(ctx.SET().getSymbol(), ctx);
    if (rest.isEmpty()) return new Statement.SetConfig(null, null, false);
    if (rest.equals("-v")) return new Statement.SetConfig(null, null, true);
    int eq = rest.indexOf('=');
    if (eq < 0) return new Statement.SetConfig(key(rest, ctx), null, false);
    return new Statement.SetConfig(
        key(rest.substring(0, eq).trim(), ctx), rest.substring(eq + 1).trim(), false);
  }

  @Override
  public Statement visitResetConfiguration(ResetConfigurationContext ctx) {
    String rest = textAfter(ctx.RESET().getSymbol(), ctx);
    return new Statement.ResetConfig(rest.isEmpty() ? null : key(rest, ctx));
  }

  /** A configuration key: no spaces; backquotes are removed. */
  private String key(String text, ParserRuleContext ctx) {
    String k =
        text.startsWith("`") && text.endsWith("`") && text.length() > 1
            ? text.substring(1, text.length() - 1)
            : text;
    if (k.isEmpty() || k.chars().anyMatch(Character::isWhitespace)) {
      throw SyntaxErrors.error(
          command,
          ctx.getStart(),
          ErrorClass.PARSE_SYNTAX_ERROR,
          SluiceException.params(
              "error",
              "'" + text + "'",
              "hint",
              ": a configuration key has no spaces (use SET key=value)"));
    }
    return k;
  }

  /** The statement's text after {@code keyword}, trimmed (comments included as written). */
  private String textAfter(Token keyword, ParserRuleContext ctx) {
    int from = keyword.getStopIndex() + 1;
    int to = ctx.getStop() == null ? from - 1 : ctx.getStop().getStopIndex();
    if (to < from) return "";
    return command.substring(from, to + 1).trim();
  }
}
