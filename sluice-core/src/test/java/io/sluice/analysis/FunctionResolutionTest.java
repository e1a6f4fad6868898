package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionResolutionTest extends AnalysisTestSupport {
  private final AttributeReference a = attr("a", DataTypes.IntegerType);
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final AttributeReference flag = attr("flag", DataTypes.BooleanType);
  private final AttributeReference st =
      attr("st", new StructType().add("x", DataTypes.IntegerType));
  private final LogicalPlan rel = relation(a, s, flag, st);

  private Aggregate aggregate(Expression... items) {
    List<io.sluice.plan.expr.NamedExpression> list = new java.util.ArrayList<>();
    for (Expression e : items) list.add(unnamed(e));
    return new Aggregate(List.of(), list, rel);
  }

  @Test
  void aggregateFunctionsNamesAndTypes() {
    LogicalPlan p =
        analyze(
            aggregate(
                fn("COUNT", Literal.of(1)),
                fn("sum", col("a")),
                fn("avg", col("a")),
                fn("min", col("s")),
                fn("Max", col("a")),
                distinctFn("count", col("a"), col("s"))));
    assertThat(names(p))
        .containsExactly(
            "count(1)", "sum(a)", "avg(a)", "min(s)", "max(a)", "count(DISTINCT a, s)");
    assertThat(types(p))
        .containsExactly(
            DataTypes.LongType,
            DataTypes.LongType,
            DataTypes.DoubleType,
            DataTypes.StringType,
            DataTypes.IntegerType,
            DataTypes.LongType);
    Alias countDistinct = (Alias) ((Aggregate) p).aggregateExpressions().get(5);
    assertThat(countDistinct.child())
        .isEqualTo(new AggregateCall(AggregateCall.Function.COUNT, List.of(a, s), true));
  }

  @Test
  void countStarIsCountOne() {
    LogicalPlan p = analyze(aggregate(fn("count", new UnresolvedStar(List.of()))));
    assertThat(names(p)).containsExactly("count(1)");
  }

  @Test
  void meanKeepsItsNameButIsAnAverage() {
    LogicalPlan p = analyze(aggregate(fn("mean", col("a"))));
    assertThat(names(p)).containsExactly("mean(a)");
    Alias item = (Alias) ((Aggregate) p).aggregateExpressions().get(0);
    assertThat(item.child())
        .isEqualTo(
            new AggregateCall(
                    AggregateCall.Function.AVG,
                    List.of(Cast.implicit(a, DataTypes.DoubleType, EvalMode.ANSI)),
                    false)
                .withChildren(List.of(a)));
  }

  @Test
  void sumOfStringsIsSumOfDoubles() {
    LogicalPlan p = analyze(aggregate(fn("sum", col("s"))));
    AggregateCall call =
        (AggregateCall) ((Alias) ((Aggregate) p).aggregateExpressions().get(0)).child();
    assertThat(call.arguments().get(0))
        .isEqualTo(Cast.implicit(s, DataTypes.DoubleType, EvalMode.ANSI));
    assertThat(names(p)).containsExactly("sum(s)");
    assertThat(types(p)).containsExactly(DataTypes.DoubleType);
  }

  @Test
  void sumOfBooleansIsAnInputTypeError() {
    assertError(
        aggregate(fn("sum", col("flag"))),
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        "sqlExpr",
        "\"sum(flag)\"",
        "paramIndex",
        "first",
        "requiredType",
        "(\"NUMERIC\" or \"INTERVAL YEAR TO MONTH\" or" + " \"INTERVAL DAY TO SECOND\")",
        "inputSql",
        "\"flag\"",
        "inputType",
        "\"BOOLEAN\"");
  }

  @Test
  void scalarFunctions() {
    LogicalPlan p =
        analyze(
            select(
                rel,
                unnamed(fn("coalesce", col("a"), Literal.of(0L))),
                unnamed(fn("nvl", col("s"), Literal.of("x"))),
                unnamed(fn("IFNULL", col("a"), Literal.of(1))),
                unnamed(fn("isnull", col("a"))),
                unnamed(fn("isnotnull", col("s"))),
                unnamed(fn("not", col("flag")))));
    assertThat(names(p))
        .containsExactly(
            "coalesce(a, 0)",
            "nvl(s, x)",
            "ifnull(a, 1)",
            "(a IS NULL)",
            "(s IS NOT NULL)",
            "(NOT flag)");
    List<io.sluice.plan.expr.NamedExpression> list = ((Project) p).projectList();
    assertThat(((Alias) list.get(0)).child())
        .isEqualTo(
            new Coalesce(
                List.of(Cast.implicit(a, DataTypes.LongType, EvalMode.ANSI), Literal.of(0L))));
    assertThat(((Alias) list.get(1)).child()).isEqualTo(new Coalesce(List.of(s, Literal.of("x"))));
    assertThat(((Alias) list.get(3)).child()).isEqualTo(new IsNull(a));
    assertThat(((Alias) list.get(4)).child()).isEqualTo(new IsNotNull(s));
    assertThat(((Alias) list.get(5)).child()).isEqualTo(new Not(flag));
    assertThat(types(p).get(0)).isEqualTo(DataTypes.LongType);
  }

  @Test
  void structNamesFieldsAfterColumnsNestedFieldsOrPosition() {
    LogicalPlan p =
        analyze(
            select(
                rel,
                unnamed(
                    fn(
                        "struct",
                        col("a"),
                        col("st.x"),
                        fn("isnull", col("s")),
                        as(col("s"), "renamed")))));
    CreateNamedStruct c = (CreateNamedStruct) onlyExpression(p);
    assertThat(c.names()).containsExactly("a", "x", "col3", "renamed");
    assertThat(names(p)).containsExactly("struct(a, st.x, (s IS NULL), s AS renamed)");
    LogicalPlan star =
        analyze(select(relation(a, s), unnamed(fn("struct", new UnresolvedStar(List.of())))));
    assertThat(((CreateNamedStruct) onlyExpression(star)).names()).containsExactly("a", "s");
  }

  @Test
  void namedStruct() {
    LogicalPlan p =
        analyze(
            select(
                rel,
                unnamed(fn("named_struct", Literal.of("k"), col("a"), Literal.of("v"), col("s")))));
    assertThat(names(p)).containsExactly("named_struct(k, a, v, s)");
    assertThat(p.output().get(0).dataType())
        .isEqualTo(new StructType().add("k", DataTypes.IntegerType).add("v", DataTypes.StringType));
    assertError(
        select(rel, unnamed(fn("named_struct", Literal.of("k")))),
        "DATATYPE_MISMATCH.WRONG_NUM_ARGS",
        "functionName",
        "`named_struct`",
        "expectedNum",
        "2n (n > 0)",
        "actualNum",
        "1");
    assertError(
        select(rel, unnamed(fn("named_struct", col("s"), col("a")))),
        "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
        "sqlExpr",
        "\"named_struct(s, a)\"",
        "inputExprs",
        "\"s\"");
  }

  @Test
  void unknownFunctionIsReportedBeforeItsArguments() {
    assertError(
        select(rel, unnamed(fn("nope", col("missing")))),
        "UNRESOLVED_ROUTINE",
        "routineName",
        "`nope`",
        "searchPath",
        "[`system`.`builtin`, `system`.`session`]");
  }

  @Test
  void wrongNumberOfArguments() {
    assertError(
        aggregate(fn("sum", col("a"), col("a"))),
        "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        "functionName",
        "`sum`",
        "expectedNum",
        "1",
        "actualNum",
        "2");
    assertError(
        select(rel, unnamed(fn("coalesce"))),
        "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        "functionName",
        "`coalesce`",
        "expectedNum",
        "> 0",
        "actualNum",
        "0");
    assertError(
        select(rel, unnamed(fn("nvl", col("a")))),
        "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
        "functionName",
        "`nvl`",
        "expectedNum",
        "2",
        "actualNum",
        "1");
  }

  @Test
  void distinctOnlyForAggregates() {
    assertError(
        select(rel, unnamed(distinctFn("isnull", col("a")))),
        "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX",
        "prettyName",
        "`isnull`",
        "syntax",
        "DISTINCT");
  }

  @Test
  void sessionRegistryAddsFunctionsWithoutTouchingTheAnalyzer() {
    FunctionRegistry withTwice =
        FunctionRegistry.builtin()
            .with(
                FunctionSpec.scalar(
                    "twice",
                    Arity.exactly(1),
                    List.of(InputType.exact(DataTypes.LongType)),
                    c ->
                        new io.sluice.plan.expr.BinaryArithmetic(
                            io.sluice.plan.expr.BinaryArithmetic.Op.ADD,
                            c.arg(0),
                            c.arg(0),
                            EvalMode.ANSI)));
    Analyzer analyzer = new Analyzer(catalog, conf, withTwice);
    LogicalPlan p = analyzer.analyze(select(rel, unnamed(fn("TWICE", col("a")))));
    assertThat(types(p)).containsExactly(DataTypes.LongType);
    assertThat(names(p)).containsExactly("(a + a)");
    assertThat(FunctionRegistry.builtin().lookup("twice")).isEmpty();
    io.sluice.AnalysisException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.sluice.AnalysisException.class,
            () -> analyzer.analyze(select(rel, unnamed(fn("twice", col("flag"))))));
    assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(e.getMessageParameters())
        .containsEntry("sqlExpr", "\"twice(flag)\"")
        .containsEntry("requiredType", "\"BIGINT\"");
  }
}
