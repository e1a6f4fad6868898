package io.sluice.exec.expr.fn;

import io.sluice.exec.vector.BytesVector;
import java.nio.charset.StandardCharsets;

/**
 * A string row as a {@link CharSequence} for the regex engine: an ASCII row is viewed in place (one
 * char per byte, nothing decoded or allocated), any other row is decoded to a String. One instance
 * per evaluator; {@link #of} reuses it.
 */
final class TextView implements CharSequence {
  private byte[] data;
  private int start;
  private int length;

  /** Whether the last {@link #of} returned this view (char index == byte offset). */
  private boolean ascii;

  /** Row {@code row} of {@code v}, valid until the next call. */
  CharSequence of(BytesVector v, int row) {
    byte[] d = v.data();
    int s = v.start(row);
    int len = v.length(row);
    ascii = Utf8.isAscii(d, s, s + len);
    if (!ascii) return new String(d, s, len, StandardCharsets.UTF_8);
    data = d;
    start = s;
    length = len;
    return this;
  }

  boolean lastWasAscii() {
    return ascii;
  }

  /** Byte offset in the row's vector of char index {@code i} of an ASCII row. */
  int byteOffset(int i) {
    return start + i;
  }

  byte[] data() {
    return data;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) data[start + index];
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new String(data, start + from, to - from, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return new String(data, start, length, StandardCharsets.ISO_8859_1);
  }
}
