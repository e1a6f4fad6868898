package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataTypes;
import java.util.Map;

/**
 * Kernels that cut, pad, search or replace inside strings (and binaries where Spark allows them),
 * on the UTF-8 bytes: substring, right, trim, lpad/rpad, instr, locate, replace, substring_index,
 * startswith/endswith/contains. Positions are 1-based characters, as in Spark.
 */
final class SubstringKernels {
  private SubstringKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put(
        "substring",
        (call, args, ctx) ->
            substring(
                args.get(0), args.get(1), args.get(2), !(call.dataType() instanceof BinaryType)));
    m.put("right", (call, args, ctx) -> right(args.get(0), args.get(1)));
    m.put("trim", (call, args, ctx) -> Trim.kernel(args, true, true));
    m.put("ltrim", (call, args, ctx) -> Trim.kernel(args, true, false));
    m.put("rtrim", (call, args, ctx) -> Trim.kernel(args, false, true));
    m.put(
        "lpad",
        (call, args, ctx) ->
            pad(
                args.get(0),
                args.get(1),
                args.get(2),
                true,
                !(call.dataType() instanceof BinaryType)));
    m.put(
        "rpad",
        (call, args, ctx) ->
            pad(
                args.get(0),
                args.get(1),
                args.get(2),
                false,
                !(call.dataType() instanceof BinaryType)));
    m.put("instr", (call, args, ctx) -> locate(args.get(1), args.get(0), null));
    m.put("locate", (call, args, ctx) -> locate(args.get(0), args.get(1), args.get(2)));
    m.put("replace", (call, args, ctx) -> replace(args.get(0), args.get(1), args.get(2)));
    m.put(
        "substring_index",
        (call, args, ctx) -> substringIndex(args.get(0), args.get(1), args.get(2)));
    m.put("startswith", (call, args, ctx) -> predicate(args.get(0), args.get(1), 0));
    m.put("endswith", (call, args, ctx) -> predicate(args.get(0), args.get(1), 1));
    m.put("contains", (call, args, ctx) -> predicate(args.get(0), args.get(1), 2));
  }

  /** substring(str, pos, len) with Spark's rules for 1-based, 0 and negative positions. */
  private static VectorEvaluator substring(
      VectorEvaluator str, VectorEvaluator pos, VectorEvaluator len, boolean chars) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      IntVector p = Args.ints(pos, batch);
      IntVector l = Args.ints(len, batch);
      boolean[] nulls = Args.nulls(n, in, p, l);
      BytesVector out = Args.newBytes(in, n, 8 * n);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
        } else {
          appendSubstring(in, i, p.get(i), l.get(i), chars, out);
        }
      }
      return out;
    };
  }

  /** Appends Spark's {@code substringSQL(pos, len)} of row {@code row} of {@code in}. */
  static void appendSubstring(
      BytesVector in, int row, int pos, int len, boolean chars, BytesVector out) {
    byte[] d = in.data();
    int s = in.start(row);
    int e = s + in.length(row);
    long start;
    if (pos > 0) {
      start = pos - 1L;
    } else if (pos < 0) {
      start = (chars ? Utf8.numChars(d, s, e) : e - s) + (long) pos;
    } else {
      start = 0;
    }
    long end = start + len;
    start = Math.max(start, 0);
    if (start >= end) {
      out.appendBytes(d, s, 0);
      return;
    }
    int from = chars ? Utf8.skipChars(d, s, e, start) : (int) Math.min(s + start, e);
    int to = chars ? Utf8.skipChars(d, from, e, end - start) : (int) Math.min(s + end, e);
    out.appendBytes(d, from, to - from);
  }

  /** right(str, len): the last {@code len} characters; empty when {@code len <= 0}. */
  private static VectorEvaluator right(VectorEvaluator str, VectorEvaluator len) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      IntVector l = Args.ints(len, batch);
      boolean[] nulls = Args.nulls(n, in, l);
      BytesVector out = Args.newBytes(in, n, 8 * n);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
        } else if (l.get(i) <= 0) {
          out.appendBytes(in.data(), 0, 0);
        } else {
          // substring(str, -len) without overflow for len = Integer.MIN_VALUE (excluded above)
          appendSubstring(in, i, -l.get(i), Integer.MAX_VALUE, true, out);
        }
      }
      return out;
    };
  }

  /**
   * lpad/rpad(str, len, pad): pads with repetitions of {@code pad} (the last one cut) to {@code
   * len} characters (bytes for binaries), or cuts {@code str} to {@code len}.
   */
  private static VectorEvaluator pad(
      VectorEvaluator str,
      VectorEvaluator len,
      VectorEvaluator padding,
      boolean left,
      boolean chars) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      IntVector l = Args.ints(len, batch);
      BytesVector p = Args.strings(padding, batch);
      boolean[] nulls = Args.nulls(n, in, l, p);
      BytesVector out = Args.newBytes(in, n, 8 * n);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
        } else {
          padRow(in, i, l.get(i), p, i, left, chars, out);
        }
      }
      return out;
    };
  }

  private static void padRow(
      BytesVector in,
      int row,
      int len,
      BytesVector pad,
      int padRow,
      boolean left,
      boolean chars,
      BytesVector out) {
    byte[] d = in.data();
    int s = in.start(row);
    int e = s + in.length(row);
    byte[] pd = pad.data();
    int ps = pad.start(padRow);
    int pe = ps + pad.length(padRow);
    long have = chars ? Utf8.numChars(d, s, e) : e - s;
    long missing = len - have;
    if (missing <= 0 || pe == ps) {
      // no padding: the first len characters of str (none for len <= 0)
      int to = len <= 0 ? s : chars ? Utf8.skipChars(d, s, e, len) : Math.min(s + len, e);
      out.appendBytes(d, s, to - s);
      return;
    }
    int padChars = chars ? Utf8.numChars(pd, ps, pe) : pe - ps;
    long whole = missing / padChars;
    long rest = missing - whole * padChars;
    int restEnd = chars ? Utf8.skipChars(pd, ps, pe, rest) : (int) (ps + rest);
    long total = (e - s) + whole * (pe - ps) + (restEnd - ps);
    int size = Math.toIntExact(total);
    byte[] dst = out.reserveData(size);
    int at = out.offsets()[out.size()];
    if (!left) {
      System.arraycopy(d, s, dst, at, e - s);
      at += e - s;
    }
    for (long k = 0; k < whole; k++) {
      System.arraycopy(pd, ps, dst, at, pe - ps);
      at += pe - ps;
    }
    System.arraycopy(pd, ps, dst, at, restEnd - ps);
    at += restEnd - ps;
    if (left) System.arraycopy(d, s, dst, at, e - s);
    out.commitRow(size);
  }

  /**
   * locate(substr, str, pos): the 1-based character position of the first {@code substr} at or
   * after character {@code pos}, 0 when there is none or {@code pos < 1}; a null {@code pos} gives
   * 0. instr(str, substr) is locate from 1 ({@code pos == null} here).
   */
  private static VectorEvaluator locate(
      VectorEvaluator sub, VectorEvaluator str, VectorEvaluator pos) {
    return batch -> {
      int n = batch.numRows();
      BytesVector v = Args.strings(sub, batch);
      BytesVector s = Args.strings(str, batch);
      IntVector p = pos == null ? null : Args.ints(pos, batch);
      boolean[] nulls = Args.nulls(n, v, s);
      int[] out = new int[Math.max(n, 1)];
      boolean[] outNulls = null;
      for (int i = 0; i < n; i++) {
        if (p != null && p.isNullAt(i)) continue;
        if (Args.isNull(nulls, i)) {
          if (outNulls == null) outNulls = new boolean[Math.max(n, 1)];
          outNulls[i] = true;
          continue;
        }
        int from = p == null ? 1 : p.get(i);
        out[i] = from < 1 ? 0 : indexOf(s, i, v, i, from - 1) + 1;
      }
      return new IntVector(DataTypes.IntegerType, out, outNulls, n);
    };
  }

  /** Spark's {@code indexOf}: character index of {@code v} at or after character {@code from}. */
  private static int indexOf(BytesVector str, int row, BytesVector v, int vRow, int from) {
    int vs = v.start(vRow);
    int vl = v.length(vRow);
    if (vl == 0) return 0;
    byte[] d = str.data();
    int s = str.start(row);
    int e = s + str.length(row);
    int p = s;
    int c = 0;
    while (p < e && c < from) {
      p += Utf8.charBytes(d[p]);
      c++;
    }
    byte[] vd = v.data();
    while (p + vl <= e) {
      if (java.util.Arrays.equals(d, p, p + vl, vd, vs, vs + vl)) return c;
      p += Utf8.charBytes(d[p]);
      c++;
    }
    return -1;
  }

  /** replace(str, search, replace): every occurrence; an empty search changes nothing. */
  private static VectorEvaluator replace(
      VectorEvaluator str, VectorEvaluator search, VectorEvaluator replacement) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      BytesVector se = Args.strings(search, batch);
      BytesVector re = Args.strings(replacement, batch);
      boolean[] nulls = Args.nulls(n, in, se, re);
      BytesVector out = Args.newBytes(in, n, in.offsets()[n] - in.offsets()[0]);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
        } else {
          replaceRow(in, i, se, re, out);
        }
      }
      return out;
    };
  }

  private static void replaceRow(
      BytesVector in, int i, BytesVector se, BytesVector re, BytesVector out) {
    byte[] d = in.data();
    int s = in.start(i);
    int e = s + in.length(i);
    int ss = se.start(i);
    int sl = se.length(i);
    int hit = sl == 0 ? -1 : Utf8.indexOf(d, s, e, se.data(), ss, ss + sl);
    if (hit < 0) {
      out.appendBytes(d, s, e - s);
      return;
    }
    int rs = re.start(i);
    int rl = re.length(i);
    int len = 0;
    int from = s;
    while (hit >= 0) {
      byte[] dst = out.reserveData(len + (hit - from) + rl);
      int at = out.offsets()[out.size()] + len;
      System.arraycopy(d, from, dst, at, hit - from);
      System.arraycopy(re.data(), rs, dst, at + hit - from, rl);
      len += hit - from + rl;
      from = hit + sl;
      hit = Utf8.indexOf(d, from, e, se.data(), ss, ss + sl);
    }
    byte[] dst = out.reserveData(len + e - from);
    System.arraycopy(d, from, dst, out.offsets()[out.size()] + len, e - from);
    out.commitRow(len + e - from);
  }

  /**
   * substring_index(str, delim, count): the part before the {@code count}-th {@code delim}
   * (counting from the right, and the part after it, when {@code count} is negative); the whole
   * string when there are fewer; empty for an empty {@code delim} or {@code count == 0}.
   */
  private static VectorEvaluator substringIndex(
      VectorEvaluator str, VectorEvaluator delim, VectorEvaluator count) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      BytesVector de = Args.strings(delim, batch);
      IntVector c = Args.ints(count, batch);
      boolean[] nulls = Args.nulls(n, in, de, c);
      BytesVector out = Args.newBytes(in, n, in.offsets()[n] - in.offsets()[0]);
      byte[] d = in.data();
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        int s = in.start(i);
        int e = s + in.length(i);
        int ds = de.start(i);
        int dl = de.length(i);
        int k = c.get(i);
        if (dl == 0 || k == 0) {
          out.appendBytes(d, s, 0);
        } else if (k > 0) {
          // matches may overlap, as in Spark: each search starts one byte after the last hit
          int idx = s - 1;
          for (; k > 0; k--) {
            idx = Utf8.indexOf(d, idx + 1, e, de.data(), ds, ds + dl);
            if (idx < 0) break;
          }
          out.appendBytes(d, s, idx < 0 ? e - s : idx - s);
        } else {
          int idx = e;
          for (; k < 0; k++) {
            idx = lastIndexOf(d, s, idx - 1, e, de.data(), ds, dl);
            if (idx < 0) break;
          }
          out.appendBytes(d, idx < 0 ? s : idx + dl, idx < 0 ? e - s : e - idx - dl);
        }
      }
      return out;
    };
  }

  /** The last start {@code <= from} (and {@code >= s}) of {@code v} within {@code d[s, e)}. */
  private static int lastIndexOf(byte[] d, int s, int from, int e, byte[] v, int vs, int vl) {
    for (int p = Math.min(from, e - vl); p >= s; p--) {
      if (java.util.Arrays.equals(d, p, p + vl, v, vs, vs + vl)) return p;
    }
    return -1;
  }

  /** startswith (0), endswith (1), contains (2) over bytes. */
  private static VectorEvaluator predicate(VectorEvaluator left, VectorEvaluator right, int op) {
    return batch -> {
      int n = batch.numRows();
      BytesVector l = Args.strings(left, batch);
      BytesVector r = Args.strings(right, batch);
      boolean[] nulls = Args.nulls(n, l, r);
      boolean[] out = new boolean[Math.max(n, 1)];
      byte[] ld = l.data();
      byte[] rd = r.data();
      for (int i = 0; i < n; i++) {
        int ls = l.start(i);
        int le = ls + l.length(i);
        int rs = r.start(i);
        int re = rs + r.length(i);
        out[i] =
            switch (op) {
              case 0 -> Utf8.startsWith(ld, ls, le, rd, rs, re);
              case 1 -> Utf8.endsWith(ld, ls, le, rd, rs, re);
              default -> Utf8.indexOf(ld, ls, le, rd, rs, re) >= 0;
            };
      }
      return new BooleanVector(DataTypes.BooleanType, out, nulls, n);
    };
  }
}
