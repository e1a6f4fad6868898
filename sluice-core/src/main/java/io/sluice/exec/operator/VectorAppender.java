package io.sluice.exec.operator;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;

/**
 * Appends selected rows of one vector to another of the same type, with a tight copy loop per
 * physical layout (rare layouts fall back to {@link ColumnVector#appendFrom}).
 */
public final class VectorAppender {
  private VectorAppender() {}

  /**
   * Appends rows {@code sel[from, to)} of {@code src} to {@code dst}; {@code sel == null} means
   * rows {@code from .. to-1} themselves.
   */
  public static void append(ColumnVector dst, ColumnVector src, int[] sel, int from, int to) {
    int n = to - from;
    if (n <= 0) return;
    int base = dst.size();
    boolean copied = true;
    if (dst instanceof LongVector d) {
      d.ensureCapacity(base + n);
      long[] a = d.values();
      long[] s = ((LongVector) src).values();
      if (sel == null) {
        System.arraycopy(s, from, a, base, n);
      } else {
        for (int i = 0; i < n; i++) a[base + i] = s[sel[from + i]];
      }
    } else if (dst instanceof IntVector d) {
      d.ensureCapacity(base + n);
      int[] a = d.values();
      int[] s = ((IntVector) src).values();
      if (sel == null) {
        System.arraycopy(s, from, a, base, n);
      } else {
        for (int i = 0; i < n; i++) a[base + i] = s[sel[from + i]];
      }
    } else if (dst instanceof DoubleVector d) {
      d.ensureCapacity(base + n);
      double[] a = d.values();
      double[] s = ((DoubleVector) src).values();
      if (sel == null) {
        System.arraycopy(s, from, a, base, n);
      } else {
        for (int i = 0; i < n; i++) a[base + i] = s[sel[from + i]];
      }
    } else if (dst instanceof DecimalVector d && d.isCompact()) {
      d.ensureCapacity(base + n);
      long[] a = d.unscaled();
      long[] s = ((DecimalVector) src).unscaled();
      for (int i = 0; i < n; i++) a[base + i] = s[sel == null ? from + i : sel[from + i]];
    } else if (dst instanceof FloatVector d) {
      d.ensureCapacity(base + n);
      float[] a = d.values();
      float[] s = ((FloatVector) src).values();
      for (int i = 0; i < n; i++) a[base + i] = s[sel == null ? from + i : sel[from + i]];
    } else if (dst instanceof ShortVector d) {
      d.ensureCapacity(base + n);
      short[] a = d.values();
      short[] s = ((ShortVector) src).values();
      for (int i = 0; i < n; i++) a[base + i] = s[sel == null ? from + i : sel[from + i]];
    } else if (dst instanceof ByteVector d) {
      d.ensureCapacity(base + n);
      byte[] a = d.values();
      byte[] s = ((ByteVector) src).values();
      for (int i = 0; i < n; i++) a[base + i] = s[sel == null ? from + i : sel[from + i]];
    } else if (dst instanceof BooleanVector d) {
      d.ensureCapacity(base + n);
      boolean[] a = d.values();
      boolean[] s = ((BooleanVector) src).values();
      for (int i = 0; i < n; i++) a[base + i] = s[sel == null ? from + i : sel[from + i]];
    } else if (dst instanceof BytesVector d) {
      appendBytes(d, (BytesVector) src, sel, from, to);
      return;
    } else {
      copied = false;
    }
    if (!copied) {
      for (int i = from; i < to; i++) dst.appendFrom(src, sel == null ? i : sel[i]);
      return;
    }
    dst.setSize(base + n);
    boolean[] nulls = src.nulls();
    if (nulls != null) {
      for (int i = 0; i < n; i++) {
        if (nulls[sel == null ? from + i : sel[from + i]]) dst.setNull(base + i);
      }
    }
  }

  private static void appendBytes(BytesVector d, BytesVector s, int[] sel, int from, int to) {
    byte[] sd = s.data();
    int[] so = s.offsets();
    long total = 0;
    for (int i = from; i < to; i++) {
      int r = sel == null ? i : sel[i];
      total += so[r + 1] - so[r];
    }
    d.ensureCapacity(d.size() + to - from);
    d.reserveData((int) total);
    for (int i = from; i < to; i++) {
      int r = sel == null ? i : sel[i];
      if (s.isNullAt(r)) {
        d.appendNull();
      } else {
        d.appendBytes(sd, so[r], so[r + 1] - so[r]);
      }
    }
  }

  /** A vector of {@code n} nulls of {@code type}. */
  public static ColumnVector nulls(io.sluice.types.DataType type, int n) {
    ColumnVector v = ColumnVector.allocate(type, n);
    for (int i = 0; i < n; i++) v.appendNull();
    return v;
  }
}
