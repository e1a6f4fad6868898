package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.internal.RowValues;
import io.sluice.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One row of a result or of an input to {@link Session#createDataFrame}: an immutable list of
 * values in their external Java types (as Spark's {@code Row}). Rows returned by actions carry
 * their {@link #schema()}; rows built with {@link RowFactory#create} do not.
 *
 * <p>External types: boolean {@code Boolean}, tinyint {@code Byte}, smallint {@code Short}, int
 * {@code Integer}, bigint {@code Long}, float {@code Float}, double {@code Double}, decimal {@code
 * BigDecimal}, string {@code String}, binary {@code byte[]}, date {@code java.sql.Date} (or {@code
 * LocalDate}), timestamp {@code java.sql.Timestamp} (or {@code Instant}), day-time interval {@code
 * Duration}, year-month interval {@code Period}, calendar interval {@code CalendarInterval}, array
 * {@code java.util.List}, map {@code java.util.Map}, struct {@code Row}.
 */
public final class Row implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private final StructType schema;

  /**
   * Wraps {@code values} without copying (the caller hands the array over and must not change it);
   * {@code schema} may be {@code null}.
   */
  public Row(Object[] values, StructType schema) {
    this.values = values;
    this.schema = schema;
  }

  /** A row of these values without a schema; same as {@link RowFactory#create}. */
  public static Row of(Object... values) {
    return new Row(values.clone(), null);
  }

  /** A row of these values with a schema, so fields can be read by name. */
  public static Row withSchema(StructType schema, Object... values) {
    return new Row(values.clone(), schema);
  }

  /** The schema, or {@code null} for a row built without one. */
  public StructType schema() {
    return schema;
  }

  /** Number of values. */
  public int size() {
    return values.length;
  }

  /** Number of values (Spark's alias of {@link #size()}). */
  public int length() {
    return values.length;
  }

  /** The value at {@code i} in its external type, or {@code null}. */
  public Object get(int i) {
    return values[i];
  }

  /** The value at {@code i} (Spark's {@code apply}). */
  public Object apply(int i) {
    return values[i];
  }

  /** Whether the value at {@code i} is null. */
  public boolean isNullAt(int i) {
    return values[i] == null;
  }

  /** True when any value is null. */
  public boolean anyNull() {
    for (Object v : values) {
      if (v == null) return true;
    }
    return false;
  }

  /** The value at {@code i} cast to the caller's type. */
  @SuppressWarnings("unchecked")
  public <T> T getAs(int i) {
    return (T) values[i];
  }

  /** The value of the field named {@code fieldName}; needs a schema. */
  @SuppressWarnings("unchecked")
  public <T> T getAs(String fieldName) {
    return (T) values[fieldIndex(fieldName)];
  }

  /** The position of the field named {@code name}; needs a schema. */
  public int fieldIndex(String name) {
    if (schema == null) {
      throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined.");
    }
    int i = schema.indexOf(name, true);
    if (i < 0) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.FIELD_NOT_FOUND,
          SluiceException.params("fieldName", quote(name), "fields", fieldList()));
    }
    return i;
  }

  private String fieldList() {
    StringBuilder sb = new StringBuilder();
    for (String n : schema.fieldNames()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(quote(n));
    }
    return sb.toString();
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private Object nonNull(int i) {
    Object v = values[i];
    if (v == null) throw new NullPointerException("Value at index " + i + " is null");
    return v;
  }

  /** The boolean at {@code i}; throws NullPointerException when null. */
  public boolean getBoolean(int i) {
    return (Boolean) nonNull(i);
  }

  /** The tinyint at {@code i}; throws NullPointerException when null. */
  public byte getByte(int i) {
    return (Byte) nonNull(i);
  }

  /** The smallint at {@code i}; throws NullPointerException when null. */
  public short getShort(int i) {
    return (Short) nonNull(i);
  }

  /** The int at {@code i}; throws NullPointerException when null. */
  public int getInt(int i) {
    return (Integer) nonNull(i);
  }

  /** The bigint at {@code i}; throws NullPointerException when null. */
  public long getLong(int i) {
    return (Long) nonNull(i);
  }

  /** The float at {@code i}; throws NullPointerException when null. */
  public float getFloat(int i) {
    return (Float) nonNull(i);
  }

  /** The double at {@code i}; throws NullPointerException when null. */
  public double getDouble(int i) {
    return (Double) nonNull(i);
  }

  /** The string at {@code i}. */
  public String getString(int i) {
    return (String) values[i];
  }

  /** The decimal at {@code i}. */
  public BigDecimal getDecimal(int i) {
    return (BigDecimal) values[i];
  }

  /** The date at {@code i} as {@code java.sql.Date}. */
  public java.sql.Date getDate(int i) {
    return (java.sql.Date) values[i];
  }

  /** The date at {@code i} as {@code LocalDate} (with the Java 8 datetime API enabled). */
  public java.time.LocalDate getLocalDate(int i) {
    return (java.time.LocalDate) values[i];
  }

  /** The timestamp at {@code i} as {@code java.sql.Timestamp}. */
  public java.sql.Timestamp getTimestamp(int i) {
    return (java.sql.Timestamp) values[i];
  }

  /** The timestamp at {@code i} as {@code Instant} (with the Java 8 datetime API enabled). */
  public java.time.Instant getInstant(int i) {
    return (java.time.Instant) values[i];
  }

  /** The array at {@code i}. */
  @SuppressWarnings("unchecked")
  public <T> List<T> getList(int i) {
    return (List<T>) values[i];
  }

  /** The map at {@code i}. */
  @SuppressWarnings("unchecked")
  public <K, V> Map<K, V> getJavaMap(int i) {
    return (Map<K, V>) values[i];
  }

  /** The map at {@code i} (same as {@link #getJavaMap}). */
  public <K, V> Map<K, V> getMap(int i) {
    return getJavaMap(i);
  }

  /** The struct at {@code i}. */
  public Row getStruct(int i) {
    return (Row) values[i];
  }

  /** The values as a new list. */
  public List<Object> toList() {
    return Arrays.asList(values.clone());
  }

  /** A copy of this row (rows are immutable, so this returns itself). */
  public Row copy() {
    return this;
  }

  /** The values' strings joined by {@code sep}. */
  public String mkString(String sep) {
    return mkString("", sep, "");
  }

  /** The values' strings between {@code start} and {@code end}, joined by {@code sep}. */
  public String mkString(String start, String sep, String end) {
    StringBuilder sb = new StringBuilder(start);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) sb.append(sep);
      sb.append(values[i]);
    }
    return sb.append(end).toString();
  }

  /** Spark's form: {@code [a,1,null]}. */
  @Override
  public String toString() {
    return mkString("[", ",", "]");
  }

  /**
   * Equal when both rows hold equal values (schemas are ignored, as in Spark): binary by content,
   * decimals by value, NaN equal to NaN, and numbers of different boxed types equal when
   * numerically equal.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Row other) || other.values.length != values.length) return false;
    for (int i = 0; i < values.length; i++) {
      if (!RowValues.equal(values[i], other.values[i])) return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 17;
    for (Object v : values) h = h * 31 + RowValues.hash(v);
    return h;
  }
}
