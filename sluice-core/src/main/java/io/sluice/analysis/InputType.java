package io.sluice.analysis;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function accepts at one argument position (Spark's {@code AbstractDataType}): an exact
 * type, a family of types ({@code NUMERIC}, {@code DECIMAL}, ...), or one of several. The analyzer
 * implicitly casts an argument to {@link #defaultConcreteType()} (or the first member of a {@link
 * OneOf} it can reach) when the argument's type is not accepted.
 */
public sealed interface InputType {

  boolean accepts(DataType t);

  /** The type an argument is cast to when it is not accepted as is. */
  DataType defaultConcreteType();

  /** The type as shown in errors, e.g. {@code "NUMERIC"} or {@code ("INT" or "STRING")}. */
  String toSQLType();

  /** Accepts exactly {@code type} (nullability of nested types ignored). */
  record Exact(DataType type) implements InputType {
    @Override
    public boolean accepts(DataType t) {
      return DataTypes.equalsIgnoreNullability(type, t);
    }

    @Override
    public DataType defaultConcreteType() {
      return type;
    }

    @Override
    public String toSQLType() {
      return QueryErrors.toSQLType(type);
    }
  }

  /** Families of types Spark names in its input-type declarations. */
  enum Family {
    ANY("ANY"),
    NUMERIC("NUMERIC"),
    INTEGRAL("INTEGRAL"),
    DECIMAL("DECIMAL"),
    ANY_TIMESTAMP("ANY TIMESTAMP"),
    ARRAY("ARRAY"),
    MAP("MAP"),
    STRUCT("STRUCT"),
    DAY_TIME_INTERVAL("INTERVAL DAY TO SECOND"),
    YEAR_MONTH_INTERVAL("INTERVAL YEAR TO MONTH");

    private final String sqlName;

    Family(String sqlName) {
      this.sqlName = sqlName;
    }
  }

  /** Any type of a family. */
  record AnyOf(Family family) implements InputType {
    @Override
    public boolean accepts(DataType t) {
      return switch (family) {
        case ANY -> true;
        case NUMERIC -> t.isNumeric();
        case INTEGRAL -> t.isIntegral();
        case DECIMAL -> t instanceof DecimalType;
        case ANY_TIMESTAMP -> t instanceof TimestampType;
        case ARRAY -> t instanceof ArrayType;
        case MAP -> t instanceof MapType;
        case STRUCT -> t instanceof StructType;
        case DAY_TIME_INTERVAL -> t instanceof DayTimeIntervalType;
        case YEAR_MONTH_INTERVAL -> t instanceof YearMonthIntervalType;
      };
    }

    @Override
    public DataType defaultConcreteType() {
      return switch (family) {
        case ANY -> DataTypes.NullType;
        case NUMERIC -> DataTypes.DoubleType;
        case INTEGRAL -> DataTypes.IntegerType;
        case DECIMAL -> DecimalType.SYSTEM_DEFAULT;
        case ANY_TIMESTAMP -> DataTypes.TimestampType;
        case ARRAY -> new ArrayType(DataTypes.NullType, true);
        case MAP -> new MapType(DataTypes.NullType, DataTypes.NullType, true);
        case STRUCT -> new StructType();
        case DAY_TIME_INTERVAL -> DataTypes.DayTimeIntervalType;
        case YEAR_MONTH_INTERVAL -> DataTypes.YearMonthIntervalType;
      };
    }

    @Override
    public String toSQLType() {
      return "\"" + family.sqlName + "\"";
    }
  }

  /** Any of several accepted types; implicit casts try the members in order. */
  record OneOf(List<InputType> members) implements InputType {
    public OneOf {
      members = List.copyOf(members);
    }

    @Override
    public boolean accepts(DataType t) {
      for (InputType m : members) {
        if (m.accepts(t)) return true;
      }
      return false;
    }

    @Override
    public DataType defaultConcreteType() {
      return members.get(0).defaultConcreteType();
    }

    @Override
    public String toSQLType() {
      List<String> parts = new ArrayList<>();
      for (InputType m : members) parts.add(m.toSQLType());
      return "(" + String.join(" or ", parts) + ")";
    }
  }

  InputType ANY = new AnyOf(Family.ANY);
  InputType NUMERIC = new AnyOf(Family.NUMERIC);
  InputType INTEGRAL = new AnyOf(Family.INTEGRAL);
  InputType DECIMAL = new AnyOf(Family.DECIMAL);
  InputType ARRAY = new AnyOf(Family.ARRAY);
  InputType MAP = new AnyOf(Family.MAP);
  InputType STRUCT = new AnyOf(Family.STRUCT);
  InputType BOOLEAN = new Exact(DataTypes.BooleanType);
  InputType STRING = new Exact(DataTypes.StringType);

  /** {@code sum}, {@code avg}: numbers and ANSI intervals. */
  InputType NUMERIC_OR_ANSI_INTERVAL =
      new OneOf(
          List.of(
              NUMERIC, new AnyOf(Family.YEAR_MONTH_INTERVAL), new AnyOf(Family.DAY_TIME_INTERVAL)));

  /** Unary minus and {@code +}/{@code -}: numbers and all intervals. */
  InputType NUMERIC_AND_INTERVAL =
      new OneOf(
          List.of(
              NUMERIC,
              new AnyOf(Family.DAY_TIME_INTERVAL),
              new AnyOf(Family.YEAR_MONTH_INTERVAL),
              new Exact(DataTypes.CalendarIntervalType)));

  static InputType exact(DataType t) {
    return new Exact(t);
  }

  static InputType oneOf(InputType... members) {
    return new OneOf(List.of(members));
  }
}
