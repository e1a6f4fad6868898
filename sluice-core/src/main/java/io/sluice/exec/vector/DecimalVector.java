package io.sluice.exec.vector;

import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A vector of decimals. Up to 18 digits of precision the unscaled values are {@code long}s (see
 * {@link #unscaled()}); above that they are {@link BigDecimal}s already at the type's scale.
 */
public final class DecimalVector extends ColumnVector {
  private final int scale;
  private final boolean compact;
  private long[] unscaled;
  private BigDecimal[] big;

  public DecimalVector(DecimalType type, int capacity) {
    super(type);
    this.scale = type.scale();
    this.compact = type.fitsInLong();
    if (compact) {
      unscaled = new long[Math.max(capacity, 1)];
    } else {
      big = new BigDecimal[Math.max(capacity, 1)];
    }
  }

  public DecimalType decimalType() {
    return (DecimalType) type;
  }

  /** True when values are unscaled longs. */
  public boolean isCompact() {
    return compact;
  }

  /** The unscaled longs of a compact vector. */
  public long[] unscaled() {
    return unscaled;
  }

  /** The values of a non-compact vector. */
  public BigDecimal[] bigValues() {
    return big;
  }

  public BigDecimal getDecimal(int row) {
    return compact ? BigDecimal.valueOf(unscaled[row], scale) : big[row];
  }

  /** Stores a value that already fits this type's precision, rescaled to its scale. */
  public void setDecimal(int row, BigDecimal value) {
    BigDecimal v =
        value.scale() == scale ? value : value.setScale(scale, java.math.RoundingMode.HALF_UP);
    if (compact) {
      unscaled[row] = v.unscaledValue().longValueExact();
    } else {
      big[row] = v;
    }
  }

  public void setUnscaled(int row, long value) {
    if (compact) {
      unscaled[row] = value;
    } else {
      big[row] = new BigDecimal(BigInteger.valueOf(value), scale);
    }
  }

  @Override
  public int capacity() {
    return compact ? unscaled.length : big.length;
  }

  @Override
  protected void growStorage(int rows) {
    if (rows > capacity()) {
      int n = grow(capacity(), rows);
      if (compact) {
        unscaled = Arrays.copyOf(unscaled, n);
      } else {
        big = Arrays.copyOf(big, n);
      }
    }
  }

  @Override
  protected void appendDefault() {
    if (compact) {
      unscaled[size] = 0;
    } else {
      big[size] = null;
    }
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
      return;
    }
    ensureCapacity(size + 1);
    setDecimal(size++, (BigDecimal) value);
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
      return;
    }
    DecimalVector d = (DecimalVector) src;
    ensureCapacity(size + 1);
    if (compact && d.compact && d.scale == scale) {
      unscaled[size++] = d.unscaled[row];
    } else {
      setDecimal(size++, d.getDecimal(row));
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : getDecimal(row);
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    DecimalVector v = new DecimalVector((DecimalType) type, count);
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      if (compact) {
        v.unscaled[i] = unscaled[r];
      } else {
        v.big[i] = big[r];
      }
    }
    v.size = count;
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      int h = 0;
      if (!isNullAt(i)) {
        h = compact ? Long.hashCode(unscaled[i]) : big[i].hashCode();
      }
      hashes[i] = hashes[i] * 31 + h;
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    DecimalVector o = (DecimalVector) other;
    if (compact && o.compact && scale == o.scale) {
      return unscaled[row] == o.unscaled[otherRow];
    }
    return getDecimal(row).compareTo(o.getDecimal(otherRow)) == 0;
  }
}
