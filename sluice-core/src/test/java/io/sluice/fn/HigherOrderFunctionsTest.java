package io.sluice.fn;

import static io.sluice.functions.aggregate;
import static io.sluice.functions.array_sort;
import static io.sluice.functions.call_function;
import static io.sluice.functions.col;
import static io.sluice.functions.exists;
import static io.sluice.functions.filter;
import static io.sluice.functions.forall;
import static io.sluice.functions.lit;
import static io.sluice.functions.size;
import static io.sluice.functions.transform;
import static io.sluice.functions.when;
import static io.sluice.functions.zip_with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedNamedLambdaVariable;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** transform, filter, exists, forall, aggregate, zip_with and array_sort with lambdas. */
class HigherOrderFunctionsTest {
  private static Session session;
  private static Session legacy;
  private static DataFrame df;
  private static DataFrame legacyDf;

  private static final StructType SCHEMA =
      StructType.fromDDL("id INT, a ARRAY<INT>, b ARRAY<INT>, x INT, n ARRAY<ARRAY<INT>>");

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    legacy = Session.builder().master("local[2]").create();
    legacy.conf().set("spark.sql.ansi.enabled", "false");
    List<Row> rows =
        List.of(
            RowFactory.create(
                1, List.of(1, 2, 3), List.of(10, 20), 100, List.of(List.of(1), List.of(2, 3))),
            RowFactory.create(2, List.of(), List.of(5), 200, List.of()),
            RowFactory.create(3, null, List.of(), 300, null),
            RowFactory.create(
                4, Arrays.asList(4, null), null, 400, List.of(List.of(), List.of(9))));
    df = session.createDataFrame(rows, SCHEMA);
    legacyDf = legacy.createDataFrame(rows, SCHEMA);
  }

  @AfterAll
  static void stop() {
    session.stop();
    legacy.stop();
  }

  private static List<Object> values(DataFrame frame) {
    List<Object> out = new ArrayList<>();
    for (Row r : frame.collectAsList()) out.add(r.get(0));
    return out;
  }

  private static SluiceException error(Runnable r) {
    return catchThrowableOfType(r::run, SluiceException.class);
  }

  /** A lambda as the SQL parser builds it: the body names its arguments as columns. */
  private static Expression sqlLambda(Expression body, String... names) {
    List<Expression> args = new ArrayList<>();
    for (String n : names) args.add(new UnresolvedNamedLambdaVariable(n));
    return new LambdaFunction(body, args);
  }

  private static Column call(String name, Expression... args) {
    return new Column(new UnresolvedFunction(name, List.of(args), false));
  }

  @Test
  void transformAppliesTheLambdaToEveryElementWithSparksName() {
    DataFrame out = df.select(transform(col("a"), v -> v.plus(1)));
    assertThat(out.columns())
        .containsExactly(
            "transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))");
    assertThat(out.schema().fields()[0].dataType().simpleString()).isEqualTo("array<int>");
    assertThat(values(out))
        .containsExactly(List.of(2, 3, 4), List.of(), null, Arrays.asList(5, null));
  }

  @Test
  void transformWithIndexAndOuterColumns() {
    DataFrame out = df.select(transform(col("a"), (v, i) -> v.multiply(i).plus(col("x"))));
    assertThat(values(out))
        .containsExactly(List.of(100, 102, 106), List.of(), null, Arrays.asList(400, null));
  }

  @Test
  void lambdaArgumentsShadowColumnsOfTheSameName() {
    Expression body =
        new BinaryArithmetic(
            BinaryArithmetic.Op.ADD,
            new UnresolvedAttribute(List.of("x")),
            new UnresolvedAttribute(List.of("id")),
            EvalMode.ANSI);
    DataFrame out = df.select(call("transform", col("a").expr(), sqlLambda(body, "x")));
    assertThat(values(out))
        .containsExactly(List.of(2, 3, 4), List.of(), null, Arrays.asList(8, null));
  }

  @Test
  void nestedLambdasSeeTheOuterLambdasVariable() {
    DataFrame out =
        df.select(
            transform(
                col("n"), inner -> transform(inner, v -> v.plus(size(inner)).plus(col("id")))));
    assertThat(values(out))
        .containsExactly(
            List.of(List.of(3), List.of(5, 6)), List.of(), null, List.of(List.of(), List.of(14)));
    Expression inner =
        new UnresolvedFunction(
            "transform",
            List.of(
                new UnresolvedAttribute(List.of("x")),
                sqlLambda(
                    new BinaryArithmetic(
                        BinaryArithmetic.Op.ADD,
                        new UnresolvedAttribute(List.of("x")),
                        Literal.of(1),
                        EvalMode.ANSI),
                    "x")),
            false);
    // (x) -> transform(x, x -> x + 1): the inner x is the inner lambda's
    DataFrame shadow = df.select(call("transform", col("n").expr(), sqlLambda(inner, "x")));
    assertThat(values(shadow).get(0)).isEqualTo(List.of(List.of(2), List.of(3, 4)));
  }

  @Test
  void filterKeepsElementsWhoseLambdaIsTrue() {
    DataFrame out = df.select(filter(col("a"), v -> v.gt(1)));
    assertThat(out.columns())
        .containsExactly(
            "filter(a, lambdafunction((namedlambdavariable() > 1), namedlambdavariable()))");
    assertThat(values(out)).containsExactly(List.of(2, 3), List.of(), null, List.of(4));
    assertThat(values(df.select(filter(col("a"), (v, i) -> i.geq(1)))))
        .containsExactly(List.of(2, 3), List.of(), null, Arrays.asList((Object) null));
    SluiceException e = error(() -> df.select(filter(col("a"), v -> v.plus(1))));
    assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(e.getMessageParameters()).containsEntry("requiredType", "\"BOOLEAN\"");
  }

  @Test
  void existsAndForallAreThreeValued() {
    DataFrame out =
        df.select(
            exists(col("a"), v -> v.gt(3)),
            exists(col("a"), v -> v.equalTo(4)),
            forall(col("a"), v -> v.gt(0)),
            forall(col("a"), v -> v.gt(3)));
    assertThat(out.columns()[0])
        .isEqualTo("exists(a, lambdafunction((namedlambdavariable() > 3), namedlambdavariable()))");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(false, false, true, false),
            RowFactory.create(false, false, true, true),
            RowFactory.create(null, null, null, null),
            RowFactory.create(true, true, null, null));
  }

  @Test
  void aggregateFoldsWithAnIdentityFinishByDefault() {
    DataFrame out = df.select(aggregate(col("a"), lit(0), (acc, v) -> acc.plus(v)));
    assertThat(out.columns())
        .containsExactly(
            "aggregate(a, 0, lambdafunction("
                + "(namedlambdavariable() + namedlambdavariable()), namedlambdavariable(),"
                + " namedlambdavariable()), lambdafunction(namedlambdavariable(),"
                + " namedlambdavariable()))");
    assertThat(values(out)).containsExactly(6, 0, null, null);
    DataFrame finished =
        df.select(aggregate(col("a"), col("x"), (acc, v) -> acc.plus(v), acc -> acc.multiply(2)));
    assertThat(values(finished)).containsExactly(212, 400, null, null);
    List<Integer> big = new ArrayList<>();
    for (int i = 1; i <= 100; i++) big.add(i);
    DataFrame lengths =
        session.createDataFrame(
            List.of(
                RowFactory.create(big),
                RowFactory.create(List.of(7)),
                RowFactory.create(List.of(1, 2))),
            StructType.fromDDL("a ARRAY<INT>"));
    assertThat(values(lengths.select(aggregate(col("a"), lit(0L), (acc, v) -> acc.plus(v)))))
        .containsExactly(5050L, 7L, 3L);
    SluiceException e =
        error(() -> df.select(aggregate(col("a"), lit(0L), (acc, v) -> acc.plus(v).cast("int"))));
    assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(e.getMessageParameters())
        .containsEntry("paramIndex", "third")
        .containsEntry("requiredType", "\"BIGINT\"");
  }

  @Test
  void zipWithPadsTheShorterArrayWithNulls() {
    DataFrame out = df.select(zip_with(col("a"), col("b"), (l, r) -> l.plus(r)));
    assertThat(values(out))
        .containsExactly(Arrays.asList(11, 22, null), Arrays.asList((Object) null), null, null);
    assertThat(values(df.select(zip_with(col("a"), col("b"), (l, r) -> functions_coalesce(l, r)))))
        .element(0)
        .isEqualTo(List.of(1, 2, 3));
  }

  private static Column functions_coalesce(Column l, Column r) {
    return io.sluice.functions.coalesce(l, r);
  }

  @Test
  void arraySortWithAComparator() {
    DataFrame out = df.select(array_sort(col("a"), (l, r) -> r.minus(l)));
    assertThat(out.columns())
        .containsExactly(
            "array_sort(a, lambdafunction("
                + "(namedlambdavariable() - namedlambdavariable()), namedlambdavariable(),"
                + " namedlambdavariable()))");
    assertThat(values(out.filter(col("id").notEqual(4))))
        .containsExactly(List.of(3, 2, 1), List.of(), null);
    SluiceException nulls = error(() -> out.collectAsList());
    assertThat(nulls.getErrorClass()).isEqualTo("COMPARATOR_RETURNS_NULL");
    List<Integer> big = new ArrayList<>();
    for (int i = 0; i < 300; i++) big.add((i * 53) % 97);
    DataFrame frame =
        session.createDataFrame(
            List.of(RowFactory.create(big, 1)), StructType.fromDDL("v ARRAY<INT>, k INT"));
    List<Integer> expected = new ArrayList<>(big);
    expected.sort((p, q) -> q - p);
    assertThat(values(frame.select(array_sort(col("v"), (l, r) -> r.minus(l).multiply(col("k"))))))
        .containsExactly(expected);
    SluiceException type = error(() -> df.select(array_sort(col("a"), (l, r) -> l.gt(r))));
    assertThat(type.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE");
  }

  @Test
  void ansiErrorsInsideLambdasAndTheirLegacyNulls() {
    SluiceException e =
        error(() -> df.select(transform(col("a"), v -> v.divide(0))).collectAsList());
    assertThat(e.getErrorClass()).isEqualTo("DIVIDE_BY_ZERO");
    assertThat(values(legacyDf.select(transform(col("a"), v -> v.divide(0)))).get(0))
        .isEqualTo(Arrays.asList(null, null, null));
  }

  @Test
  void higherOrderFunctionsWorkInsideConditionals() {
    DataFrame out =
        df.select(
            when(size(col("a")).gt(0), transform(col("a"), v -> v.multiply(10)))
                .otherwise(lit(null)));
    assertThat(values(out))
        .containsExactly(List.of(10, 20, 30), null, null, Arrays.asList(40, null));
  }

  @Test
  void lambdaErrorsAsSpark() {
    Expression twoArgs = sqlLambda(new UnresolvedAttribute(List.of("p")), "p", "q");
    SluiceException count = error(() -> df.select(call("exists", col("a").expr(), twoArgs)));
    assertThat(count.getErrorClass()).isEqualTo("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH");
    assertThat(count.getMessageParameters())
        .containsEntry("expectedNumArgs", "1")
        .containsEntry("actualNumArgs", "2");
    Expression duplicate = sqlLambda(new UnresolvedAttribute(List.of("p")), "p", "P");
    SluiceException dup = error(() -> df.select(call("transform", col("a").expr(), duplicate)));
    assertThat(dup.getErrorClass()).isEqualTo("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES");
    assertThat(dup.getMessageParameters()).containsEntry("args", "`p`, `P`");
    SluiceException notHof =
        error(
            () -> df.select(call("upper", sqlLambda(new UnresolvedAttribute(List.of("p")), "p"))));
    assertThat(notHof.getErrorClass())
        .isEqualTo("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION");
    SluiceException notArray = error(() -> df.select(transform(col("x"), v -> v)));
    assertThat(notArray.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    assertThat(notArray.getMessageParameters()).containsEntry("requiredType", "\"ARRAY\"");
    SluiceException unknown = error(() -> df.select(transform(col("a"), v -> col("nope"))));
    assertThat(unknown.getErrorClass()).startsWith("UNRESOLVED_COLUMN");
  }

  @Test
  void callableByName() {
    assertThat(values(df.select(call_function("size", transform(col("a"), v -> v)))))
        .containsExactly(3, 0, null, 2);
  }
}
