package io.sluice.exec.operator.agg;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A Greenwald-Khanna quantile summary over doubles with relative error {@code eps}, organised as
 * Spark's {@code QuantileSummaries}: new values wait in a head buffer, are inserted in sorted
 * batches as samples {@code (value, g, delta)}, and the samples are compressed so that {@code g +
 * delta} stays below {@code 2 eps n}. A query for quantile q returns a sample whose rank is within
 * {@code eps n} of {@code ceil(q n)}.
 *
 * <p>While {@code 2 eps n < 1} (fewer than 5000 values at the default accuracy 10000) nothing is
 * merged away, and a query returns exactly the value of rank {@code ceil(q n)}: the smallest value
 * with at least a fraction q of the values at or below it.
 */
final class QuantileSummary {
  static final int COMPRESS_THRESHOLD = 10_000;
  static final int HEAD_SIZE = 50_000;

  private double eps;

  /** Compress once this many samples accumulate (Spark's digest bound, {@code 4 / eps}). */
  private final int sampleBound;

  private double[] values = new double[0];
  private long[] g = new long[0];
  private long[] delta = new long[0];
  private int size;
  private long count;
  private double[] head = new double[16];
  private int headSize;

  /** True while nothing was inserted since the last compression. */
  private boolean compressed = true;

  QuantileSummary(double eps) {
    this.eps = eps;
    this.sampleBound = (int) Math.min(Integer.MAX_VALUE - 8L, (long) (1 / eps) * 4);
  }

  /** Values seen, including those still in the head buffer. */
  long count() {
    return count + headSize;
  }

  void insert(double x) {
    compressed = false;
    if (headSize == head.length) head = Arrays.copyOf(head, Math.min(HEAD_SIZE, headSize * 2));
    head[headSize++] = x;
    if (headSize >= HEAD_SIZE) {
      flushHead();
      if (size >= COMPRESS_THRESHOLD) compress();
    }
    if (size >= sampleBound) compress();
  }

  /** Inserts the head buffer into the samples, in one sorted pass. */
  private void flushHead() {
    if (headSize == 0) return;
    double[] sorted = Arrays.copyOf(head, headSize);
    Arrays.sort(sorted);
    int total = size + headSize;
    double[] nv = new double[total];
    long[] ng = new long[total];
    long[] nd = new long[total];
    int out = 0;
    int s = 0;
    long current = count;
    for (int k = 0; k < sorted.length; k++) {
      double x = sorted[k];
      while (s < size && values[s] <= x) {
        nv[out] = values[s];
        ng[out] = g[s];
        nd[out++] = delta[s++];
      }
      current++;
      boolean extreme = out == 0 || (s == size && k == sorted.length - 1);
      nv[out] = x;
      ng[out] = 1;
      nd[out++] = extreme ? 0 : (long) Math.floor(2 * eps * current);
    }
    while (s < size) {
      nv[out] = values[s];
      ng[out] = g[s];
      nd[out++] = delta[s++];
    }
    values = nv;
    g = ng;
    delta = nd;
    size = total;
    count = current;
    headSize = 0;
    head = new double[16];
  }

  /** Flushes the head buffer and merges samples whose combined span stays under the bound. */
  void compress() {
    if (compressed) return;
    flushHead();
    compressSamples(2 * eps * count);
    compressed = true;
  }

  private void compressSamples(double threshold) {
    if (size <= 1) return;
    // walk from the largest sample down, folding samples into the current one while allowed;
    // the largest and the smallest samples are always kept
    double[] rv = new double[size];
    long[] rg = new long[size];
    long[] rd = new long[size];
    int w = size;
    double hv = values[size - 1];
    long hg = g[size - 1];
    long hd = delta[size - 1];
    for (int i = size - 2; i >= 1; i--) {
      if (g[i] + hg + hd < threshold) {
        hg += g[i];
      } else {
        w--;
        rv[w] = hv;
        rg[w] = hg;
        rd[w] = hd;
        hv = values[i];
        hg = g[i];
        hd = delta[i];
      }
    }
    w--;
    rv[w] = hv;
    rg[w] = hg;
    rd[w] = hd;
    if (values[0] <= hv) {
      w--;
      rv[w] = values[0];
      rg[w] = g[0];
      rd[w] = delta[0];
    }
    size = size - w;
    values = Arrays.copyOfRange(rv, w, w + size);
    g = Arrays.copyOfRange(rg, w, w + size);
    delta = Arrays.copyOfRange(rd, w, w + size);
  }

  /**
   * Merges another summary into this one: samples interleaving the other side's range inherit its
   * uncertainty ({@code floor(2 eps n)} of the other side), then the result is compressed.
   */
  void merge(QuantileSummary other) {
    compress();
    other.compress();
    if (other.count == 0) return;
    if (count == 0) {
      values = other.values.clone();
      g = other.g.clone();
      delta = other.delta.clone();
      size = other.size;
      count = other.count;
      eps = Math.max(eps, other.eps);
      return;
    }
    long extraSelf = (long) Math.floor(2 * other.eps * other.count);
    long extraOther = (long) Math.floor(2 * eps * count);
    int total = size + other.size;
    double[] nv = new double[total];
    long[] ng = new long[total];
    long[] nd = new long[total];
    int a = 0;
    int b = 0;
    int out = 0;
    while (a < size && b < other.size) {
      if (values[a] < other.values[b]) {
        nv[out] = values[a];
        ng[out] = g[a];
        nd[out++] = delta[a++] + (b > 0 ? extraSelf : 0);
      } else {
        nv[out] = other.values[b];
        ng[out] = other.g[b];
        nd[out++] = other.delta[b++] + (a > 0 ? extraOther : 0);
      }
    }
    for (; a < size; a++, out++) {
      nv[out] = values[a];
      ng[out] = g[a];
      nd[out] = delta[a];
    }
    for (; b < other.size; b++, out++) {
      nv[out] = other.values[b];
      ng[out] = other.g[b];
      nd[out] = other.delta[b];
    }
    values = nv;
    g = ng;
    delta = nd;
    size = total;
    count += other.count;
    eps = Math.max(eps, other.eps);
    compressSamples(2 * eps * count);
  }

  /** The approximate {@code quantile} (0 to 1) of the values; NaN when there are none. */
  double query(double quantile) {
    compress();
    if (size == 0) return Double.NaN;
    if (quantile <= eps) return values[0];
    if (quantile >= 1 - eps) return values[size - 1];
    long rank = (long) Math.ceil(quantile * count);
    long maxSpan = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) maxSpan = Math.max(maxSpan, g[i] + delta[i]);
    long targetError = maxSpan / 2;
    long minRank = 0;
    for (int i = 0; i < size - 1; i++) {
      minRank += g[i];
      long maxRank = minRank + delta[i];
      if (maxRank - targetError <= rank && rank <= minRank + targetError) return values[i];
    }
    return values[size - 1];
  }

  /** The compressed summary as bytes: eps, count, then (value, g, delta) per sample. */
  byte[] serialize() {
    compress();
    ByteBuffer buf = ByteBuffer.allocate(8 + 8 + 4 + size * 24);
    buf.putDouble(eps).putLong(count).putInt(size);
    for (int i = 0; i < size; i++) buf.putDouble(values[i]).putLong(g[i]).putLong(delta[i]);
    return buf.array();
  }

  static QuantileSummary deserialize(byte[] data, int offset, int length) {
    ByteBuffer buf = ByteBuffer.wrap(data, offset, length);
    QuantileSummary s = new QuantileSummary(buf.getDouble());
    s.count = buf.getLong();
    s.size = buf.getInt();
    s.values = new double[s.size];
    s.g = new long[s.size];
    s.delta = new long[s.size];
    for (int i = 0; i < s.size; i++) {
      s.values[i] = buf.getDouble();
      s.g[i] = buf.getLong();
      s.delta[i] = buf.getLong();
    }
    return s;
  }
}
