package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeCoercionTest extends AnalysisTestSupport {
  private final AttributeReference i = attr("i", DataTypes.IntegerType);
  private final AttributeReference j = attr("j", DataTypes.IntegerType);
  private final AttributeReference l = attr("l", DataTypes.LongType);
  private final AttributeReference f = attr("f", DataTypes.FloatType);
  private final AttributeReference d = attr("d", DataTypes.DoubleType);
  private final AttributeReference dec = attr("dec", new DecimalType(10, 2));
  private final AttributeReference dec2 = attr("dec2", new DecimalType(5, 1));
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final AttributeReference t = attr("t", DataTypes.StringType);
  private final AttributeReference date = attr("dt", DataTypes.DateType);
  private final AttributeReference ts = attr("ts", DataTypes.TimestampType);
  private final AttributeReference flag = attr("flag", DataTypes.BooleanType);
  private final LogicalPlan rel = relation(i, j, l, f, d, dec, dec2, s, t, date, ts, flag);

  private EvalMode mode() {
    return EvalMode.fromAnsi(conf.ansiEnabled());
  }

  private Cast cast(Expression e, DataType type) {
    return Cast.implicit(e, type, mode());
  }

  private static BinaryArithmetic arith(Op op, Expression l, Expression r) {
    return new BinaryArithmetic(op, l, r, EvalMode.ANSI);
  }

  private static Comparison eq(Expression l, Expression r) {
    return new Comparison(Comparison.Op.EQ, l, r);
  }

  /** Analyzes {@code select(e)} and returns the coerced expression and checks its name. */
  private Expression coerce(Expression e, String expectedName) {
    LogicalPlan p = analyze(select(rel, unnamed(e)));
    assertThat(names(p)).containsExactly(expectedName);
    return onlyExpression(p);
  }

  private void legacy() {
    conf.set(SQLConf.ANSI_ENABLED, false);
  }

  @Test
  void integralOperandsWidenToTheWiderType() {
    assertThat(coerce(arith(Op.ADD, col("i"), col("l")), "(i + l)"))
        .isEqualTo(arith(Op.ADD, cast(i, DataTypes.LongType), l));
  }

  @Test
  void floatWithIntegralIsDoubleUnderAnsiAndFloatOtherwise() {
    Expression ansi = coerce(arith(Op.MULTIPLY, col("i"), col("f")), "(i * f)");
    assertThat(ansi.dataType()).isEqualTo(DataTypes.DoubleType);
    legacy();
    Expression old = coerce(arith(Op.MULTIPLY, col("i"), col("f")), "(i * f)");
    assertThat(old)
        .isEqualTo(
            new BinaryArithmetic(Op.MULTIPLY, cast(i, DataTypes.FloatType), f, EvalMode.ANSI));
  }

  @Test
  void integralColumnMeetingDecimalBecomesDecimal() {
    Expression e = coerce(arith(Op.ADD, col("i"), col("dec")), "(i + dec)");
    assertThat(e).isEqualTo(arith(Op.ADD, cast(i, new DecimalType(10, 0)), dec));
    assertThat(e.dataType()).isEqualTo(new DecimalType(13, 2));
  }

  @Test
  void integralLiteralMeetingDecimalUsesTheNarrowestDecimal() {
    Expression e = coerce(arith(Op.MULTIPLY, col("dec"), Literal.of(2)), "(dec * 2)");
    assertThat(e).isEqualTo(arith(Op.MULTIPLY, dec, cast(Literal.of(2), new DecimalType(1, 0))));
    assertThat(e.dataType()).isEqualTo(new DecimalType(12, 2));
  }

  @Test
  void decimalWithDoubleIsDouble() {
    Expression e = coerce(arith(Op.SUBTRACT, col("dec"), col("d")), "(dec - d)");
    assertThat(e).isEqualTo(arith(Op.SUBTRACT, cast(dec, DataTypes.DoubleType), d));
  }

  @Test
  void decimalsOfDifferentShapeAreComparedAsTheWiderDecimal() {
    Expression e =
        coerce(new Comparison(Comparison.Op.LT, col("dec"), col("dec2")), "(dec < dec2)");
    assertThat(e)
        .isEqualTo(new Comparison(Comparison.Op.LT, dec, cast(dec2, new DecimalType(10, 2))));
    // Arithmetic keeps both decimals: the operator computes its own result type.
    Expression sum = coerce(arith(Op.ADD, col("dec"), col("dec2")), "(dec + dec2)");
    assertThat(sum).isEqualTo(arith(Op.ADD, dec, dec2));
    assertThat(sum.dataType()).isEqualTo(new DecimalType(11, 2));
  }

  @Test
  void ansiComparesStringWithIntegralAsBigint() {
    Expression e = coerce(eq(col("i"), Literal.of("1")), "(i = 1)");
    assertThat(e)
        .isEqualTo(eq(cast(i, DataTypes.LongType), cast(Literal.of("1"), DataTypes.LongType)));
  }

  @Test
  void legacyComparesStringAsTheOtherSidesType() {
    legacy();
    Expression e = coerce(eq(col("i"), Literal.of("1")), "(i = 1)");
    assertThat(e).isEqualTo(eq(i, cast(Literal.of("1"), DataTypes.IntegerType)));
    Expression dc = coerce(eq(col("dec"), col("s")), "(dec = s)");
    assertThat(dc).isEqualTo(eq(cast(dec, DataTypes.DoubleType), cast(s, DataTypes.DoubleType)));
  }

  @Test
  void stringInArithmetic() {
    Expression ansi = coerce(arith(Op.ADD, col("d"), col("s")), "(d + s)");
    assertThat(ansi).isEqualTo(arith(Op.ADD, d, cast(s, DataTypes.DoubleType)));
    assertError(
        select(rel, unnamed(arith(Op.ADD, col("s"), col("t")))),
        "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
        "sqlExpr",
        "\"(s + t)\"",
        "inputType",
        "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\""
            + " or \"INTERVAL\")",
        "actualDataType",
        "\"STRING\"");
    legacy();
    Expression old = coerce(arith(Op.ADD, col("i"), col("s")), "(i + s)");
    assertThat(old)
        .isEqualTo(arith(Op.ADD, cast(i, DataTypes.DoubleType), cast(s, DataTypes.DoubleType)));
    assertThat(coerce(arith(Op.ADD, col("s"), col("t")), "(s + t)").dataType())
        .isEqualTo(DataTypes.DoubleType);
  }

  @Test
  void datetimesComparedWithStringsCastTheString() {
    assertThat(coerce(eq(col("dt"), Literal.of("2024-01-01")), "(dt = 2024-01-01)"))
        .isEqualTo(eq(date, cast(Literal.of("2024-01-01"), DataTypes.DateType)));
    assertThat(coerce(new Comparison(Comparison.Op.GT, col("s"), col("ts")), "(s > ts)"))
        .isEqualTo(new Comparison(Comparison.Op.GT, cast(s, DataTypes.TimestampType), ts));
    assertThat(coerce(eq(col("dt"), col("ts")), "(dt = ts)"))
        .isEqualTo(eq(cast(date, DataTypes.TimestampType), ts));
    legacy();
    assertThat(coerce(eq(col("dt"), Literal.of("2024-01-01")), "(dt = 2024-01-01)"))
        .isEqualTo(eq(date, cast(Literal.of("2024-01-01"), DataTypes.DateType)));
  }

  @Test
  void divisionOfIntegersIsDoubleAndDivIsLong() {
    Expression div = coerce(arith(Op.DIVIDE, col("i"), col("j")), "(i / j)");
    assertThat(div)
        .isEqualTo(arith(Op.DIVIDE, cast(i, DataTypes.DoubleType), cast(j, DataTypes.DoubleType)));
    assertThat(div.dataType()).isEqualTo(DataTypes.DoubleType);
    Expression intDiv = coerce(arith(Op.INTEGRAL_DIVIDE, col("i"), col("l")), "(i div l)");
    assertThat(intDiv).isEqualTo(arith(Op.INTEGRAL_DIVIDE, cast(i, DataTypes.LongType), l));
    assertThat(intDiv.dataType()).isEqualTo(DataTypes.LongType);
    Expression decDiv = coerce(arith(Op.DIVIDE, col("dec"), col("i")), "(dec / i)");
    assertThat(decDiv).isEqualTo(arith(Op.DIVIDE, dec, cast(i, new DecimalType(10, 0))));
    assertThat(decDiv.dataType()).isEqualTo(new DecimalType(21, 13));
    assertError(
        select(rel, unnamed(arith(Op.INTEGRAL_DIVIDE, col("d"), col("i")))),
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        "left",
        "\"DOUBLE\"",
        "right",
        "\"BIGINT\"");
    assertError(
        select(rel, unnamed(arith(Op.INTEGRAL_DIVIDE, col("d"), col("d")))),
        "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
        "sqlExpr",
        "\"(d div d)\"",
        "inputType",
        "(\"BIGINT\" or \"DECIMAL\")",
        "actualDataType",
        "\"DOUBLE\"");
  }

  @Test
  void branchesAndArgumentsWidenToTheirCommonType() {
    CaseWhen cw =
        new CaseWhen(
            List.of(
                new CaseWhen.Branch(col("flag"), col("i")),
                new CaseWhen.Branch(Literal.FALSE, col("l"))),
            Literal.NULL);
    Expression e = coerce(cw, "CASE WHEN flag THEN i WHEN false THEN l ELSE NULL END");
    assertThat(e)
        .isEqualTo(
            new CaseWhen(
                List.of(
                    new CaseWhen.Branch(flag, cast(i, DataTypes.LongType)),
                    new CaseWhen.Branch(Literal.FALSE, l)),
                new Literal(null, DataTypes.LongType)));
    assertThat(coerce(new Coalesce(List.of(col("i"), col("d"))), "coalesce(i, d)"))
        .isEqualTo(new Coalesce(List.of(cast(i, DataTypes.DoubleType), d)));
    Expression in =
        coerce(new In(col("i"), List.of(Literal.of(1L), Literal.of("2"))), "(i IN (1, 2))");
    assertThat(in)
        .isEqualTo(
            new In(
                cast(i, DataTypes.LongType),
                List.of(Literal.of(1L), cast(Literal.of("2"), DataTypes.LongType))));
  }

  @Test
  void incompatibleBranchesAreReported() {
    assertError(
        select(rel, unnamed(new Coalesce(List.of(col("i"), col("dt"))))),
        "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        "sqlExpr",
        "\"coalesce(i, dt)\"",
        "functionName",
        "`coalesce`",
        "dataType",
        "[\"INT\", \"DATE\"]");
  }

  @Test
  void nullLiteralTakesTheOtherSidesType() {
    Expression e = coerce(arith(Op.ADD, col("i"), Literal.NULL), "(i + NULL)");
    assertThat(e).isEqualTo(arith(Op.ADD, i, cast(Literal.NULL, DataTypes.IntegerType)));
    Expression withDecimal = coerce(arith(Op.ADD, Literal.NULL, col("dec")), "(NULL + dec)");
    assertThat(withDecimal.dataType()).isInstanceOf(DecimalType.class);
  }

  @Test
  void booleanOperatorsNeedBooleans() {
    assertThat(coerce(new And(Literal.of("true"), col("flag")), "(true AND flag)"))
        .isEqualTo(new And(cast(Literal.of("true"), DataTypes.BooleanType), flag));
    assertError(
        select(rel, unnamed(new Or(col("i"), col("j")))),
        "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
        "sqlExpr",
        "\"(i OR j)\"",
        "inputType",
        "\"BOOLEAN\"",
        "actualDataType",
        "\"INT\"");
    assertError(
        select(rel, unnamed(new And(col("flag"), col("i")))),
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        "sqlExpr",
        "\"(flag AND i)\"",
        "left",
        "\"BOOLEAN\"",
        "right",
        "\"INT\"");
    assertError(
        select(rel, unnamed(new Not(col("i")))),
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        "sqlExpr",
        "\"(NOT i)\"",
        "paramIndex",
        "first",
        "requiredType",
        "\"BOOLEAN\"",
        "inputSql",
        "\"i\"",
        "inputType",
        "\"INT\"");
  }

  @Test
  void incompatibleOperandsNameBothTypes() {
    assertError(
        select(rel, unnamed(arith(Op.ADD, col("i"), col("flag")))),
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        "sqlExpr",
        "\"(i + flag)\"",
        "left",
        "\"INT\"",
        "right",
        "\"BOOLEAN\"");
    assertError(
        select(rel, unnamed(eq(col("i"), col("dt")))),
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        "sqlExpr",
        "\"(i = dt)\"",
        "left",
        "\"INT\"",
        "right",
        "\"DATE\"");
  }

  @Test
  void legacyBooleanEqualityCastsTheBoolean() {
    legacy();
    assertThat(coerce(eq(col("flag"), Literal.of(1)), "(flag = 1)"))
        .isEqualTo(eq(cast(flag, DataTypes.IntegerType), Literal.of(1)));
  }

  @Test
  void unaryMinusOfStringIsDouble() {
    assertThat(coerce(new UnaryMinus(col("s"), EvalMode.ANSI), "(- s)"))
        .isEqualTo(new UnaryMinus(cast(s, DataTypes.DoubleType), EvalMode.ANSI));
  }

  @Test
  void filterMustBeBoolean() {
    assertError(
        new Filter(col("i"), rel),
        "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
        "sqlExpr",
        "\"i\"",
        "filter",
        "\"i\"",
        "type",
        "\"INT\"");
    Literal oneAndAHalf = new Literal(new BigDecimal("1.5"), new DecimalType(2, 1));
    LogicalPlan ok = analyze(new Filter(eq(col("s"), oneAndAHalf), rel));
    assertThat(((Comparison) ((Filter) ok).condition()).left().dataType())
        .isEqualTo(DataTypes.DoubleType);
  }

  @Test
  void userCastsAreCheckedAgainstTheCastMatrix() {
    assertError(
        select(rel, unnamed(Cast.user(col("flag"), DataTypes.TimestampType, EvalMode.ANSI))),
        "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION",
        "sqlExpr",
        "\"CAST(flag AS TIMESTAMP)\"",
        "srcType",
        "\"BOOLEAN\"",
        "targetType",
        "\"TIMESTAMP\"",
        "config",
        "\"sluice.sql.ansi.enabled\"",
        "configVal",
        "'false'");
    assertError(
        select(rel, unnamed(Cast.user(col("dt"), DataTypes.IntegerType, EvalMode.ANSI))),
        "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION",
        "srcType",
        "\"DATE\"",
        "targetType",
        "\"INT\"",
        "functionNames",
        "`UNIX_DATE`");
    assertError(
        select(
            rel,
            unnamed(
                Cast.user(
                    new Literal(new byte[] {1}, DataTypes.BinaryType),
                    DataTypes.IntegerType,
                    EvalMode.LEGACY))),
        "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
        "sqlExpr",
        "\"CAST(X'01' AS INT)\"",
        "srcType",
        "\"BINARY\"",
        "targetType",
        "\"INT\"");
    // Legacy casts allow a date to become a number (as null).
    analyze(select(rel, unnamed(Cast.user(col("dt"), DataTypes.IntegerType, EvalMode.LEGACY))));
  }

  @Test
  void legacyInPromotesToString() {
    legacy();
    Expression in =
        coerce(new In(col("i"), List.of(Literal.of("1"), Literal.of(2L))), "(i IN (1, 2))");
    assertThat(in)
        .isEqualTo(
            new In(
                cast(i, DataTypes.StringType),
                List.of(Literal.of("1"), cast(Literal.of(2L), DataTypes.StringType))));
  }

  @Test
  void coalesceOfNullAndStringIsString() {
    assertThat(coerce(new Coalesce(List.of(Literal.NULL, col("s"))), "coalesce(NULL, s)"))
        .isEqualTo(new Coalesce(List.of(new Literal(null, DataTypes.StringType), s)));
  }
}
