package io.sluice.connector.csv;

import io.sluice.exec.vector.ColumnVector;

/**
 * Converts the text values of one CSV column, for many records at once, into a vector of the
 * column's type, with Spark's CSV conversion rules. Built once per partition reader and column; not
 * thread-safe.
 *
 * <p>Value {@code i} is {@code len[i]} bytes at {@code off[i]} of the records' buffer, or of the
 * tokenizer's scratch buffer when {@code off[i]} has its sign bit set; a negative length, or a text
 * equal to {@code nullValue}, is null. A value that does not convert is appended as null and flags
 * its record: {@code status[statusBase + i] |= BAD_VALUE}.
 */
abstract class ColumnConverter {
  /** Status flag of a record with a value that did not convert. */
  static final byte BAD_VALUE = 1;

  /** Status flag of a record with more or fewer values than the schema has columns. */
  static final byte BAD_COUNT = 2;

  private final byte[] nullValue;

  ColumnConverter(CsvOptions options) {
    this.nullValue = options.nullValue;
  }

  abstract void convert(
      byte[] buf,
      byte[] scratch,
      int[] off,
      int[] len,
      int n,
      ColumnVector out,
      byte[] status,
      int statusBase);

  /** True for a null value: a negative length, or the {@code nullValue} text. */
  final boolean isNull(byte[] src, int off, int len) {
    byte[] nv = nullValue;
    if (len != nv.length) return len < 0;
    for (int i = 0; i < len; i++) {
      if (src[off + i] != nv[i]) return false;
    }
    return true;
  }

  /** The buffer value {@code rawOffset} points into. */
  static byte[] source(int rawOffset, byte[] buf, byte[] scratch) {
    return rawOffset < 0 ? scratch : buf;
  }

  /** The offset within its buffer of a raw offset. */
  static int offset(int rawOffset) {
    return rawOffset & Integer.MAX_VALUE;
  }
}
