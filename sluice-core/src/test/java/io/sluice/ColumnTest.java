package io.sluice;

import static io.sluice.functions.coalesce;
import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.countDistinct;
import static io.sluice.functions.lit;
import static io.sluice.functions.not;
import static io.sluice.functions.struct;
import static io.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.internal.EvalModes;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns build the expressions Spark builds, and print as Spark's pretty SQL. */
class ColumnTest {

  @Test
  void namesParseAsSparksCol() {
    assertThat(col("a").expr()).isEqualTo(new UnresolvedAttribute(List.of("a")));
    assertThat(col("t.a.b").expr()).isEqualTo(new UnresolvedAttribute(List.of("t", "a", "b")));
    assertThat(col("`a.b`.c").expr()).isEqualTo(new UnresolvedAttribute(List.of("a.b", "c")));
    assertThat(col("*").expr()).isEqualTo(new UnresolvedStar(List.of()));
    assertThat(col("t.*").expr()).isEqualTo(new UnresolvedStar(List.of("t")));
    assertThat(new Column("x")).isEqualTo(col("x"));
  }

  @Test
  void toStringIsPrettySql() {
    assertThat(col("a").plus(1).toString()).isEqualTo("(a + 1)");
    assertThat(col("a").minus(col("b")).multiply(2).toString()).isEqualTo("((a - b) * 2)");
    assertThat(col("a").divide(2).mod(3).toString()).isEqualTo("((a / 2) % 3)");
    assertThat(col("a").equalTo("x").toString()).isEqualTo("(a = x)");
    assertThat(col("a").notEqual(1).toString()).isEqualTo("(NOT (a = 1))");
    assertThat(col("a").gt(1).and(col("b").leq(2)).or(col("c").isNull()).toString())
        .isEqualTo("(((a > 1) AND (b <= 2)) OR (c IS NULL))");
    assertThat(col("a").eqNullSafe(col("b")).toString()).isEqualTo("(a <=> b)");
    assertThat(col("a").between(1, 3).toString()).isEqualTo("((a >= 1) AND (a <= 3))");
    assertThat(col("a").isin(1, 2, 3).toString()).isEqualTo("(a IN (1, 2, 3))");
    assertThat(col("a").cast("int").toString()).isEqualTo("CAST(a AS INT)");
    assertThat(col("a").cast(DataTypes.StringType).toString()).isEqualTo("CAST(a AS STRING)");
    assertThat(col("a").as("b").toString()).isEqualTo("a AS b");
    assertThat(not(col("a")).toString()).isEqualTo("(NOT a)");
    assertThat(functions.negate(col("a")).toString()).isEqualTo("(- a)");
    assertThat(col("a").isNotNull().toString()).isEqualTo("(a IS NOT NULL)");
    assertThat(col("a").desc().toString()).isEqualTo("a DESC NULLS LAST");
    assertThat(col("a").asc_nulls_last().toString()).isEqualTo("a ASC NULLS LAST");
  }

  @Test
  void aggregatesAreUnresolvedCallsNamedAsSpark() {
    assertThat(count("*").expr())
        .isEqualTo(new UnresolvedFunction("count", List.of(Literal.of(1)), false));
    assertThat(count("*").toString()).isEqualTo("count(1)");
    assertThat(count(col("a")).toString()).isEqualTo("count(a)");
    assertThat(countDistinct("a", "b").toString()).isEqualTo("count(DISTINCT a, b)");
    assertThat(functions.sum("x").toString()).isEqualTo("sum(x)");
    assertThat(functions.mean("x").toString()).isEqualTo("avg(x)");
    assertThat(functions.min(col("x")).toString()).isEqualTo("min(x)");
    assertThat(functions.max("x").toString()).isEqualTo("max(x)");
  }

  @Test
  void literalsTakeTheJavaValuesType() {
    assertThat(lit(1).expr()).isEqualTo(new Literal(1, DataTypes.IntegerType));
    assertThat(lit(1L).expr()).isEqualTo(new Literal(1L, DataTypes.LongType));
    assertThat(lit("s").expr()).isEqualTo(new Literal("s", DataTypes.StringType));
    assertThat(lit(true).expr()).isEqualTo(Literal.TRUE);
    assertThat(lit(1.5).expr()).isEqualTo(new Literal(1.5, DataTypes.DoubleType));
    assertThat(lit(1.5f).expr()).isEqualTo(new Literal(1.5f, DataTypes.FloatType));
    assertThat(lit((short) 2).expr()).isEqualTo(new Literal((short) 2, DataTypes.ShortType));
    assertThat(lit((byte) 2).expr()).isEqualTo(new Literal((byte) 2, DataTypes.ByteType));
    assertThat(((Literal) lit(new BigDecimal("12.345")).expr()).dataType())
        .isEqualTo(new DecimalType(5, 3));
    assertThat(((Literal) lit(new BigDecimal("0.001")).expr()).dataType())
        .isEqualTo(new DecimalType(3, 3));
    assertThat(((Literal) lit(new BigDecimal("1E+3")).expr()).dataType())
        .isEqualTo(new DecimalType(4, 0));
    assertThat(lit(LocalDate.of(1970, 1, 2)).expr()).isEqualTo(new Literal(1, DataTypes.DateType));
    assertThat(lit(Date.valueOf("1970-01-02")).expr())
        .isEqualTo(new Literal(1, DataTypes.DateType));
    assertThat(lit(Instant.ofEpochSecond(1)).expr())
        .isEqualTo(new Literal(1_000_000L, DataTypes.TimestampType));
    assertThat(lit(Timestamp.from(Instant.ofEpochSecond(1))).expr())
        .isEqualTo(new Literal(1_000_000L, DataTypes.TimestampType));
    assertThat(lit(new byte[] {1}).expr())
        .isEqualTo(new Literal(new byte[] {1}, DataTypes.BinaryType));
    assertThat(lit(Duration.ofSeconds(2)).expr())
        .isEqualTo(new Literal(2_000_000L, DataTypes.DayTimeIntervalType));
    assertThat(lit(Period.ofYears(1)).expr())
        .isEqualTo(new Literal(12, DataTypes.YearMonthIntervalType));
    assertThat(((Literal) lit(new CalendarInterval(1, 2, 3)).expr()).dataType())
        .isEqualTo(DataTypes.CalendarIntervalType);
    assertThat(lit(null).expr()).isEqualTo(Literal.NULL);
    Column c = col("a");
    assertThat(lit(c)).isSameAs(c);
    assertThatThrownBy(() -> lit(new Object()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_FEATURE.LITERAL_TYPE");
              assertThat(e.getMessageParameters()).containsEntry("type", "java.lang.Object");
            });
  }

  @Test
  void whenOtherwiseChainsIntoOneCaseWhen() {
    Column c = when(col("a").gt(1), "big").when(col("a").gt(0), "small").otherwise("none");
    assertThat(c.expr()).isInstanceOf(CaseWhen.class);
    assertThat(((CaseWhen) c.expr()).branches()).hasSize(2);
    assertThat(c.toString())
        .isEqualTo("CASE WHEN (a > 1) THEN big WHEN (a > 0) THEN small ELSE none END");
    assertThatThrownBy(() -> col("a").when(col("b"), 1))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "when() can only be applied on a Column"
                            + " previously generated by when() function"));
    assertThatThrownBy(() -> c.when(col("b"), 1))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("once otherwise() is applied");
    assertThatThrownBy(() -> c.otherwise(1)).isInstanceOf(SluiceException.class);
  }

  @Test
  void structuralFunctions() {
    Column s = struct(col("a"), col("b").as("x"), lit(1));
    assertThat(((CreateNamedStruct) s.expr()).names()).containsExactly("a", "x", "col3");
    assertThat(s.toString()).isEqualTo("struct(a, b, 1)");
    assertThat(coalesce(col("a"), lit(0)).toString()).isEqualTo("coalesce(a, 0)");
    assertThat(col("s").getField("x").expr())
        .isEqualTo(new UnresolvedExtractValue(col("s").expr(), Literal.of("x")));
    assertThat(col("arr").getItem(0).expr())
        .isEqualTo(new UnresolvedExtractValue(col("arr").expr(), Literal.of(0)));
    assertThat(col("m").apply("k")).isEqualTo(col("m").getItem("k"));
    assertThat(functions.desc("a").expr()).isEqualTo(SortOrder.desc(col("a").expr()));
    assertThat(col("a").alias("b").expr()).isInstanceOf(Alias.class);
  }

  @Test
  void arithmeticTakesTheSessionsAnsiModeExceptTryCasts() {
    Column c = col("a").plus(1).cast("string");
    var legacy = EvalModes.withSessionMode(c.expr(), false);
    assertThat(legacy.collect(BinaryArithmetic.class).get(0).evalMode()).isEqualTo(EvalMode.LEGACY);
    assertThat(EvalModes.withSessionMode(c.expr(), true)).isSameAs(c.expr());
    var tryCast = col("a").try_cast(DataTypes.IntegerType).expr();
    assertThat(EvalModes.withSessionMode(tryCast, false)).isSameAs(tryCast);
  }
}
