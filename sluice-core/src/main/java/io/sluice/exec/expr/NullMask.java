package io.sluice.exec.expr;

/**
 * A null mask that starts as an input's (shared, read-only) and is copied on the first new null.
 */
final class NullMask {
  private final boolean[] base;
  private final int n;
  private boolean[] own;

  NullMask(boolean[] base, int n) {
    this.base = base;
    this.n = n;
  }

  boolean isNull(int row) {
    boolean[] m = own != null ? own : base;
    return m != null && m[row];
  }

  void set(int row) {
    if (own == null) own = Vectors.copyOrNew(base, n);
    own[row] = true;
  }

  boolean[] result() {
    return own != null ? own : base;
  }
}
