package io.sluice.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's JSON form of a data type ({@code DataType.json}), accepted where a schema string is
 * expected, e.g. {@code {"type":"struct","fields":[{"name":"a","type":"integer",
 * "nullable":true,"metadata":{}}]}}: atomic types by name ({@code "integer"}, {@code "long"},
 * {@code "decimal(10,2)"}...), structs, arrays and maps.
 */
final class JsonSchemaText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonSchemaText() {}

  /** The type, or null when {@code text} is not a JSON type description. */
  static DataType parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      Object tree = read(p, p.nextToken());
      if (p.nextToken() != null) return null;
      return type(tree);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A small tree of the description: maps, lists, strings, booleans. */
  private static Object read(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      String name;
      while ((name = p.nextFieldName()) != null) m.put(name, read(p, p.nextToken()));
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) l.add(read(p, e));
      return l;
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return t == JsonToken.VALUE_TRUE;
    if (t == JsonToken.VALUE_STRING) return p.getText();
    if (t == JsonToken.VALUE_NULL) return null;
    throw new IllegalArgumentException("unexpected " + t);
  }

  private static DataType type(Object node) {
    if (node instanceof String name) {
      return name.equals("null") ? DataTypes.NullType : DataTypes.fromDDL(name);
    }
    Map<?, ?> m = (Map<?, ?>) node;
    switch ((String) m.get("type")) {
      case "struct":
        {
          List<StructField> fields = new ArrayList<>();
          for (Object f : (List<?>) m.get("fields")) {
            Map<?, ?> field = (Map<?, ?>) f;
            fields.add(
                new StructField(
                    (String) field.get("name"),
                    type(field.get("type")),
                    !Boolean.FALSE.equals(field.get("nullable"))));
          }
          return new StructType(fields);
        }
      case "array":
        return new ArrayType(
            type(m.get("elementType")), !Boolean.FALSE.equals(m.get("containsNull")));
      case "map":
        return new MapType(
            type(m.get("keyType")),
            type(m.get("valueType")),
            !Boolean.FALSE.equals(m.get("valueContainsNull")));
      default:
        throw new IllegalArgumentException("unknown type " + m.get("type"));
    }
  }
}
