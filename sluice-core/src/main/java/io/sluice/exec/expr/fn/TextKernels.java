package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernels over whole strings: concat, concat_ws, the lengths, reverse, repeat, ascii, translate.
 * They work on the UTF-8 bytes and decode nothing.
 */
final class TextKernels {
  private TextKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put(
        "concat",
        (call, args, ctx) ->
            call.dataType() instanceof ArrayType
                ? ArrayKernels.concat(call, args)
                : concat(call, args));
    m.put("concat_ws", (call, args, ctx) -> concatWs(call, args));
    m.put(
        "length",
        (call, args, ctx) ->
            length(args.get(0), !(call.arg(0).dataType() instanceof BinaryType), 1));
    m.put("octet_length", (call, args, ctx) -> length(args.get(0), false, 1));
    m.put("bit_length", (call, args, ctx) -> length(args.get(0), false, 8));
    m.put(
        "reverse",
        (call, args, ctx) ->
            call.dataType() instanceof ArrayType
                ? ArrayKernels.reverse(args.get(0))
                : reverse(args.get(0)));
    m.put("repeat", (call, args, ctx) -> repeat(args.get(0), args.get(1)));
    m.put("ascii", (call, args, ctx) -> ascii(args.get(0)));
    m.put("translate", TextKernels::translate);
  }

  /** concat of strings or binaries: null when any argument is null. */
  private static VectorEvaluator concat(ScalarFunction call, List<VectorEvaluator> args) {
    int k = args.size();
    return batch -> {
      int n = batch.numRows();
      BytesVector[] in = new BytesVector[k];
      int total = 0;
      for (int a = 0; a < k; a++) {
        in[a] = Args.strings(args.get(a), batch);
        total += in[a].offsets()[n] - in[a].offsets()[0];
      }
      BytesVector out = new BytesVector(call.dataType(), n);
      out.reserveData(total);
      boolean[] nulls = Args.nulls(n, in);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        int len = 0;
        for (BytesVector v : in) len += v.length(i);
        byte[] dst = out.reserveData(len);
        int at = out.offsets()[out.size()];
        for (BytesVector v : in) {
          int l = v.length(i);
          System.arraycopy(v.data(), v.start(i), dst, at, l);
          at += l;
        }
        out.commitRow(len);
      }
      return out;
    };
  }

  /**
   * concat_ws(sep, parts...): parts are strings or arrays of strings; null parts and null elements
   * are skipped; null only when the separator is.
   */
  private static VectorEvaluator concatWs(ScalarFunction call, List<VectorEvaluator> args) {
    int k = args.size() - 1;
    return batch -> {
      int n = batch.numRows();
      BytesVector sep = Args.strings(args.get(0), batch);
      ColumnVector[] parts = new ColumnVector[k];
      for (int a = 0; a < k; a++) parts[a] = args.get(a + 1).evaluate(batch);
      BytesVector out = new BytesVector(call.dataType(), n);
      for (int i = 0; i < n; i++) {
        if (sep.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        int before = out.offsets()[out.size()];
        int len = 0;
        boolean first = true;
        for (ColumnVector p : parts) {
          if (p.isNullAt(i)) continue;
          if (p instanceof BytesVector s) {
            len += joinPart(out, before + len, sep, i, s, i, first);
            first = false;
          } else if (p instanceof ArrayVector arr) {
            BytesVector el = (BytesVector) arr.elements();
            for (int e = arr.start(i), end = e + arr.length(i); e < end; e++) {
              if (el.isNullAt(e)) continue;
              len += joinPart(out, before + len, sep, i, el, e, first);
              first = false;
            }
          }
        }
        out.commitRow(len);
      }
      return out;
    };
  }

  /** Writes (separator and) one part at {@code at} of {@code out}'s data; returns the bytes. */
  private static int joinPart(
      BytesVector out,
      int at,
      BytesVector sep,
      int row,
      BytesVector part,
      int partRow,
      boolean first) {
    int sepLen = first ? 0 : sep.length(row);
    int partLen = part.length(partRow);
    // reserveData measures from the current row's start, so ask for what this row holds so far
    int written = at - out.offsets()[out.size()];
    byte[] dst = out.reserveData(written + sepLen + partLen);
    System.arraycopy(sep.data(), sep.start(row), dst, at, sepLen);
    System.arraycopy(part.data(), part.start(partRow), dst, at + sepLen, partLen);
    return sepLen + partLen;
  }

  /** Characters (strings) or bytes, times {@code unit} (8 for bit_length). */
  private static VectorEvaluator length(VectorEvaluator arg, boolean chars, int unit) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(arg, batch);
      int[] out = new int[Math.max(n, 1)];
      byte[] d = in.data();
      int[] off = in.offsets();
      for (int i = 0; i < n; i++) {
        out[i] = (chars ? Utf8.numChars(d, off[i], off[i + 1]) : off[i + 1] - off[i]) * unit;
      }
      return new IntVector(io.sluice.types.DataTypes.IntegerType, out, in.nulls(), n);
    };
  }

  /** The characters (code points) of a string in reverse order. */
  private static VectorEvaluator reverse(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(arg, batch);
      byte[] d = in.data();
      int[] off = in.offsets();
      BytesVector out = Args.newBytes(in, n, off[n] - off[0]);
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        int s = off[i];
        int len = off[i + 1] - s;
        byte[] dst = out.reserveData(len);
        int end = out.offsets()[out.size()] + len;
        for (int p = s; p < s + len; ) {
          int cl = Math.min(Utf8.charBytes(d[p]), s + len - p);
          end -= cl;
          System.arraycopy(d, p, dst, end, cl);
          p += cl;
        }
        out.commitRow(len);
      }
      return out;
    };
  }

  /** repeat(str, n): the string n times; empty for n <= 0. */
  private static VectorEvaluator repeat(VectorEvaluator str, VectorEvaluator times) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(str, batch);
      IntVector t = Args.ints(times, batch);
      boolean[] nulls = Args.nulls(n, in, t);
      BytesVector out = new BytesVector(in.type(), n);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        int count = Math.max(t.get(i), 0);
        int len = in.length(i);
        int total = Math.multiplyExact(len, count);
        byte[] dst = out.reserveData(total);
        int at = out.offsets()[out.size()];
        for (int c = 0; c < count; c++) {
          System.arraycopy(in.data(), in.start(i), dst, at + c * len, len);
        }
        out.commitRow(total);
      }
      return out;
    };
  }

  /** ascii(str): the code point of the first character, 0 for an empty string. */
  private static VectorEvaluator ascii(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(arg, batch);
      int[] out = new int[Math.max(n, 1)];
      byte[] d = in.data();
      int[] off = in.offsets();
      for (int i = 0; i < n; i++) {
        out[i] = off[i + 1] > off[i] ? Utf8.codePointAt(d, off[i], off[i + 1]) : 0;
      }
      return new IntVector(io.sluice.types.DataTypes.IntegerType, out, in.nulls(), n);
    };
  }

  /**
   * translate(src, from, to): each character of {@code from} becomes the character at the same
   * place in {@code to}, or is removed when {@code to} is shorter; the first mapping of a character
   * wins. The mapping is built once when {@code from} and {@code to} are constants.
   */
  private static VectorEvaluator translate(
      ScalarFunction call, List<VectorEvaluator> args, io.sluice.exec.expr.EvalContext ctx) {
    Object from = Args.constant(call, args, 1);
    Object to = Args.constant(call, args, 2);
    Map<Integer, byte[]> fixed =
        from != Args.VARYING && to != Args.VARYING && from != null && to != null
            ? dictionary(Args.text(from), Args.text(to))
            : null;
    return batch -> {
      int n = batch.numRows();
      BytesVector src = Args.strings(args.get(0), batch);
      BytesVector fromV = Args.strings(args.get(1), batch);
      BytesVector toV = Args.strings(args.get(2), batch);
      boolean[] nulls = Args.nulls(n, src, fromV, toV);
      BytesVector out = Args.newBytes(src, n, src.offsets()[n] - src.offsets()[0]);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        Map<Integer, byte[]> dict =
            fixed != null ? fixed : dictionary(fromV.getString(i), toV.getString(i));
        translateRow(src, i, dict, out);
      }
      return out;
    };
  }

  private static void translateRow(
      BytesVector src, int row, Map<Integer, byte[]> dict, BytesVector out) {
    byte[] d = src.data();
    int s = src.start(row);
    int e = s + src.length(row);
    int len = 0;
    for (int p = s; p < e; ) {
      int cl = Math.min(Utf8.charBytes(d[p]), e - p);
      byte[] rep = dict.get(Utf8.codePointAt(d, p, e));
      byte[] dst = out.reserveData(len + (rep == null ? cl : rep.length));
      int at = out.offsets()[out.size()] + len;
      if (rep == null) {
        System.arraycopy(d, p, dst, at, cl);
        len += cl;
      } else {
        System.arraycopy(rep, 0, dst, at, rep.length);
        len += rep.length;
      }
      p += cl;
    }
    out.commitRow(len);
  }

  /** Code point of {@code from} → UTF-8 bytes of its replacement (empty: removed). */
  private static Map<Integer, byte[]> dictionary(String from, String to) {
    Map<Integer, byte[]> dict = new HashMap<>();
    int j = 0;
    for (int i = 0; i < from.length(); ) {
      int cp = from.codePointAt(i);
      byte[] rep;
      if (j < to.length()) {
        int rc = to.codePointAt(j);
        j += Character.charCount(rc);
        // Spark treats a NUL replacement like a missing one: the character is removed
        rep =
            rc == 0
                ? new byte[0]
                : new String(Character.toChars(rc)).getBytes(StandardCharsets.UTF_8);
      } else {
        rep = new byte[0];
      }
      dict.putIfAbsent(cp, rep);
      i += Character.charCount(cp);
    }
    return dict;
  }
}
