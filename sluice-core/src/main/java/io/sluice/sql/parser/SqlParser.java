package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.ParseException;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataType;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Spark SQL text into the logical plans and expressions the DataFrame API builds, so one
 * analyzer and one optimizer serve both. Syntax errors raise {@link ParseException} with error
 * class {@code PARSE_SYNTAX_ERROR}, the line and position, and the text with a caret under the
 * offending token.
 *
 * <p>Instances are cheap and not shared between threads. {@code ansi} chooses the evaluation mode
 * of arithmetic and casts (the session's {@code sluice.sql.ansi.enabled}), {@code zone} the time
 * zone {@code TIMESTAMP '...'} literals are read in (the session's {@code
 * sluice.sql.session.timeZone}).
 */
public final class SqlParser {
  private final boolean ansi;
  private final ZoneId zone;

  /** A parser building ANSI-mode arithmetic and casts (Spark 4's default) in the JVM's zone. */
  public SqlParser() {
    this(true);
  }

  public SqlParser(boolean ansi) {
    this(ansi, ZoneId.systemDefault());
  }

  public SqlParser(boolean ansi, ZoneId zone) {
    this.ansi = ansi;
    this.zone = zone;
  }

  /** One statement (a trailing {@code ;} is allowed). */
  public Statement parseStatement(String sql) {
    return parse(
        sql, SluiceSqlParser::singleStatement, (ctx, b) -> b.statements.visit(ctx.statement()));
  }

  /** A query ({@code SELECT}, {@code WITH}, {@code VALUES}); fails for other statements. */
  public LogicalPlan parseQuery(String sql) {
    Statement s = parseStatement(sql);
    if (s instanceof Statement.Query q) return q.plan();
    throw new ParseException(
        ErrorClass.PARSE_SYNTAX_ERROR,
        SluiceException.params(
            "error", "'" + sql.trim().split("\\s+")[0] + "'", "hint", ": a query was expected"),
        sql,
        1,
        0);
  }

  /**
   * One expression, optionally aliased ({@code a + 1 AS b} gives an alias), as {@code selectExpr},
   * {@code expr} and {@code filter(String)} take it.
   */
  public Expression parseExpression(String sql) {
    return parse(
        sql,
        SluiceSqlParser::singleExpression,
        (ctx, b) -> b.expressions.expression(ctx.namedExpression()));
  }

  /** A dotted name: {@code global_temp.v}, {@code `a.b`.c}. */
  public List<String> parseMultipartIdentifier(String sql) {
    return parse(
        sql,
        SluiceSqlParser::singleMultipartIdentifier,
        (ctx, b) -> Names.parts(ctx.multipartIdentifier()));
  }

  /** A data type by its SQL name: {@code INT}, {@code ARRAY<STRUCT<a: INT>>}. */
  public DataType parseDataType(String sql) {
    return parse(
        sql,
        SluiceSqlParser::singleDataType,
        (ctx, b) -> b.expressions.types().build(ctx.dataType()));
  }

  /** The builders of one parse, sharing the SQL text for error positions. */
  private static final class Builders {
    final ExpressionBuilder expressions;
    final PlanBuilder plans;
    final StatementBuilder statements;

    Builders(String command, boolean ansi, ZoneId zone) {
      expressions = new ExpressionBuilder(command, ansi, zone);
      plans = new PlanBuilder(command, expressions);
      expressions.plans(plans);
      statements = new StatementBuilder(command, plans);
    }
  }

  /** A builder step that may read the parse tree and the builders. */
  private interface Build<C, T> {
    T apply(C ctx, Builders builders);
  }

  /**
   * Parses with the fast SLL prediction first and falls back to full LL only when SLL fails (the
   * usual two-stage ANTLR strategy): most statements never pay for LL.
   */
  private <C extends ParserRuleContext, T> T parse(
      String sql, Function<SluiceSqlParser, C> rule, Build<C, T> build) {
    SluiceSqlLexer lexer = new SluiceSqlLexer(CharStreams.fromString(sql));
    lexer.removeErrorListeners();
    lexer.addErrorListener(new SyntaxErrors.Listener(sql));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    SluiceSqlParser parser = new SluiceSqlParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(new SyntaxErrors.Listener(sql));
    C tree;
    try {
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      tree = rule.apply(parser);
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new SyntaxErrors.Strategy(sql));
      tree = rule.apply(parser);
    }
    return build.apply(tree, new Builders(sql, ansi, zone));
  }
}
