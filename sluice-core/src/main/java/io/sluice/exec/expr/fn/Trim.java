package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import java.util.List;

/**
 * trim/ltrim/rtrim(str[, trimStr]): without {@code trimStr} removes spaces (U+0020 only, as Spark);
 * with it removes any of its characters. Works on the UTF-8 bytes: the result is a slice of the
 * input.
 */
final class Trim {
  private Trim() {}

  static VectorEvaluator kernel(List<VectorEvaluator> args, boolean left, boolean right) {
    VectorEvaluator str = args.get(0);
    VectorEvaluator chars = args.size() > 1 ? args.get(1) : null;
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      BytesVector set = chars == null ? null : Args.strings(chars, batch);
      boolean[] nulls = set == null ? in.nulls() : Args.nulls(n, in, set);
      BytesVector out = Args.newBytes(in, n, in.offsets()[n] - in.offsets()[0]);
      byte[] d = in.data();
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        int s = in.start(i);
        int e = s + in.length(i);
        if (set == null) {
          if (left) {
            while (s < e && d[s] == ' ') s++;
          }
          if (right) {
            while (e > s && d[e - 1] == ' ') e--;
          }
        } else {
          byte[] td = set.data();
          int ts = set.start(i);
          int te = ts + set.length(i);
          if (left) s = trimLeft(d, s, e, td, ts, te);
          if (right) e = trimRight(d, s, e, td, ts, te);
        }
        out.appendBytes(d, s, e - s);
      }
      return out;
    };
  }

  private static int trimLeft(byte[] d, int s, int e, byte[] td, int ts, int te) {
    while (s < e) {
      int cl = Math.min(Utf8.charBytes(d[s]), e - s);
      if (Utf8.indexOf(td, ts, te, d, s, s + cl) < 0) break;
      s += cl;
    }
    return s;
  }

  private static int trimRight(byte[] d, int s, int e, byte[] td, int ts, int te) {
    while (e > s) {
      int c = e - 1;
      while (c > s && (d[c] & 0xC0) == 0x80) c--;
      if (Utf8.indexOf(td, ts, te, d, c, e) < 0) break;
      e = c;
    }
    return e;
  }
}
