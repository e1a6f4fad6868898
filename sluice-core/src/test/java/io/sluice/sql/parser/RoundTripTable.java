package io.sluice.sql.parser;

import static io.sluice.functions.col;
import static io.sluice.functions.lit;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The table {@code t} the generated function round trips read, and the pool of typed arguments they
 * draw from: every column of {@code t} (one per common type, each null in one row) and literals,
 * each with its SQL text and the DataFrame API column of the same meaning.
 */
final class RoundTripTable {
  private RoundTripTable() {}

  /** One argument: its SQL text, the API column meaning the same, and its type. */
  record Arg(String sql, Column column, DataType type) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private static final StructType POINT =
      new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.StringType);
  private static final ArrayType INTS = new ArrayType(DataTypes.IntegerType, true);

  static final StructType SCHEMA =
      new StructType()
          .add("i", DataTypes.IntegerType)
          .add("s", DataTypes.StringType)
          .add("j", DataTypes.StringType) // JSON text
          .add("d", DataTypes.DoubleType)
          .add("l", DataTypes.LongType)
          .add("m", DataTypes.createDecimalType(10, 2))
          .add("dt", DataTypes.DateType)
          .add("ts", DataTypes.TimestampType)
          .add("b", DataTypes.BooleanType)
          .add("a", INTS)
          .add("sa", new ArrayType(DataTypes.StringType, true))
          .add("mp", new MapType(DataTypes.StringType, DataTypes.IntegerType, true))
          .add("st", POINT)
          .add("aa", new ArrayType(INTS, true))
          .add("ast", new ArrayType(POINT, true));

  /** Three rows: two with values (small, valid for most functions) and one of nulls only. */
  static DataFrame create(Session session) {
    List<Row> rows =
        List.of(
            RowFactory.create(
                1,
                "Ab,c",
                "{\"x\": 1, \"y\": \"a\"}",
                0.5,
                2L,
                new BigDecimal("1.25"),
                LocalDate.of(2024, 2, 29),
                Instant.parse("2024-02-29T10:30:45Z"),
                true,
                Arrays.asList(1, null, 3),
                List.of("b", "a"),
                Map.of("k", 1),
                RowFactory.create(1, "x"),
                List.of(List.of(1), List.of(2, 3)),
                List.of(RowFactory.create(1, "x"))),
            RowFactory.create(
                2,
                "hello world",
                "{\"x\": 2}",
                -1.5,
                3L,
                new BigDecimal("-7.50"),
                LocalDate.of(1999, 12, 31),
                Instant.parse("1999-12-31T23:59:59.5Z"),
                false,
                List.of(2, 2),
                Arrays.asList("c", null),
                Map.of("k", 2, "j", 3),
                RowFactory.create(2, null),
                List.of(List.of(4)),
                List.of(RowFactory.create(2, "y"), RowFactory.create(3, "z"))),
            RowFactory.create(new Object[SCHEMA.length()]));
    return session.createDataFrame(rows, SCHEMA);
  }

  /**
   * The argument pool: the columns of {@link #SCHEMA}, then literals. Order matters: a search tries
   * earlier arguments first, so the most widely accepted come first.
   */
  static List<Arg> pool() {
    List<Arg> pool = new ArrayList<>();
    for (var f : SCHEMA.fields()) pool.add(new Arg(f.name(), col(f.name()), f.dataType()));
    pool.add(new Arg("1", lit(1), DataTypes.IntegerType));
    pool.add(new Arg("'a'", lit("a"), DataTypes.StringType));
    pool.add(new Arg("0.5D", lit(0.5), DataTypes.DoubleType));
    pool.add(new Arg("true", lit(true), DataTypes.BooleanType));
    pool.add(new Arg("2L", lit(2L), DataTypes.LongType));
    pool.add(new Arg("1.5", lit(new BigDecimal("1.5")), DataTypes.createDecimalType(2, 1)));
    pool.add(new Arg("'yyyy-MM-dd'", lit("yyyy-MM-dd"), DataTypes.StringType));
    pool.add(new Arg("','", lit(","), DataTypes.StringType));
    pool.add(new Arg("'UTC'", lit("UTC"), DataTypes.StringType)); // a time zone
    pool.add(new Arg("'Mon'", lit("Mon"), DataTypes.StringType)); // a day of the week
    pool.add(new Arg("'x INT'", lit("x INT"), DataTypes.StringType)); // a schema
    pool.add(new Arg("'$.x'", lit("$.x"), DataTypes.StringType)); // a JSON path
    pool.add(new Arg("'{\"x\": 1}'", lit("{\"x\": 1}"), DataTypes.StringType)); // JSON
    pool.add(new Arg("NULL", lit(null), DataTypes.NullType));
    return pool;
  }
}
