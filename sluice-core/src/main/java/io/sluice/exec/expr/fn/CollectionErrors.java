package io.sluice.exec.expr.fn;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.EvalErrors;
import io.sluice.exec.vector.ColumnVector;

/** The run-time errors of the collection functions, with Spark's error classes. */
final class CollectionErrors {
  private CollectionErrors() {}

  static SluiceRuntimeException invalidIndexOfZero() {
    return new SluiceRuntimeException(ErrorClass.INVALID_INDEX_OF_ZERO, SluiceException.params());
  }

  static SluiceRuntimeException elementAtOutOfBounds(long index, int size) {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_ARRAY_INDEX_IN_ELEMENT_AT,
        SluiceException.params(
            "indexValue",
            String.valueOf(index),
            "arraySize",
            String.valueOf(size),
            "ansiConfig",
            EvalErrors.ANSI_CONFIG));
  }

  static SluiceRuntimeException nullMapKey() {
    return new SluiceRuntimeException(ErrorClass.NULL_MAP_KEY, SluiceException.params());
  }

  /** {@code DUPLICATED_MAP_KEY}: the key is shown as Spark shows it (its plain value). */
  static SluiceRuntimeException duplicatedMapKey(ColumnVector keys, int position) {
    Object key = keys.getObject(position);
    String shown =
        key instanceof Object[] a ? java.util.Arrays.deepToString(a) : String.valueOf(key);
    return new SluiceRuntimeException(
        ErrorClass.DUPLICATED_MAP_KEY,
        SluiceException.params(
            "key", shown, "mapKeyDedupPolicy", "\"spark.sql.mapKeyDedupPolicy\""));
  }

  static SluiceRuntimeException keyValueSizesDiffer() {
    return new SluiceRuntimeException(
        ErrorClass.MAP_KEY_VALUE_DIFF_SIZES, SluiceException.params());
  }

  static SluiceRuntimeException sliceStartZero() {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_PARAMETER_VALUE_START,
        SluiceException.params("parameter", "`start`", "functionName", "`slice`"));
  }

  static SluiceRuntimeException sliceNegativeLength(int length) {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_PARAMETER_VALUE_LENGTH,
        SluiceException.params(
            "parameter", "`length`", "functionName", "`slice`", "length", String.valueOf(length)));
  }

  static SluiceRuntimeException comparatorReturnsNull(
      ColumnVector left, int l, ColumnVector right, int r) {
    return new SluiceRuntimeException(
        ErrorClass.COMPARATOR_RETURNS_NULL,
        SluiceException.params(
            "firstValue", String.valueOf(left.getObject(l)),
            "secondValue", String.valueOf(right.getObject(r))));
  }
}
