package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.SpecialFrameBoundary;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedNamedLambdaVariable;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.expr.UnresolvedWindowExpression;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.expr.WindowFrame;
import io.sluice.plan.logical.Exists;
import io.sluice.plan.logical.InSubquery;
import io.sluice.plan.logical.ScalarSubquery;
import io.sluice.sql.parser.SluiceSqlParser.ArithmeticBinaryContext;
import io.sluice.sql.parser.SluiceSqlParser.ArithmeticUnaryContext;
import io.sluice.sql.parser.SluiceSqlParser.CastByColonContext;
import io.sluice.sql.parser.SluiceSqlParser.CastContext;
import io.sluice.sql.parser.SluiceSqlParser.ColumnReferenceContext;
import io.sluice.sql.parser.SluiceSqlParser.ComparisonContext;
import io.sluice.sql.parser.SluiceSqlParser.CurrentLikeContext;
import io.sluice.sql.parser.SluiceSqlParser.DereferenceContext;
import io.sluice.sql.parser.SluiceSqlParser.ExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.FrameBoundContext;
import io.sluice.sql.parser.SluiceSqlParser.FunctionCallContext;
import io.sluice.sql.parser.SluiceSqlParser.FunctionNameContext;
import io.sluice.sql.parser.SluiceSqlParser.IdentifierContext;
import io.sluice.sql.parser.SluiceSqlParser.LambdaContext;
import io.sluice.sql.parser.SluiceSqlParser.LogicalBinaryContext;
import io.sluice.sql.parser.SluiceSqlParser.LogicalNotContext;
import io.sluice.sql.parser.SluiceSqlParser.NamedExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.ParenthesizedExpressionContext;
import io.sluice.sql.parser.SluiceSqlParser.PlainArgumentContext;
import io.sluice.sql.parser.SluiceSqlParser.PredicateContext;
import io.sluice.sql.parser.SluiceSqlParser.PredicatedContext;
import io.sluice.sql.parser.SluiceSqlParser.SearchedCaseContext;
import io.sluice.sql.parser.SluiceSqlParser.SimpleCaseContext;
import io.sluice.sql.parser.SluiceSqlParser.SortItemContext;
import io.sluice.sql.parser.SluiceSqlParser.StarContext;
import io.sluice.sql.parser.SluiceSqlParser.SubscriptContext;
import io.sluice.sql.parser.SluiceSqlParser.WhenClauseContext;
import io.sluice.sql.parser.SluiceSqlParser.WindowDefContext;
import io.sluice.sql.parser.SluiceSqlParser.WindowFrameContext;
import io.sluice.sql.parser.SluiceSqlParser.WindowRefContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds expressions from the parse tree, as the DataFrame API builds them for the same meaning:
 * {@code a + 1} is {@code col("a").plus(1)}, {@code a BETWEEN x AND y} is {@code a >= x AND a <=
 * y}, {@code a != b} is {@code NOT (a = b)}, {@code count(*)} is {@code count(1)}. Function calls
 * stay unresolved for the analyzer's registry. Literals are delegated to {@link LiteralBuilder}.
 */
final class ExpressionBuilder extends SluiceSqlBaseVisitor<Expression> {
  private final String command;
  private final EvalMode mode;
  private final DataTypeBuilder types;
  private final LiteralBuilder literals;
  private PlanBuilder plans; // set once the plan builder exists (subqueries in expressions)

  ExpressionBuilder(String command, boolean ansi, ZoneId zone) {
    this.command = command;
    this.mode = EvalMode.fromAnsi(ansi);
    this.types = new DataTypeBuilder(command);
    this.literals = new LiteralBuilder(command, zone);
  }

  DataTypeBuilder types() {
    return types;
  }

  String command() {
    return command;
  }

  void plans(PlanBuilder plans) {
    this.plans = plans;
  }

  @Override
  public Expression visitExists(SluiceSqlParser.ExistsContext ctx) {
    return new Exists(plans.plan(ctx.query()));
  }

  @Override
  public Expression visitSubqueryExpression(SluiceSqlParser.SubqueryExpressionContext ctx) {
    return new ScalarSubquery(plans.plan(ctx.query()));
  }

  Expression expression(ParserRuleContext ctx) {
    return ctx.accept(this);
  }

  List<Expression> expressions(List<? extends ParserRuleContext> ctxs) {
    List<Expression> out = new ArrayList<>(ctxs.size());
    for (ParserRuleContext c : ctxs) out.add(expression(c));
    return out;
  }

  @Override
  public Expression visitNamedExpression(NamedExpressionContext ctx) {
    Expression e = expression(ctx.expression());
    if (ctx.name != null) return Alias.of(e, Names.identifier(ctx.name));
    if (ctx.identifierList() != null) {
      throw unsupported(ctx.identifierList(), "Multiple aliases AS (a, b)", "Alias each column.");
    }
    return e;
  }

  @Override
  public Expression visitExpression(ExpressionContext ctx) {
    return expression(ctx.booleanExpression());
  }

  @Override
  public Expression visitLogicalNot(LogicalNotContext ctx) {
    return new Not(expression(ctx.booleanExpression()));
  }

  @Override
  public Expression visitLogicalBinary(LogicalBinaryContext ctx) {
    Expression l = expression(ctx.left);
    Expression r = expression(ctx.right);
    return ctx.operator.getType() == SluiceSqlParser.AND ? new And(l, r) : new Or(l, r);
  }

  @Override
  public Expression visitPredicated(PredicatedContext ctx) {
    Expression e = expression(ctx.valueExpression());
    return ctx.predicate() == null ? e : predicate(e, ctx.predicate());
  }

  private Expression predicate(Expression e, PredicateContext p) {
    boolean not = p.NOT() != null;
    Expression r =
        switch (p.kind.getType()) {
          case SluiceSqlParser.BETWEEN ->
              new And(
                  new Comparison(Comparison.Op.GE, e, expression(p.lower)),
                  new Comparison(Comparison.Op.LE, e, expression(p.upper)));
          case SluiceSqlParser.IN ->
              p.query() != null
                  ? new InSubquery(List.of(e), plans.plan(p.query()))
                  : new In(e, expressions(p.expression()));
          case SluiceSqlParser.RLIKE, SluiceSqlParser.REGEXP ->
              new UnresolvedFunction("rlike", List.of(e, expression(p.pattern)), false);
          case SluiceSqlParser.LIKE, SluiceSqlParser.ILIKE -> {
            if (p.quantifier == null) yield like(e, p);
            not = false; // negates each pattern's test
            yield SpecialForms.likeQuantified(e, p, this);
          }
          case SluiceSqlParser.NULL -> {
            Expression test = not ? new IsNotNull(e) : new IsNull(e);
            not = false;
            yield test;
          }
          case SluiceSqlParser.TRUE -> new Comparison(Comparison.Op.NULL_SAFE_EQ, e, Literal.TRUE);
          case SluiceSqlParser.FALSE ->
              new Comparison(Comparison.Op.NULL_SAFE_EQ, e, Literal.FALSE);
          case SluiceSqlParser.UNKNOWN -> new IsNull(e);
          case SluiceSqlParser.DISTINCT -> {
            not = !not; // IS DISTINCT FROM is NOT (a <=> b)
            yield new Comparison(Comparison.Op.NULL_SAFE_EQ, e, expression(p.right));
          }
          default -> throw new IllegalStateException(p.getText());
        };
    return not ? new Not(r) : r;
  }

  private Expression like(Expression e, PredicateContext p) {
    List<Expression> args = new ArrayList<>(List.of(e, expression(p.pattern)));
    if (p.escapeChar != null) args.add(Literal.of(Literals.unquote(p.escapeChar.getText())));
    String name = p.kind.getType() == SluiceSqlParser.ILIKE ? "ilike" : "like";
    return new UnresolvedFunction(name, args, false);
  }

  @Override
  public Expression visitArithmeticUnary(ArithmeticUnaryContext ctx) {
    Expression e = expression(ctx.valueExpression());
    return ctx.operator.getType() == SluiceSqlParser.MINUS ? new UnaryMinus(e, mode) : e;
  }

  @Override
  public Expression visitArithmeticBinary(ArithmeticBinaryContext ctx) {
    Expression l = expression(ctx.left);
    Expression r = expression(ctx.right);
    BinaryArithmetic.Op op =
        switch (ctx.operator.getType()) {
          case SluiceSqlParser.ASTERISK -> BinaryArithmetic.Op.MULTIPLY;
          case SluiceSqlParser.SLASH -> BinaryArithmetic.Op.DIVIDE;
          case SluiceSqlParser.PERCENT -> BinaryArithmetic.Op.REMAINDER;
          case SluiceSqlParser.DIV -> BinaryArithmetic.Op.INTEGRAL_DIVIDE;
          case SluiceSqlParser.PLUS -> BinaryArithmetic.Op.ADD;
          case SluiceSqlParser.MINUS -> BinaryArithmetic.Op.SUBTRACT;
          default -> null; // ||
        };
    if (op == null) return new UnresolvedFunction("concat", List.of(l, r), false);
    return new BinaryArithmetic(op, l, r, mode);
  }

  @Override
  public Expression visitComparison(ComparisonContext ctx) {
    Expression l = expression(ctx.left);
    Expression r = expression(ctx.right);
    int t =
        ((org.antlr.v4.runtime.tree.TerminalNode) ctx.comparisonOperator().getChild(0))
            .getSymbol()
            .getType();
    return switch (t) {
      case SluiceSqlParser.EQ -> new Comparison(Comparison.Op.EQ, l, r);
      case SluiceSqlParser.NSEQ -> new Comparison(Comparison.Op.NULL_SAFE_EQ, l, r);
      case SluiceSqlParser.NEQ, SluiceSqlParser.NEQJ ->
          new Not(new Comparison(Comparison.Op.EQ, l, r));
      case SluiceSqlParser.LT -> new Comparison(Comparison.Op.LT, l, r);
      case SluiceSqlParser.LTE -> new Comparison(Comparison.Op.LE, l, r);
      case SluiceSqlParser.GT -> new Comparison(Comparison.Op.GT, l, r);
      default -> new Comparison(Comparison.Op.GE, l, r);
    };
  }

  @Override
  public Expression visitSearchedCase(SearchedCaseContext ctx) {
    List<CaseWhen.Branch> branches = new ArrayList<>();
    for (WhenClauseContext w : ctx.whenClause()) {
      branches.add(new CaseWhen.Branch(expression(w.condition), expression(w.result)));
    }
    return new CaseWhen(
        branches, ctx.elseExpression == null ? null : expression(ctx.elseExpression));
  }

  @Override
  public Expression visitSimpleCase(SimpleCaseContext ctx) {
    Expression value = expression(ctx.value);
    List<CaseWhen.Branch> branches = new ArrayList<>();
    for (WhenClauseContext w : ctx.whenClause()) {
      branches.add(
          new CaseWhen.Branch(
              new Comparison(Comparison.Op.EQ, value, expression(w.condition)),
              expression(w.result)));
    }
    return new CaseWhen(
        branches, ctx.elseExpression == null ? null : expression(ctx.elseExpression));
  }

  @Override
  public Expression visitCast(CastContext ctx) {
    EvalMode m = ctx.name.getType() == SluiceSqlParser.TRY_CAST ? EvalMode.TRY : mode;
    return Cast.user(expression(ctx.expression()), types.build(ctx.dataType()), m);
  }

  @Override
  public Expression visitTrim(SluiceSqlParser.TrimContext ctx) {
    return SpecialForms.trim(ctx, this);
  }

  @Override
  public Expression visitSubstring(SluiceSqlParser.SubstringContext ctx) {
    List<Expression> args = new ArrayList<>(List.of(expression(ctx.str), expression(ctx.pos)));
    if (ctx.len != null) args.add(expression(ctx.len));
    return new UnresolvedFunction("substring", args, false);
  }

  @Override
  public Expression visitPosition(SluiceSqlParser.PositionContext ctx) {
    return new UnresolvedFunction(
        "locate", List.of(expression(ctx.substr), expression(ctx.str)), false);
  }

  @Override
  public Expression visitExtract(SluiceSqlParser.ExtractContext ctx) {
    Expression field = Literal.of(Names.identifier(ctx.field));
    return new UnresolvedFunction("extract", List.of(field, expression(ctx.source)), false);
  }

  @Override
  public Expression visitCastByColon(CastByColonContext ctx) {
    return Cast.user(expression(ctx.primaryExpression()), types.build(ctx.dataType()), mode);
  }

  @Override
  public Expression visitStar(StarContext ctx) {
    if (ctx.qualifiedName() == null) return new UnresolvedStar(List.of());
    return new UnresolvedStar(Names.parts(ctx.qualifiedName()));
  }

  @Override
  public Expression visitFunctionCall(FunctionCallContext ctx) {
    String name = functionName(ctx.functionName());
    List<Expression> args = expressions(ctx.arguments);
    boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
    if (name.equalsIgnoreCase("count")
        && args.size() == 1
        && args.get(0) instanceof UnresolvedStar s
        && s.target().isEmpty()
        && !distinct) {
      args = List.of(Literal.of(1)); // count(*) is count(1), as in Spark
    }
    if (ctx.nullsOption != null) args = SpecialForms.nullsOption(name, args, ctx);
    Expression call = new UnresolvedFunction(name, args, distinct);
    if (ctx.windowSpec() == null) return call;
    if (ctx.windowSpec() instanceof WindowRefContext ref) {
      return new UnresolvedWindowExpression(call, Names.identifier(ref.name));
    }
    return window(call, (WindowDefContext) ctx.windowSpec());
  }

  /**
   * {@code x -> body} or {@code (acc, x) -> body}: the arguments become {@link
   * UnresolvedNamedLambdaVariable}s, as the DataFrame API builds them; uses of them in the body
   * stay column names, which the analyzer binds to the arguments first (arguments shadow columns).
   */
  @Override
  public Expression visitLambda(LambdaContext ctx) {
    List<Expression> args = new ArrayList<>(ctx.identifier().size());
    for (IdentifierContext id : ctx.identifier()) {
      args.add(new UnresolvedNamedLambdaVariable(Names.identifier(id)));
    }
    return new LambdaFunction(expression(ctx.body), args);
  }

  @Override
  public Expression visitPlainArgument(PlainArgumentContext ctx) {
    return expression(ctx.namedExpression());
  }

  static String functionName(FunctionNameContext ctx) {
    if (ctx.qualifiedName() == null) return ctx.getText().toLowerCase(Locale.ROOT);
    return String.join(".", Names.parts(ctx.qualifiedName()));
  }

  /** {@code call OVER (PARTITION BY ... ORDER BY ... frame)}. */
  WindowExpression window(Expression call, WindowDefContext w) {
    List<SortOrder> order = new ArrayList<>();
    for (SortItemContext s : w.sortItem()) order.add(sortOrder(s));
    WindowFrame frame = w.windowFrame() == null ? null : frame(w.windowFrame());
    return new WindowExpression(call, expressions(w.partition), order, frame);
  }

  /**
   * {@code ROWS|RANGE BETWEEN a AND b}; a single bound {@code a} means {@code a AND CURRENT ROW}.
   */
  private WindowFrame frame(WindowFrameContext f) {
    WindowFrame.Type type =
        f.frameType.getType() == SluiceSqlParser.ROWS
            ? WindowFrame.Type.ROWS
            : WindowFrame.Type.RANGE;
    Expression lower = bound(f.start);
    Expression upper = f.end == null ? SpecialFrameBoundary.CURRENT_ROW : bound(f.end);
    return new WindowFrame(type, lower, upper);
  }

  /** {@code n PRECEDING} is {@code -n}, {@code n FOLLOWING} is {@code n}, as Spark builds them. */
  private Expression bound(FrameBoundContext b) {
    int t = b.boundType.getType();
    if (b.UNBOUNDED() != null) {
      return t == SluiceSqlParser.PRECEDING
          ? SpecialFrameBoundary.UNBOUNDED_PRECEDING
          : SpecialFrameBoundary.UNBOUNDED_FOLLOWING;
    }
    if (t == SluiceSqlParser.CURRENT) return SpecialFrameBoundary.CURRENT_ROW;
    Expression value = expression(b.expression());
    return t == SluiceSqlParser.PRECEDING ? new UnaryMinus(value, mode) : value;
  }

  /** {@code e [ASC|DESC] [NULLS FIRST|LAST]}: ascending puts nulls first by default. */
  SortOrder sortOrder(SortItemContext ctx) {
    return sortOrder(ctx, expression(ctx.expression()));
  }

  static SortOrder sortOrder(SortItemContext ctx, Expression e) {
    boolean asc = ctx.ordering == null || ctx.ordering.getType() == SluiceSqlParser.ASC;
    boolean nullsFirst =
        ctx.nullOrder == null ? asc : ctx.nullOrder.getType() == SluiceSqlParser.FIRST;
    return new SortOrder(e, asc, nullsFirst);
  }

  @Override
  public Expression visitCurrentLike(CurrentLikeContext ctx) {
    return new UnresolvedFunction(ctx.name.getText().toLowerCase(Locale.ROOT), List.of(), false);
  }

  @Override
  public Expression visitSubscript(SubscriptContext ctx) {
    return new UnresolvedExtractValue(expression(ctx.value), expression(ctx.index));
  }

  @Override
  public Expression visitColumnReference(ColumnReferenceContext ctx) {
    return new UnresolvedAttribute(List.of(Names.identifier(ctx.identifier())));
  }

  @Override
  public Expression visitDereference(DereferenceContext ctx) {
    Expression base = expression(ctx.base);
    String field = Names.field(ctx.fieldName);
    if (base instanceof UnresolvedAttribute u) {
      List<String> parts = new ArrayList<>(u.nameParts());
      parts.add(field);
      return new UnresolvedAttribute(parts);
    }
    return new UnresolvedExtractValue(base, Literal.of(field));
  }

  @Override
  public Expression visitParenthesizedExpression(ParenthesizedExpressionContext ctx) {
    return expression(ctx.expression());
  }

  // ---------------------------------------------------------------- literals

  @Override
  public Expression visitNullLiteral(SluiceSqlParser.NullLiteralContext ctx) {
    return Literal.NULL;
  }

  @Override
  public Expression visitBooleanLiteral(SluiceSqlParser.BooleanLiteralContext ctx) {
    return Literal.of(ctx.booleanValue().TRUE() != null);
  }

  @Override
  public Expression visitStringLiteral(SluiceSqlParser.StringLiteralContext ctx) {
    return Literal.of(LiteralBuilder.string(ctx.stringLit()));
  }

  @Override
  public Expression visitNumericLiteral(SluiceSqlParser.NumericLiteralContext ctx) {
    return literals.number(ctx.number());
  }

  @Override
  public Expression visitTypeConstructor(SluiceSqlParser.TypeConstructorContext ctx) {
    return literals.typed(ctx);
  }

  @Override
  public Expression visitIntervalLiteral(SluiceSqlParser.IntervalLiteralContext ctx) {
    return literals.interval(ctx.interval());
  }

  private SluiceException unsupported(ParserRuleContext at, String feature, String hint) {
    return SyntaxErrors.error(
        command,
        at.getStart(),
        ErrorClass.UNSUPPORTED_SQL_FEATURE,
        SluiceException.params("feature", feature, "hint", hint));
  }
}
