package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.InferredTypes;
import io.sluice.exec.expr.DateTimes;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Spark's type inference for one JSON value, from its tokens: integers as bigint, other numbers as
 * double (or decimal with {@code prefersDecimal}), booleans, strings (timestamps with {@code
 * inferTimestamp}), objects as structs with fields sorted by name, arrays of the merged element
 * type ({@link InferredTypes}). Used by the JSON source for each record and by {@code
 * schema_of_json}. Not thread-safe only in that it holds no state: share freely.
 */
public final class JsonTypeInference {
  private final JsonParseOptions options;

  public JsonTypeInference(JsonParseOptions options) {
    this.options = options;
  }

  /**
   * The type of the value whose first token is current (a field name is skipped), consuming the
   * value; {@code void} at the end of input. Malformed JSON throws Jackson's exception.
   */
  public DataType inferValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) return DataTypes.NullType;
    switch (t) {
      case VALUE_NULL:
        return DataTypes.NullType;
      case FIELD_NAME:
        p.nextToken();
        return inferValue(p);
      case VALUE_STRING:
        return inferString(p.getText());
      case START_OBJECT:
        {
          TreeMap<String, DataType> fields = new TreeMap<>(Comparator.naturalOrder());
          String name;
          while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            DataType ft = inferValue(p);
            fields.merge(name, ft, InferredTypes::compatibleType);
          }
          List<StructField> list = new ArrayList<>(fields.size());
          fields.forEach((k, v) -> list.add(new StructField(k, v, true)));
          return new StructType(list);
        }
      case START_ARRAY:
        {
          DataType element = DataTypes.NullType;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            element = InferredTypes.compatibleType(element, inferValue(p));
          }
          return new ArrayType(element, true);
        }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return options.primitivesAsString ? DataTypes.StringType : inferNumber(p);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return options.primitivesAsString ? DataTypes.StringType : DataTypes.BooleanType;
      default:
        throw new IllegalStateException("Malformed JSON: unexpected token " + t);
    }
  }

  /**
   * Spark's {@code schema_of_json}: the type of the first JSON value in {@code json[off, off+len)},
   * canonicalized as the JSON source does (fields only ever null become strings, or are dropped
   * with {@code dropFieldIfAllNull}; an empty struct stays {@code STRUCT<>}). Malformed JSON throws
   * Jackson's exception.
   */
  public DataType schemaOf(byte[] json, int off, int len) throws IOException {
    boolean drop = options.dropFieldIfAllNull;
    try (JsonParser p = options.factory().createParser(json, off, len)) {
      p.nextToken();
      DataType t = inferValue(p);
      if (t instanceof StructType) {
        DataType c = InferredTypes.canonicalize(t, drop);
        return c == null ? new StructType() : c;
      }
      if (t instanceof ArrayType a && a.elementType() instanceof StructType) {
        DataType c = InferredTypes.canonicalize(a.elementType(), drop);
        return new ArrayType(c == null ? new StructType() : c, a.containsNull());
      }
      DataType c = InferredTypes.canonicalize(t, drop);
      return c == null ? DataTypes.StringType : c;
    }
  }

  private DataType inferString(String s) {
    if (s.isEmpty()) return DataTypes.NullType;
    if (options.prefersDecimal) {
      try {
        BigDecimal d = new BigDecimal(s.replace(",", ""));
        return decimalOrDouble(d);
      } catch (NumberFormatException ignored) {
        // not a number
      }
    }
    if (options.inferTimestamp) {
      long micros =
          options.timestampFormat != null
              ? DateTimeText.parseTimestamp(options.timestampFormat, s, options.zoneId)
              : DateTimes.stringToTimestamp(s, options.zoneId);
      if (micros != DateTimes.INVALID_TIMESTAMP) return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private DataType inferNumber(JsonParser p) throws IOException {
    switch (p.getNumberType()) {
      case INT:
      case LONG:
        return DataTypes.LongType;
      case BIG_INTEGER:
      case BIG_DECIMAL:
        return decimalOrDouble(p.getDecimalValue());
      default:
        if (options.prefersDecimal && !isNonNumeric(p)) return decimalOrDouble(p.getDecimalValue());
        return DataTypes.DoubleType;
    }
  }

  private static boolean isNonNumeric(JsonParser p) throws IOException {
    double d = p.getDoubleValue();
    return Double.isNaN(d) || Double.isInfinite(d);
  }

  private static DataType decimalOrDouble(BigDecimal v) {
    int precision = Math.max(v.precision(), v.scale());
    if (v.scale() < 0 || precision > DecimalType.MAX_PRECISION) {
      return v.scale() < 0 && v.precision() - v.scale() <= DecimalType.MAX_PRECISION
          ? new DecimalType(v.precision() - v.scale(), 0)
          : DataTypes.DoubleType;
    }
    return new DecimalType(precision, v.scale());
  }
}
