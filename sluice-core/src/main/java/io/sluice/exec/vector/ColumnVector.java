package io.sluice.exec.vector;

import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.util.Arrays;

/**
 * One column of a {@link ColumnBatch}: values of one type in primitive arrays plus a null mask.
 *
 * <p>Physical layout by type: boolean → {@code boolean[]}; byte, short, int, long, float, double →
 * arrays of that primitive; date and year-month interval → {@code int} (days since the epoch,
 * months); timestamp and day-time interval → {@code long} microseconds; decimal → unscaled {@code
 * long} up to 18 digits, {@code BigDecimal} above; string and binary → UTF-8 bytes with offsets;
 * struct → child vectors; array and map → offsets into child vectors.
 *
 * <p>A vector is filled once (by index for fixed-width types, by {@code append} for all types) and
 * then only read. It is not thread-safe while being filled.
 *
 * <p>Slow paths ({@link #getObject}, {@link #append(Object)}) use the internal value form: Boolean,
 * Byte, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], CalendarInterval, {@code
 * Object[]} for structs and arrays, {@link MapValue} for maps.
 */
public abstract class ColumnVector {
  protected final DataType type;

  /** Rows held. */
  protected int size;

  /** Null flags; {@code null} while no row is null. */
  protected boolean[] nulls;

  protected ColumnVector(DataType type) {
    this.type = type;
  }

  /** A new, empty vector of this type able to hold {@code capacity} rows without growing. */
  public static ColumnVector allocate(DataType type, int capacity) {
    if (type instanceof BooleanType) return new BooleanVector(type, capacity);
    if (type instanceof ByteType) return new ByteVector(type, capacity);
    if (type instanceof ShortType) return new ShortVector(type, capacity);
    if (type instanceof IntegerType
        || type instanceof DateType
        || type instanceof YearMonthIntervalType) {
      return new IntVector(type, capacity);
    }
    if (type instanceof LongType
        || type instanceof TimestampType
        || type instanceof DayTimeIntervalType) {
      return new LongVector(type, capacity);
    }
    if (type instanceof FloatType) return new FloatVector(type, capacity);
    if (type instanceof DoubleType) return new DoubleVector(type, capacity);
    if (type instanceof DecimalType d) return new DecimalVector(d, capacity);
    if (type instanceof StringType || type instanceof BinaryType) {
      return new BytesVector(type, capacity);
    }
    if (type instanceof CalendarIntervalType) return new CalendarIntervalVector(type, capacity);
    if (type instanceof StructType s) return new StructVector(s, capacity);
    if (type instanceof ArrayType a) return new ArrayVector(a, capacity);
    if (type instanceof MapType m) return new MapVector(m, capacity);
    if (type instanceof NullType) return new NullVector(type);
    throw new IllegalArgumentException("No vector for type " + type.simpleString());
  }

  public final DataType type() {
    return type;
  }

  public final int size() {
    return size;
  }

  /** Sets the row count of a vector filled by index (fixed-width types). */
  public void setSize(int size) {
    ensureCapacity(size);
    this.size = size;
  }

  public final boolean isNullAt(int row) {
    return nulls != null && row < nulls.length && nulls[row];
  }

  /** True when some row may be null; false guarantees none is. */
  public final boolean mayHaveNulls() {
    return nulls != null;
  }

  /**
   * The null flags, or {@code null} when no row is null. Read-only for callers. The array covers at
   * least rows {@code [0, size)} (it is padded here if the values grew after it).
   */
  public final boolean[] nulls() {
    boolean[] n = nulls;
    if (n != null && n.length < size) {
      n = Arrays.copyOf(n, Math.max(size, capacity()));
      nulls = n;
    }
    return n;
  }

  /** Marks a row null (fixed-width types, filled by index). */
  public final void setNull(int row) {
    if (nulls == null) {
      nulls = new boolean[Math.max(capacity(), row + 1)];
    } else if (row >= nulls.length) {
      nulls = Arrays.copyOf(nulls, Math.max(row + 1, nulls.length * 2));
    }
    nulls[row] = true;
  }

  /** Installs a null mask computed elsewhere (may be {@code null} for none). */
  public final void setNulls(boolean[] mask) {
    this.nulls = mask;
  }

  /** Rows this vector can hold before it must grow. */
  public abstract int capacity();

  /** Grows the storage (values and null flags) to hold at least {@code rows} rows. */
  public final void ensureCapacity(int rows) {
    if (rows > capacity()) {
      growStorage(rows);
    }
    if (nulls != null && nulls.length < rows) {
      nulls = Arrays.copyOf(nulls, Math.max(rows, capacity()));
    }
  }

  /** Grows the value storage to at least {@code rows} rows. */
  protected abstract void growStorage(int rows);

  /**
   * Drops the rows from {@code rows} on, so a writer can abandon rows it appended (a parser meeting
   * a malformed record). Vectors of nested types also drop child values beyond their committed
   * rows, including those of a row that was being written when the writer gave up.
   */
  public void truncate(int rows) {
    if (rows >= size) return;
    if (nulls != null) Arrays.fill(nulls, rows, Math.min(size, nulls.length), false);
    size = rows;
  }

  /** Appends a null row. */
  public final void appendNull() {
    ensureCapacity(size + 1);
    appendDefault();
    setNull(size);
    size++;
  }

  /** Writes a placeholder value at position {@code size} (called before a null is recorded). */
  protected abstract void appendDefault();

  /** Appends a value in internal form ({@code null} appends a null). Slow path. */
  public abstract void append(Object value);

  /** Appends row {@code row} of {@code src}, a vector of the same type. */
  public abstract void appendFrom(ColumnVector src, int row);

  /** The value of a row in internal form, or {@code null}. Slow path. */
  public abstract Object getObject(int row);

  /** A new vector holding rows {@code selection[0..count)} of this one, in that order. */
  public abstract ColumnVector gather(int[] selection, int count);

  /** Adds each row's hash into {@code hashes} (h = h * 31 + hash(value)); nulls hash to 0. */
  public abstract void hashInto(int[] hashes, int count);

  /** True when row {@code row} equals row {@code otherRow} of {@code other} (nulls equal). */
  public abstract boolean valueEquals(int row, ColumnVector other, int otherRow);

  /** Copies the null flags of {@code selection} rows into {@code target}. */
  protected final void gatherNulls(ColumnVector target, int[] selection, int count) {
    boolean[] nulls = nulls();
    if (nulls == null) return;
    boolean[] out = null;
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      if (r < nulls.length && nulls[r]) {
        if (out == null) out = new boolean[Math.max(count, 1)];
        out[i] = true;
      }
    }
    target.nulls = out;
  }

  protected final boolean nullsDiffer(int row, ColumnVector other, int otherRow) {
    return isNullAt(row) != other.isNullAt(otherRow);
  }

  static int grow(int current, int needed) {
    return Math.max(needed, Math.max(16, current + (current >> 1)));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
    for (int i = 0; i < Math.min(size, 20); i++) {
      if (i > 0) sb.append(", ");
      Object v = getObject(i);
      sb.append(v instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(v));
    }
    if (size > 20) sb.append(", ...");
    return sb.append(']').toString();
  }
}
