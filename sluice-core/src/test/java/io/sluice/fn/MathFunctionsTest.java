package io.sluice.fn;

import static io.sluice.functions.abs;
import static io.sluice.functions.bround;
import static io.sluice.functions.call_function;
import static io.sluice.functions.ceil;
import static io.sluice.functions.col;
import static io.sluice.functions.exp;
import static io.sluice.functions.floor;
import static io.sluice.functions.greatest;
import static io.sluice.functions.least;
import static io.sluice.functions.lit;
import static io.sluice.functions.log;
import static io.sluice.functions.log10;
import static io.sluice.functions.log2;
import static io.sluice.functions.pmod;
import static io.sluice.functions.pow;
import static io.sluice.functions.rand;
import static io.sluice.functions.randn;
import static io.sluice.functions.round;
import static io.sluice.functions.signum;
import static io.sluice.functions.sqrt;
import static io.sluice.functions.try_add;
import static io.sluice.functions.try_divide;
import static io.sluice.functions.try_multiply;
import static io.sluice.functions.try_subtract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.Tuple2;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The math functions through the whole engine: registry, coercion, kernel, names, ANSI. */
class MathFunctionsTest {
  private static Session session;
  private static Session legacy;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    legacy = session.newSession();
    legacy.conf().set("spark.sql.ansi.enabled", "false");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static DataFrame df(Session s, String ddl, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) list.add(RowFactory.create(r));
    return s.createDataFrame(list, StructType.fromDDL(ddl));
  }

  private static Object[] r(Object... values) {
    return values == null ? new Object[] {null} : values;
  }

  private static List<Object> column(DataFrame d) {
    List<Object> out = new ArrayList<>();
    for (Row row : d.collectAsList()) out.add(row.get(0));
    return out;
  }

  private static List<String> types(DataFrame d) {
    List<String> out = new ArrayList<>();
    for (Tuple2<String, String> t : d.dtypes()) out.add(t._2());
    return out;
  }

  private static void assertError(Runnable r, String errorClass) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            SluiceException.class, e -> assertThat(e.getErrorClass()).isEqualTo(errorClass));
  }

  // --- abs ---

  @Test
  void absKeepsTheTypeAndNulls() {
    DataFrame d =
        df(
            session,
            "i INT, l BIGINT, d DOUBLE, m DECIMAL(5,2)",
            r(-3, -4L, -1.5, new BigDecimal("-1.25")),
            r(null, null, null, null));
    DataFrame out = d.select(abs(col("i")), abs(col("l")), abs(col("d")), abs(col("m")));
    assertThat(out.columns()).containsExactly("abs(i)", "abs(l)", "abs(d)", "abs(m)");
    assertThat(types(out))
        .containsExactly("IntegerType", "LongType", "DoubleType", "DecimalType(5,2)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(3, 4L, 1.5, new BigDecimal("1.25")),
            RowFactory.create(null, null, null, null));
  }

  @Test
  void absOfTheMinimumOverflowsInAnsiAndWrapsOtherwise() {
    Object[] row = r(Integer.MIN_VALUE, Long.MIN_VALUE);
    String ddl = "i INT, l BIGINT";
    assertError(
        () -> df(session, ddl, row).select(abs(col("i"))).collectAsList(), "ARITHMETIC_OVERFLOW");
    assertThatThrownBy(() -> df(session, ddl, row).select(abs(col("l"))).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("message", "long overflow"));
    assertThat(df(legacy, ddl, row).select(abs(col("i")), abs(col("l"))).collectAsList())
        .containsExactly(RowFactory.create(Integer.MIN_VALUE, Long.MIN_VALUE));
  }

  // --- rounding ---

  @Test
  void roundIsHalfUpAndBroundHalfEvenThroughDecimalText() {
    DataFrame d =
        df(session, "x DOUBLE", r(2.5), r(-2.5), r(3.5), r(2.675), r(null), r(Double.NaN));
    assertThat(d.select(round(col("x"))).columns()).containsExactly("round(x, 0)");
    assertThat(column(d.select(round(col("x")))))
        .containsExactly(3.0, -3.0, 4.0, 3.0, null, Double.NaN);
    assertThat(column(d.select(bround(col("x")))))
        .containsExactly(2.0, -2.0, 4.0, 3.0, null, Double.NaN);
    // 2.675 is 2.67499999... in binary, but Spark rounds its decimal text
    assertThat(column(d.select(round(col("x"), 2)))).element(3).isEqualTo(2.68);
    assertThat(d.select(bround(col("x"), 1)).columns()).containsExactly("bround(x, 1)");
  }

  @Test
  void roundOfDecimalsNarrowsTheScaleAndMakesRoomForTheCarry() {
    DataFrame d =
        df(
            session,
            "m DECIMAL(5,3)",
            r(new BigDecimal("99.995")),
            r(new BigDecimal("-1.005")),
            r(null));
    DataFrame out = d.select(round(col("m"), 2), bround(col("m"), 2), round(col("m"), -1));
    assertThat(types(out))
        .containsExactly("DecimalType(5,2)", "DecimalType(5,2)", "DecimalType(3,0)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(
                new BigDecimal("100.00"), new BigDecimal("100.00"), new BigDecimal("100")),
            RowFactory.create(
                new BigDecimal("-1.01"), new BigDecimal("-1.00"), new BigDecimal("0")),
            RowFactory.create(null, null, null));
  }

  @Test
  void roundOfIntegersAtNegativeScalesOverflowsInAnsi() {
    DataFrame d = df(session, "i INT", r(125), r(-125), r(135));
    assertThat(column(d.select(round(col("i"), -1)))).containsExactly(130, -130, 140);
    assertThat(column(d.select(bround(col("i"), -1)))).containsExactly(120, -120, 140);
    assertThat(types(d.select(round(col("i"), -1)))).containsExactly("IntegerType");
    Object[] max = r(Integer.MAX_VALUE);
    assertThatThrownBy(() -> df(session, "i INT", max).select(round(col("i"), -1)).collectAsList())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("ARITHMETIC_OVERFLOW");
              assertThat(e.getMessageParameters().get("alternative")).contains("try_round");
            });
    // legacy keeps the low 32 bits of 2147483650
    assertThat(column(df(legacy, "i INT", max).select(round(col("i"), -1))))
        .containsExactly(-2147483646);
  }

  @Test
  void roundNeedsAConstantScale() {
    DataFrame d = df(session, "x DOUBLE, s INT", r(1.5, 1));
    assertError(
        () -> d.select(round(col("x"), col("s"))).collectAsList(),
        "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT");
  }

  @Test
  void ceilAndFloorReturnBigintForDoublesAndDecimalsOfScaleZero() {
    DataFrame d =
        df(
            session,
            "x DOUBLE, i INT, m DECIMAL(5,2)",
            r(-0.1, 5, new BigDecimal("1.21")),
            r(2.5, -5, new BigDecimal("-1.21")),
            r(null, null, null));
    DataFrame out =
        d.select(ceil(col("x")), floor(col("x")), ceil(col("i")), ceil(col("m")), floor(col("m")));
    assertThat(out.columns())
        .containsExactly("CEIL(x)", "FLOOR(x)", "CEIL(i)", "CEIL(m)", "FLOOR(m)");
    assertThat(types(out))
        .containsExactly(
            "LongType", "LongType", "LongType", "DecimalType(4,0)", "DecimalType(4,0)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(0L, -1L, 5L, new BigDecimal("2"), new BigDecimal("1")),
            RowFactory.create(3L, 2L, -5L, new BigDecimal("-1"), new BigDecimal("-2")),
            RowFactory.create(null, null, null, null, null));
    assertThat(d.select(call_function("ceiling", col("x"))).columns())
        .containsExactly("ceiling(x)");
  }

  @Test
  void ceilWithAScaleRoundsDecimalsUp() {
    DataFrame d = df(session, "m DECIMAL(6,4), i INT", r(new BigDecimal("3.1411"), 1234));
    DataFrame out =
        d.select(ceil(col("m"), lit(3)), floor(col("m"), lit(3)), ceil(col("i"), lit(-2)));
    assertThat(out.columns()).containsExactly("ceil(m, 3)", "floor(m, 3)", "ceil(i, -2)");
    assertThat(types(out))
        .containsExactly("DecimalType(6,3)", "DecimalType(6,3)", "DecimalType(11,0)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(
                new BigDecimal("3.142"), new BigDecimal("3.141"), new BigDecimal("1300")));
    assertError(() -> d.select(ceil(col("m"), col("i"))).collectAsList(), "NON_FOLDABLE_ARGUMENT");
  }

  // --- doubles ---

  @Test
  void unaryDoubleFunctionsUseSparksNamesAndNullLogarithmsOutsideTheirDomain() {
    DataFrame d = df(session, "x INT", r(4), r(0), r(-1), r(null));
    DataFrame out =
        d.select(
            sqrt(col("x")),
            log(col("x")),
            log10(col("x")),
            log2(col("x")),
            exp(col("x")),
            signum(col("x")));
    assertThat(out.columns())
        .containsExactly("SQRT(x)", "ln(x)", "LOG10(x)", "LOG2(x)", "EXP(x)", "SIGNUM(x)");
    assertThat(types(out)).containsOnly("DoubleType");
    List<Row> rows = out.collectAsList();
    assertThat(rows.get(0))
        .isEqualTo(
            RowFactory.create(
                2.0, StrictMath.log(4), StrictMath.log10(4), 2.0, StrictMath.exp(4), 1.0));
    assertThat(rows.get(1)).isEqualTo(RowFactory.create(0.0, null, null, null, 1.0, 0.0));
    assertThat(rows.get(2).get(0)).isEqualTo(Double.NaN);
    assertThat(rows.get(2).isNullAt(1)).isTrue();
    assertThat(rows.get(3)).isEqualTo(RowFactory.create(null, null, null, null, null, null));
  }

  @Test
  void logWithABaseAndPower() {
    DataFrame d = df(session, "x DOUBLE", r(100.0), r(-1.0));
    DataFrame out =
        d.select(
            log(10.0, col("x")),
            pow(col("x"), 0.5),
            call_function("log", col("x")),
            call_function("pow", col("x"), lit(2)));
    assertThat(out.columns())
        .containsExactly("LOG(10.0, x)", "POWER(x, 0.5)", "LOG(E(), x)", "pow(x, 2)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(2.0, 10.0, StrictMath.log(100.0), 10000.0),
            RowFactory.create(null, Double.NaN, null, 1.0));
  }

  // --- greatest / least ---

  @Test
  void greatestAndLeastSkipNullsAndWidenTypes() {
    DataFrame d =
        df(
            session,
            "a INT, b DOUBLE, c BIGINT",
            r(1, 2.5, 3L),
            r(null, 0.5, null),
            r(null, null, null),
            r(4, Double.NaN, 1L));
    DataFrame out =
        d.select(
            greatest(col("a"), col("b"), col("c")),
            least(col("a"), col("b"), col("c")),
            greatest(col("a"), col("c")));
    assertThat(out.columns())
        .containsExactly("greatest(a, b, c)", "least(a, b, c)", "greatest(a, c)");
    assertThat(types(out)).containsExactly("DoubleType", "DoubleType", "LongType");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(3.0, 1.0, 3L),
            RowFactory.create(0.5, 0.5, null),
            RowFactory.create(null, null, null),
            RowFactory.create(Double.NaN, 1.0, 4L));
  }

  @Test
  void greatestOfStringsAndItsArgumentChecks() {
    DataFrame d =
        df(
            session,
            "s STRING, t STRING, b BOOLEAN, i INT",
            r("b", "ab", true, 1),
            r(null, "x", false, 2));
    assertThat(column(d.select(greatest(col("s"), col("t"))))).containsExactly("b", "x");
    assertThat(column(d.select(least(col("s"), col("t"))))).containsExactly("ab", "x");
    assertError(
        () -> d.select(greatest(col("s"))).collectAsList(), "DATATYPE_MISMATCH.WRONG_NUM_ARGS");
    assertError(
        () -> d.select(greatest(col("i"), col("b"))).collectAsList(),
        "DATATYPE_MISMATCH.DATA_DIFF_TYPES");
  }

  // --- rand ---

  @Test
  void randWithASeedGivesSparksValues() {
    DataFrame one = session.range(0, 1, 1, 1);
    // Spark's documented values of SELECT rand(0) and SELECT randn(0)
    assertThat(column(one.select(rand(0)))).containsExactly(0.7604953758285915);
    assertThat(column(one.select(randn(0)))).containsExactly(1.6034991609278433);
    DataFrame out = one.select(rand(42), randn(7));
    assertThat(out.columns()).containsExactly("rand(42)", "randn(7)");
    assertThat(out.schema().fields()[0].nullable()).isFalse();
  }

  @Test
  void randIsSeededPerPartition() {
    DataFrame two = session.range(0, 4, 1, 2);
    List<Object> values = column(two.select(rand(5)));
    List<Object> first = column(session.range(0, 2, 1, 1).select(rand(5)));
    List<Object> second = column(session.range(0, 2, 1, 1).select(rand(6)));
    assertThat(values.subList(0, 2)).isEqualTo(first);
    assertThat(values.subList(2, 4)).isEqualTo(second);
    assertThat(values).allSatisfy(v -> assertThat((Double) v).isBetween(0.0, 1.0));
    assertThat(column(two.select(rand(5)))).isEqualTo(values);
  }

  // --- arithmetic functions ---

  @Test
  void tryArithmeticGivesNullInsteadOfErrors() {
    DataFrame d = df(session, "a INT, b INT", r(Integer.MAX_VALUE, 1), r(6, 0), r(null, 1));
    DataFrame out =
        d.select(
            try_add(col("a"), col("b")),
            try_subtract(col("b"), col("a")),
            try_multiply(col("a"), col("b")),
            try_divide(col("a"), col("b")));
    assertThat(out.columns())
        .containsExactly(
            "try_add(a, b)", "try_subtract(b, a)", "try_multiply(a, b)", "try_divide(a, b)");
    assertThat(types(out))
        .containsExactly("IntegerType", "IntegerType", "IntegerType", "DoubleType");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(null, -2147483646, Integer.MAX_VALUE, 2.147483647E9),
            RowFactory.create(6, -6, 0, null),
            RowFactory.create(null, null, null, null));
  }

  @Test
  void pmodAndModFollowTheSessionMode() {
    DataFrame d = df(session, "a INT, b INT", r(-7, 3), r(7, -3), r(1, 0));
    assertThat(d.select(pmod(col("a"), col("b"))).columns()).containsExactly("pmod(a, b)");
    assertError(() -> d.select(pmod(col("a"), col("b"))).collectAsList(), "DIVIDE_BY_ZERO");
    DataFrame l = df(legacy, "a INT, b INT", r(-7, 3), r(7, -3), r(1, 0));
    assertThat(column(l.select(pmod(col("a"), col("b"))))).containsExactly(2, 1, null);
    assertThat(column(l.select(call_function("mod", col("a"), col("b")))))
        .containsExactly(-1, 1, null);
    assertThat(l.select(call_function("mod", col("a"), col("b"))).columns())
        .containsExactly("mod(a, b)");
  }

  @Test
  void negativeKeepsItsName() {
    DataFrame d = df(session, "a INT", r(5), r(null));
    DataFrame out =
        d.select(call_function("negative", col("a")), call_function("positive", col("a")));
    assertThat(out.columns()[0]).isEqualTo("negative(a)");
    assertThat(out.collectAsList())
        .containsExactly(RowFactory.create(-5, 5), RowFactory.create(null, null));
  }

  @Test
  void decimalInputsOfDoubleFunctionsAreCast() {
    DataFrame d = df(session, "m DECIMAL(4,1)", r(new BigDecimal("6.3")));
    assertThat(column(d.select(sqrt(col("m"))))).containsExactly(Math.sqrt(6.3));
    assertThat(d.select(sqrt(col("m"))).schema().fields()[0].dataType())
        .isEqualTo(DataTypes.DoubleType);
  }

  @Test
  void stringArgumentsOfNumericFunctionsAreRejectedWhenNotNumbers() {
    DataFrame d = df(session, "s STRING", r("x"));
    assertThatThrownBy(() -> d.select(abs(col("s"))).collectAsList())
        .isInstanceOf(SluiceException.class);
    assertThatThrownBy(() -> d.select(call_function("abs")).collectAsList())
        .isInstanceOf(AnalysisException.class);
    // try_cast (a Column method and SQL syntax, not a registry function) gives null instead
    assertThat(column(d.select(abs(col("s").try_cast("int"))))).containsExactly((Object) null);
  }

  // --- SQL ---

  @Test
  void sqlCallsShareTheRegistry() {
    DataFrame out =
        session.sql(
            "SELECT round(2.5), ceil(-0.1), CEIL(1.2D), ceiling(-1.5D),"
                + " rand(0), log(10, 100), log(1), greatest(1, 2.5), pow(2, 10), bround(2.5, 0)");
    assertThat(out.columns())
        .containsExactly(
            "round(2.5, 0)",
            "CEIL(-0.1)",
            "CEIL(1.2)",
            "ceiling(-1.5)",
            "rand(0)",
            "LOG(10, 100)",
            "LOG(E(), 1)",
            "greatest(1, 2.5)",
            "pow(2, 10)",
            "bround(2.5, 0)");
    assertThat(types(out))
        .containsExactly(
            "DecimalType(2,0)",
            "DecimalType(1,0)",
            "LongType",
            "LongType",
            "DoubleType",
            "DoubleType",
            "DoubleType",
            "DecimalType(11,1)",
            "DoubleType",
            "DecimalType(2,0)");
    assertThat(out.collectAsList())
        .containsExactly(
            RowFactory.create(
                new BigDecimal("3"),
                new BigDecimal("0"),
                2L,
                -1L,
                0.7604953758285915,
                2.0,
                0.0,
                new BigDecimal("2.5"),
                1024.0,
                new BigDecimal("2")));
  }
}
