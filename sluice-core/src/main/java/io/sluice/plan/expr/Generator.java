package io.sluice.plan.expr;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table-generating function that turns one input row into zero or more rows: {@code explode},
 * {@code posexplode} and {@code inline}, each with an {@code _outer} variant that yields one row of
 * nulls for a null or empty input. Only allowed as a whole item of a projection; the analyzer moves
 * it into a {@link io.sluice.plan.logical.Generate} node, whose columns are {@link
 * #elementSchema()} ({@code col}, {@code pos}, {@code key}, {@code value}, or the struct's fields
 * for {@code inline}).
 *
 * @param kind which generator
 * @param child the array (or map, for the explodes) to generate rows from
 * @param outer whether a null or empty input yields one row of nulls instead of none
 */
public record Generator(Kind kind, Expression child, boolean outer) implements Expression {

  /** The generators. */
  public enum Kind {
    /** One row per element ({@code col}) or map entry ({@code key}, {@code value}). */
    EXPLODE,
    /** As {@link #EXPLODE} with the 0-based position first ({@code pos}). */
    POSEXPLODE,
    /** One row per struct element of an array, one column per field. */
    INLINE,
    /**
     * The input row repeated as many times as {@code child} (a bigint) says, with no generated
     * column: Spark's internal {@code replicaterows}, which the optimizer uses to run {@code EXCEPT
     * ALL} and {@code INTERSECT ALL}; not callable by name.
     */
    REPLICATE_ROWS;

    /** The function name, e.g. {@code posexplode}. */
    public String functionName() {
      return this == REPLICATE_ROWS ? "replicaterows" : name().toLowerCase(Locale.ROOT);
    }
  }

  public Generator {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(child, "child");
  }

  /**
   * The generated columns as Spark names and types them; for an outer generator every column is
   * nullable.
   */
  public StructType elementSchema() {
    List<StructField> fields = new ArrayList<>();
    if (kind == Kind.REPLICATE_ROWS) return new StructType(fields);
    DataType in = child.dataType();
    if (kind == Kind.POSEXPLODE) fields.add(new StructField("pos", DataTypes.IntegerType, outer));
    if (kind == Kind.INLINE) {
      ArrayType a = (ArrayType) in;
      for (StructField f : ((StructType) a.elementType()).fields()) {
        fields.add(
            new StructField(f.name(), f.dataType(), outer || f.nullable() || a.containsNull()));
      }
    } else if (in instanceof MapType m) {
      fields.add(new StructField("key", m.keyType(), outer));
      fields.add(new StructField("value", m.valueType(), outer || m.valueContainsNull()));
    } else {
      ArrayType a = (ArrayType) in;
      fields.add(new StructField("col", a.elementType(), outer || a.containsNull()));
    }
    return new StructType(fields);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new Generator(kind, c.get(0), outer);
  }

  /** The generated rows as an array of structs, as Spark types a generator. */
  @Override
  public DataType dataType() {
    return new ArrayType(elementSchema(), false);
  }

  @Override
  public boolean nullable() {
    return false;
  }

  /** The function's name, e.g. {@code explode_outer}. */
  public String prettyName() {
    return kind.functionName() + (outer ? "_outer" : "");
  }

  @Override
  public String sql() {
    return prettyName() + "(" + child.sql() + ")";
  }

  @Override
  public String toString() {
    return prettyName() + "(" + child + ")";
  }
}
