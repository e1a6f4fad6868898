package io.sluice.exec.expr;

/**
 * Where one evaluator's result arrays come from. A <em>durable</em> result (the root of an
 * expression whose vector an operator keeps, e.g. a projected column) gets fresh arrays on every
 * call; a <em>transient</em> result (a child read by its parent within the same call, or a filter
 * condition) reuses the same arrays from call to call, so a pipeline of kernels keeps working in a
 * few cache-resident buffers instead of streaming through newly allocated memory.
 *
 * <p>A transient result is valid until the evaluator is called again. A durable result must not
 * share arrays with transient children: {@link #nulls} and {@link #union} copy masks taken from
 * children in durable mode.
 *
 * <p>Arrays handed out by a transient buffer hold the previous call's values: kernels using one
 * must write every row they return (null rows included, with any value).
 */
final class ResultBuffer {
  private final boolean reuse;
  private long[] longs;
  private int[] ints;
  private double[] doubles;
  private float[] floats;
  private boolean[] booleans;
  private boolean[] mask;

  ResultBuffer(boolean reuse) {
    this.reuse = reuse;
  }

  boolean reuses() {
    return reuse;
  }

  long[] longs(int n) {
    if (!reuse) return new long[Math.max(n, 1)];
    if (longs == null || longs.length < n) longs = new long[Math.max(n, 1)];
    return longs;
  }

  int[] ints(int n) {
    if (!reuse) return new int[Math.max(n, 1)];
    if (ints == null || ints.length < n) ints = new int[Math.max(n, 1)];
    return ints;
  }

  double[] doubles(int n) {
    if (!reuse) return new double[Math.max(n, 1)];
    if (doubles == null || doubles.length < n) doubles = new double[Math.max(n, 1)];
    return doubles;
  }

  float[] floats(int n) {
    if (!reuse) return new float[Math.max(n, 1)];
    if (floats == null || floats.length < n) floats = new float[Math.max(n, 1)];
    return floats;
  }

  /** Boolean result values. */
  boolean[] booleans(int n) {
    if (!reuse) return new boolean[Math.max(n, 1)];
    if (booleans == null || booleans.length < n) booleans = new boolean[Math.max(n, 1)];
    return booleans;
  }

  /** A null mask for the result; every row {@code [0, n)} must be written. */
  boolean[] mask(int n) {
    if (!reuse) return new boolean[Math.max(n, 1)];
    if (mask == null || mask.length < n) mask = new boolean[Math.max(n, 1)];
    return mask;
  }

  /** A child's null mask ({@code null} for none) as the result's: shared, or copied if durable. */
  boolean[] nulls(boolean[] childMask, int n) {
    if (childMask == null || reuse) return childMask;
    return java.util.Arrays.copyOf(childMask, Math.max(n, 1));
  }

  /** The union of two children's masks of {@code n} rows ({@code null} for none). */
  boolean[] union(boolean[] a, boolean[] b, int n) {
    if (a == null) return nulls(b, n);
    if (b == null) return nulls(a, n);
    boolean[] out = mask(n);
    for (int i = 0; i < n; i++) out[i] = a[i] | b[i];
    return out;
  }
}
