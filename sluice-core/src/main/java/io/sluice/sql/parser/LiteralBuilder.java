package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.sql.parser.SluiceSqlParser.IntervalContext;
import io.sluice.sql.parser.SluiceSqlParser.IntervalStringContext;
import io.sluice.sql.parser.SluiceSqlParser.IntervalValueContext;
import io.sluice.sql.parser.SluiceSqlParser.MultiUnitsIntervalContext;
import io.sluice.sql.parser.SluiceSqlParser.NumberContext;
import io.sluice.sql.parser.SluiceSqlParser.StringLitContext;
import io.sluice.sql.parser.SluiceSqlParser.TypeConstructorContext;
import io.sluice.sql.parser.SluiceSqlParser.UnitToUnitIntervalContext;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/** Builds literals from {@code number}, {@code typeConstructor} and {@code interval} nodes. */
final class LiteralBuilder {
  private final String command;
  private final Literals literals;

  LiteralBuilder(String command, ZoneId zone) {
    this.command = command;
    this.literals = new Literals(command, zone);
  }

  /** Adjacent string literals concatenate: {@code 'a' 'b'} is {@code 'ab'}. */
  static String string(List<StringLitContext> parts) {
    StringBuilder sb = new StringBuilder();
    for (StringLitContext s : parts) sb.append(Literals.unquote(s.getText()));
    return sb.toString();
  }

  Literal number(NumberContext ctx) {
    String text = ctx.getText();
    Token at = ctx.getStart();
    return switch (ctx.getStop().getType()) {
      case SluiceSqlParser.INTEGER_VALUE -> literals.integer(text, at);
      case SluiceSqlParser.DECIMAL_VALUE -> literals.decimal(text, at);
      case SluiceSqlParser.EXPONENT_VALUE -> literals.dbl(text, at);
      case SluiceSqlParser.BIGDECIMAL_LITERAL -> literals.decimal(strip(text, 2), at);
      default -> literals.suffixed(text, at);
    };
  }

  private static String strip(String s, int n) {
    return s.substring(0, s.length() - n);
  }

  Expression typed(TypeConstructorContext ctx) {
    String value = string(List.of(ctx.stringLit()));
    return literals.typed(
        Names.identifier(ctx.identifier()), value, ctx.getStart(), ctx.stringLit().getStart());
  }

  Expression interval(IntervalContext ctx) {
    try {
      if (ctx instanceof MultiUnitsIntervalContext m) return multiUnits(m);
      if (ctx instanceof UnitToUnitIntervalContext u) return unitToUnit(u);
      return IntervalLiterals.fromString(
          string(List.of(((IntervalStringContext) ctx).stringLit())));
    } catch (IntervalLiterals.InvalidInterval e) {
      throw SyntaxErrors.error(
          command,
          ctx.getStart(),
          ErrorClass.INVALID_TYPED_LITERAL,
          SluiceException.params(
              "valueType", "\"INTERVAL\"", "value", "'" + intervalText(ctx) + "'"));
    }
  }

  private static String intervalText(IntervalContext ctx) {
    if (ctx instanceof IntervalStringContext s) return string(List.of(s.stringLit()));
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < ctx.getChildCount(); i++) {
      if (i > 1) sb.append(' ');
      String t = ctx.getChild(i).getText();
      sb.append(t.startsWith("'") || t.startsWith("\"") ? Literals.unquote(t) : t);
    }
    return sb.toString();
  }

  private Literal multiUnits(MultiUnitsIntervalContext m) {
    List<IntervalLiterals.Part> parts = new ArrayList<>();
    for (int i = 0; i < m.intervalValue().size(); i++) {
      parts.add(
          new IntervalLiterals.Part(
              value(m.intervalValue(i)), IntervalLiterals.unitName(m.intervalUnit(i).getText())));
    }
    return IntervalLiterals.multiUnits(parts);
  }

  private static BigDecimal value(IntervalValueContext v) {
    String text =
        v.stringLit() != null ? Literals.unquote(v.stringLit().getText()) : v.getStop().getText();
    BigDecimal n = IntervalLiterals.number(text);
    return v.MINUS() != null ? n.negate() : n;
  }

  /**
   * {@code INTERVAL '1 02:03' DAY TO MINUTE}: the string cast to the ANSI interval type, which
   * checks it against the type's format when constants are folded.
   */
  private Expression unitToUnit(UnitToUnitIntervalContext u) {
    String from = IntervalLiterals.unitName(u.from.getText());
    String to = IntervalLiterals.unitName(u.to.getText());
    DataType type = null;
    if (DataTypeBuilder.ym(from) == YearMonthIntervalType.YEAR
        && DataTypeBuilder.ym(to) == YearMonthIntervalType.MONTH) {
      type = new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.MONTH);
    } else if (DataTypeBuilder.dt(from) >= 0 && DataTypeBuilder.dt(to) > DataTypeBuilder.dt(from)) {
      type = new DayTimeIntervalType(DataTypeBuilder.dt(from), DataTypeBuilder.dt(to));
    }
    if (type == null) {
      throw SyntaxErrors.error(
          command,
          u.from.getStart(),
          ErrorClass.UNSUPPORTED_SQL_FEATURE,
          SluiceException.params(
              "feature",
              "Intervals FROM "
                  + from.toUpperCase(Locale.ROOT)
                  + " TO "
                  + to.toUpperCase(Locale.ROOT),
              "hint",
              "Use YEAR TO MONTH or a day-time range such as DAY TO SECOND."));
    }
    IntervalValueContext v = u.intervalValue();
    String text =
        v.stringLit() != null ? Literals.unquote(v.stringLit().getText()) : v.getStop().getText();
    if (v.MINUS() != null) text = "-" + text;
    return Cast.user(Literal.of(text), type, EvalMode.ANSI);
  }
}
