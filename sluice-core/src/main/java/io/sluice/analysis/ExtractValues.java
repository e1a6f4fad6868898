package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code ExtractValue}: {@code base[extraction]} or {@code base.field} becomes a struct
 * field access, an array index or a map lookup depending on the base's type.
 */
final class ExtractValues {
  private ExtractValues() {}

  static Expression extract(
      Expression base, Expression extraction, NameMatcher names, boolean ansi) {
    DataType t = base.dataType();
    String fieldName =
        extraction instanceof Literal l && l.dataType() instanceof StringType && l.value() != null
            ? (String) l.value()
            : null;
    if (t instanceof StructType s) {
      if (fieldName == null) {
        throw QueryErrors.error(
            ErrorClass.INVALID_EXTRACT_FIELD_TYPE, "extraction", QueryErrors.toSQLExpr(extraction));
      }
      return new GetStructField(base, fieldIndex(s, fieldName, names), fieldName);
    }
    if (t instanceof ArrayType a) {
      if (fieldName != null && a.elementType() instanceof StructType) {
        throw QueryErrors.error(
            ErrorClass.UNSUPPORTED_EXTRACT_FROM_ARRAY_OF_STRUCTS,
            "fieldName",
            QueryErrors.toSQLId(List.of(fieldName)),
            "base",
            QueryErrors.toSQLExpr(base));
      }
      return new GetArrayItem(base, extraction, ansi);
    }
    if (t instanceof MapType) {
      return new GetMapValue(base, extraction);
    }
    throw QueryErrors.error(
        ErrorClass.INVALID_EXTRACT_BASE_FIELD_TYPE,
        "base",
        QueryErrors.toSQLExpr(base),
        "other",
        QueryErrors.toSQLType(t));
  }

  private static int fieldIndex(StructType s, String name, NameMatcher names) {
    int found = -1;
    int count = 0;
    for (int i = 0; i < s.size(); i++) {
      if (names.matches(s.get(i).name(), name)) {
        if (found < 0) found = i;
        count++;
      }
    }
    if (found < 0) {
      List<String> fields = new ArrayList<>();
      for (String f : s.fieldNames()) fields.add(QueryErrors.toSQLId(List.of(f)));
      throw QueryErrors.error(
          ErrorClass.FIELD_NOT_FOUND,
          "fieldName",
          QueryErrors.toSQLId(List.of(name)),
          "fields",
          String.join(", ", fields));
    }
    if (count > 1) {
      throw QueryErrors.error(
          ErrorClass.AMBIGUOUS_REFERENCE_TO_FIELDS,
          "field",
          QueryErrors.toSQLId(List.of(name)),
          "count",
          String.valueOf(count));
    }
    return found;
  }
}
