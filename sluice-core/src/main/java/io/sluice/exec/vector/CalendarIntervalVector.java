package io.sluice.exec.vector;

import io.sluice.types.CalendarInterval;
import io.sluice.types.DataType;
import java.util.Arrays;

/** A vector of calendar intervals, with months, days and microseconds in parallel arrays. */
public final class CalendarIntervalVector extends ColumnVector {
  private int[] months;
  private int[] days;
  private long[] micros;

  public CalendarIntervalVector(DataType type, int capacity) {
    super(type);
    int c = Math.max(capacity, 1);
    months = new int[c];
    days = new int[c];
    micros = new long[c];
  }

  public int[] months() {
    return months;
  }

  public int[] days() {
    return days;
  }

  public long[] micros() {
    return micros;
  }

  public void set(int row, int m, int d, long us) {
    months[row] = m;
    days[row] = d;
    micros[row] = us;
  }

  @Override
  public int capacity() {
    return months.length;
  }

  @Override
  protected void growStorage(int rows) {
    if (rows > months.length) {
      int n = grow(months.length, rows);
      months = Arrays.copyOf(months, n);
      days = Arrays.copyOf(days, n);
      micros = Arrays.copyOf(micros, n);
    }
  }

  @Override
  protected void appendDefault() {
    set(size, 0, 0, 0);
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
      return;
    }
    CalendarInterval c = (CalendarInterval) value;
    ensureCapacity(size + 1);
    set(size++, c.months(), c.days(), c.microseconds());
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    append(src.getObject(row));
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : new CalendarInterval(months[row], days[row], micros[row]);
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    CalendarIntervalVector v = new CalendarIntervalVector(type, count);
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      v.set(i, months[r], days[r], micros[r]);
    }
    v.size = count;
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      int h = isNullAt(i) ? 0 : (months[i] * 31 + days[i]) * 31 + Long.hashCode(micros[i]);
      hashes[i] = hashes[i] * 31 + h;
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    CalendarIntervalVector o = (CalendarIntervalVector) other;
    return months[row] == o.months[otherRow]
        && days[row] == o.days[otherRow]
        && micros[row] == o.micros[otherRow];
  }
}
