package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code extract(field FROM source)} and its function forms {@code date_part(field, source)} and
 * {@code datepart(field, source)}: the field name (a constant string, with Spark's abbreviations:
 * {@code Y}, {@code MON}, {@code DOW}, {@code SECS}...) picks the field function evaluated, {@code
 * SECOND} with its fraction as {@code decimal(8,6)}. Dates and timestamps only.
 */
final class ExtractSpecs {
  private ExtractSpecs() {}

  /** What a field evaluates: a kernel over a date or a timestamp, and its result type. */
  private record Field(String kernel, boolean overTimestamp, DataType type) {}

  private static final Map<String, Field> FIELDS = fields();

  private static Map<String, Field> fields() {
    Map<String, Field> m = new HashMap<>();
    put(m, date("year"), "YEAR", "Y", "YEARS", "YR", "YRS");
    put(m, date("yearofweek"), "YEAROFWEEK");
    put(m, date("quarter"), "QUARTER", "QTR");
    put(m, date("month"), "MONTH", "MON", "MONS", "MONTHS");
    put(m, date("weekofyear"), "WEEK", "W", "WEEKS");
    put(m, date("dayofmonth"), "DAY", "D", "DAYS");
    put(m, date("dayofweek"), "DAYOFWEEK", "DOW");
    put(m, date("dayofweek_iso"), "DAYOFWEEK_ISO", "DOW_ISO");
    put(m, date("dayofyear"), "DOY");
    put(m, time("hour", DataTypes.IntegerType), "HOUR", "H", "HOURS", "HR", "HRS");
    put(m, time("minute", DataTypes.IntegerType), "MINUTE", "M", "MIN", "MINS", "MINUTES");
    put(
        m,
        time("second_with_fraction", new DecimalType(8, 6)),
        "SECOND",
        "S",
        "SEC",
        "SECONDS",
        "SECS");
    return Map.copyOf(m);
  }

  private static Field date(String kernel) {
    return new Field(kernel, false, DataTypes.IntegerType);
  }

  private static Field time(String kernel, DataType type) {
    return new Field(kernel, true, type);
  }

  private static void put(Map<String, Field> m, Field f, String... names) {
    for (String n : names) m.put(n, f);
  }

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar("extract", Arity.exactly(2), c -> build(c, true)),
        FunctionSpec.scalar("date_part", Arity.exactly(2), c -> build(c, false)),
        FunctionSpec.scalar("datepart", Arity.exactly(2), c -> build(c, false)));
  }

  private static Expression build(FunctionCall c, boolean extractSyntax) {
    Expression fieldArg = c.arg(0);
    Foldables.Constant field = Foldables.constant(fieldArg);
    if (field == null || !(field.value() instanceof String name)) {
      throw QueryErrors.error(
          ErrorClass.NON_FOLDABLE_ARGUMENT,
          "funcName",
          toSQLId(c.name()),
          "paramName",
          toSQLId("field"),
          "paramType",
          toSQLType(DataTypes.StringType));
    }
    Expression source = c.arg(1);
    Field f = FIELDS.get(name.toUpperCase(Locale.ROOT));
    if (f == null) {
      throw QueryErrors.error(
          ErrorClass.INVALID_EXTRACT_FIELD, "field", toSQLId(name), "expr", toSQLExpr(source));
    }
    String shown =
        extractSyntax
            ? "extract(" + name + " FROM " + source.sql() + ")"
            : c.name() + "(" + fieldArg.sql() + ", " + source.sql() + ")";
    InputType wanted =
        InputType.exact(f.overTimestamp() ? DataTypes.TimestampType : DataTypes.DateType);
    Optional<Expression> cast = new ImplicitCasts(c.ansi()).cast(source, wanted);
    if (cast.isEmpty()) {
      throw QueryErrors.unexpectedInputType("\"" + shown + "\"", 1, wanted.toSQLType(), source);
    }
    ScalarFunction value =
        ScalarFunction.of(f.kernel(), List.of(cast.get()), f.type(), source.nullable());
    return RuntimeReplaceable.shownAs(shown, value);
  }
}
