package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;

/**
 * split(str, regex, limit) as Spark: Java's {@code String.split} semantics, with a limit of 0
 * meaning no limit and trailing empty strings kept, and an empty regex splitting a non-empty string
 * into its characters. A constant one-character delimiter that Java would also split on literally
 * ({@code ","}, {@code "\\|"}) is split on the UTF-8 bytes directly.
 */
final class SplitKernel {
  private SplitKernel() {}

  static VectorEvaluator create(ScalarFunction call, List<VectorEvaluator> args, EvalContext c) {
    Object p = Args.constant(call, args, 1);
    int literal = p == Args.VARYING || p == null ? -1 : literalDelimiter(Args.text(p));
    RegexCache fixed = literal >= 0 ? null : PatternKernels.constantRegex(call, args, 1);
    RegexCache varying = new RegexCache("split");
    TextView view = new TextView();
    ArrayType type = (ArrayType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      BytesVector str = Args.strings(args.get(0), batch);
      BytesVector pat = Args.strings(args.get(1), batch);
      IntVector lim = Args.ints(args.get(2), batch);
      boolean[] nulls = Args.nulls(n, str, pat, lim);
      ArrayVector out = new ArrayVector(type, n);
      BytesVector el = (BytesVector) out.elements();
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        int limit = lim.get(i) == 0 ? -1 : lim.get(i);
        if (literal >= 0) {
          splitOnByte(str, i, (byte) literal, limit, el);
        } else {
          String regex = fixed != null ? null : pat.getString(i);
          Matcher m = fixed != null ? fixed.current() : varying.matcher(regex);
          splitOnRegex(str, i, m, limit, view, el);
        }
        out.commitRow();
      }
      return out;
    };
  }

  /**
   * The delimiter byte when Java's {@code String.split} would split on {@code regex} as a literal
   * ASCII character, else -1.
   */
  static int literalDelimiter(String regex) {
    if (regex.length() == 1) {
      char c = regex.charAt(0);
      return c < 0x80 && ".$|()[{^?*+\\".indexOf(c) < 0 ? c : -1;
    }
    if (regex.length() == 2 && regex.charAt(0) == '\\') {
      char c = regex.charAt(1);
      boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      return c < 0x80 && !alnum ? c : -1;
    }
    return -1;
  }

  private static void splitOnByte(BytesVector str, int row, byte delim, int limit, BytesVector el) {
    byte[] d = str.data();
    int s = str.start(row);
    int e = s + str.length(row);
    int pieces = 0;
    int from = s;
    for (int p = s; p < e; p++) {
      if (d[p] == delim && (limit < 0 || pieces < limit - 1)) {
        el.appendBytes(d, from, p - from);
        pieces++;
        from = p + 1;
      }
    }
    el.appendBytes(d, from, e - from);
  }

  private static void splitOnRegex(
      BytesVector str, int row, Matcher m, int limit, TextView view, BytesVector el) {
    CharSequence text = view.of(str, row);
    if (text.length() > 0 && m.pattern().pattern().isEmpty()) {
      splitChars(str, row, limit, el);
      return;
    }
    for (String piece : m.pattern().split(text, limit)) {
      el.appendBytes(piece.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An empty regex: one element per character, the last holding the rest past the limit. */
  private static void splitChars(BytesVector str, int row, int limit, BytesVector el) {
    byte[] d = str.data();
    int s = str.start(row);
    int e = s + str.length(row);
    int chars = Utf8.numChars(d, s, e);
    int pieces = limit > chars || limit <= 0 ? chars : limit;
    int p = s;
    for (int k = 0; k < pieces - 1; k++) {
      int cl = Math.min(Utf8.charBytes(d[p]), e - p);
      el.appendBytes(d, p, cl);
      p += cl;
    }
    el.appendBytes(d, p, e - p);
  }
}
