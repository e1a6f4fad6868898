package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.sql.parser.SluiceSqlParser.ArrayDataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.CalendarIntervalDataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.DataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.IntervalDataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.MapDataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.PrimitiveDataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.StructDataTypeContext;
import io.sluice.sql.parser.SluiceSqlParser.StructFieldContext;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@link DataType}s from the {@code dataType} rule: types by their SQL names. */
final class DataTypeBuilder {
  private final String command;

  DataTypeBuilder(String command) {
    this.command = command;
  }

  DataType build(DataTypeContext ctx) {
    if (ctx instanceof ArrayDataTypeContext a) {
      return new ArrayType(build(a.dataType()), true);
    }
    if (ctx instanceof MapDataTypeContext m) {
      return new MapType(build(m.keyType), build(m.valueType), true);
    }
    if (ctx instanceof StructDataTypeContext s) {
      List<StructField> fields = new ArrayList<>();
      for (StructFieldContext f : s.structField()) {
        String comment = f.stringLit() == null ? null : Literals.unquote(f.stringLit().getText());
        fields.add(
            new StructField(
                Names.field(f.fieldIdentifier()), build(f.dataType()), f.NOT() == null, comment));
      }
      return new StructType(fields);
    }
    if (ctx instanceof IntervalDataTypeContext i) {
      return interval(i);
    }
    if (ctx instanceof CalendarIntervalDataTypeContext) {
      return DataTypes.CalendarIntervalType;
    }
    return primitive((PrimitiveDataTypeContext) ctx);
  }

  private DataType interval(IntervalDataTypeContext i) {
    String from = IntervalLiterals.unitName(i.from.getText());
    String to = i.to == null ? from : IntervalLiterals.unitName(i.to.getText());
    if (ym(from) != -1 && ym(to) != -1 && ym(from) <= ym(to)) {
      return new YearMonthIntervalType(ym(from), ym(to));
    }
    if (dt(from) != -1 && dt(to) != -1 && dt(from) <= dt(to)) {
      return new DayTimeIntervalType(dt(from), dt(to));
    }
    throw SyntaxErrors.error(
        command,
        i.getStart(),
        ErrorClass.UNSUPPORTED_DATATYPE,
        SluiceException.params("typeName", "\"" + i.getText().toUpperCase(Locale.ROOT) + "\""));
  }

  static byte ym(String unit) {
    return switch (unit) {
      case "year" -> YearMonthIntervalType.YEAR;
      case "month" -> YearMonthIntervalType.MONTH;
      default -> -1;
    };
  }

  static byte dt(String unit) {
    return switch (unit) {
      case "day" -> DayTimeIntervalType.DAY;
      case "hour" -> DayTimeIntervalType.HOUR;
      case "minute" -> DayTimeIntervalType.MINUTE;
      case "second" -> DayTimeIntervalType.SECOND;
      default -> -1;
    };
  }

  private DataType primitive(PrimitiveDataTypeContext p) {
    String name = Names.identifier(p.identifier()).toLowerCase(Locale.ROOT);
    List<Integer> params = new ArrayList<>();
    for (TerminalNode n : p.INTEGER_VALUE()) params.add(Integer.parseInt(n.getText()));
    DataType t =
        switch (name) {
          case "boolean", "bool" -> DataTypes.BooleanType;
          case "tinyint", "byte" -> DataTypes.ByteType;
          case "smallint", "short" -> DataTypes.ShortType;
          case "int", "integer" -> DataTypes.IntegerType;
          case "bigint", "long" -> DataTypes.LongType;
          case "float", "real" -> DataTypes.FloatType;
          case "double" -> DataTypes.DoubleType;
          case "string", "varchar", "char", "character" -> DataTypes.StringType;
          case "binary" -> DataTypes.BinaryType;
          case "date" -> DataTypes.DateType;
          case "timestamp", "timestamp_ltz" -> DataTypes.TimestampType;
          case "void" -> DataTypes.NullType;
          case "decimal", "dec", "numeric" -> decimal(params, p);
          default -> null;
        };
    boolean takesParams = name.matches("varchar|char|character|decimal|dec|numeric");
    if (t == null || !params.isEmpty() && !takesParams) {
      throw SyntaxErrors.error(
          command,
          p.getStart(),
          ErrorClass.UNSUPPORTED_DATATYPE,
          SluiceException.params("typeName", "\"" + p.getText().toUpperCase(Locale.ROOT) + "\""));
    }
    return t;
  }

  private DataType decimal(List<Integer> params, PrimitiveDataTypeContext p) {
    if (params.isEmpty()) return DecimalType.USER_DEFAULT;
    int precision = params.get(0);
    int scale = params.size() > 1 ? params.get(1) : 0;
    try {
      if (params.size() > 2) throw new IllegalArgumentException("too many parameters");
      return new DecimalType(precision, scale);
    } catch (IllegalArgumentException e) {
      throw SyntaxErrors.error(
          command,
          p.getStart(),
          ErrorClass.UNSUPPORTED_DATATYPE,
          SluiceException.params("typeName", "\"" + p.getText().toUpperCase(Locale.ROOT) + "\""));
    }
  }
}
