package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Kernels of the pattern functions: like, rlike, regexp_extract(_all), regexp_replace (split is in
 * {@link SplitKernel}). A constant pattern is compiled once per query; a pattern that varies per
 * row is recompiled only when it changes. Rows are matched as in-place ASCII views where possible
 * ({@link TextView}).
 */
final class PatternKernels {
  private PatternKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("like", PatternKernels::like);
    m.put("rlike", PatternKernels::rlike);
    m.put("split", SplitKernel::create);
    m.put("regexp_extract", PatternKernels::regexpExtract);
    m.put("regexp_replace", PatternKernels::regexpReplace);
    m.put("regexp_extract_all", PatternKernels::regexpExtractAll);
  }

  /** The function's name in errors: its pretty name in lower case ({@code regexp_like}). */
  static String errorName(ScalarFunction call) {
    return call.prettyName().toLowerCase(Locale.ROOT);
  }

  /** A constant regex argument compiled now, or null when it varies (or is null). */
  static RegexCache constantRegex(ScalarFunction call, List<VectorEvaluator> args, int i) {
    Object p = Args.constant(call, args, i);
    return p == Args.VARYING || p == null ? null : new RegexCache(errorName(call), Args.text(p));
  }

  private static VectorEvaluator like(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    Object escapeValue = Args.constant(call, args, 2);
    char escape = Args.text(escapeValue).charAt(0);
    Object p = Args.constant(call, args, 1);
    LikeMatcher fixed =
        p == Args.VARYING || p == null ? null : LikeMatcher.compile(Args.text(p), escape);
    String[] lastPattern = {null};
    LikeMatcher[] last = {null};
    return batch -> {
      int n = batch.numRows();
      BytesVector str = Args.strings(args.get(0), batch);
      BytesVector pat = Args.strings(args.get(1), batch);
      boolean[] nulls = Args.nulls(n, str, pat);
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) continue;
        LikeMatcher m = fixed;
        if (m == null) {
          String text = pat.getString(i);
          if (!text.equals(lastPattern[0])) {
            last[0] = LikeMatcher.compile(text, escape);
            lastPattern[0] = text;
          }
          m = last[0];
        }
        out[i] = m.matches(str, i);
      }
      return new BooleanVector(DataTypes.BooleanType, out, nulls, n);
    };
  }

  /** rlike(str, regexp): whether the regex matches somewhere in the string. */
  private static VectorEvaluator rlike(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    RegexCache fixed = constantRegex(call, args, 1);
    RegexCache varying = new RegexCache(errorName(call));
    TextView view = new TextView();
    return batch -> {
      int n = batch.numRows();
      BytesVector str = Args.strings(args.get(0), batch);
      BytesVector pat = Args.strings(args.get(1), batch);
      boolean[] nulls = Args.nulls(n, str, pat);
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) continue;
        Matcher m = fixed != null ? fixed.current() : varying.matcher(pat.getString(i));
        out[i] = m.reset(view.of(str, i)).find(0);
      }
      return new BooleanVector(DataTypes.BooleanType, out, nulls, n);
    };
  }

  /**
   * regexp_extract(str, regexp, idx): group {@code idx} of the first match, "" when nothing matches
   * or the group did not take part; an index outside {@code [0, groupCount]} is an error (raised on
   * a match, as in Spark).
   */
  private static VectorEvaluator regexpExtract(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    RegexCache fixed = constantRegex(call, args, 1);
    RegexCache varying = new RegexCache(errorName(call));
    TextView view = new TextView();
    return batch -> {
      int n = batch.numRows();
      BytesVector str = Args.strings(args.get(0), batch);
      BytesVector pat = Args.strings(args.get(1), batch);
      ColumnVector idx = args.get(2).evaluate(batch);
      boolean[] nulls = Args.nulls(n, str, pat, idx);
      BytesVector out = Args.newBytes(str, n, 8 * n);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        Matcher m = fixed != null ? fixed.current() : varying.matcher(pat.getString(i));
        CharSequence text = view.of(str, i);
        m.reset(text);
        if (!m.find()) {
          out.appendBytes(str.data(), 0, 0);
          continue;
        }
        int group = ((IntVector) idx).get(i);
        if (group < 0 || group > m.groupCount()) {
          throw FnErrors.regexGroupIndex(errorName(call), m.groupCount(), group);
        }
        appendGroup(m, group, view, str, out);
      }
      return out;
    };
  }

  /** regexp_extract_all(str, regexp, idx): group {@code idx} of every match, in order. */
  private static VectorEvaluator regexpExtractAll(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    RegexCache fixed = constantRegex(call, args, 1);
    RegexCache varying = new RegexCache(errorName(call));
    TextView view = new TextView();
    ArrayType type = (ArrayType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      BytesVector str = Args.strings(args.get(0), batch);
      BytesVector pat = Args.strings(args.get(1), batch);
      IntVector idx = Args.ints(args.get(2), batch);
      boolean[] nulls = Args.nulls(n, str, pat, idx);
      ArrayVector out = new ArrayVector(type, n);
      BytesVector el = (BytesVector) out.elements();
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        Matcher m = fixed != null ? fixed.current() : varying.matcher(pat.getString(i));
        m.reset(view.of(str, i));
        int group = idx.get(i);
        while (m.find()) {
          if (group < 0 || group > m.groupCount()) {
            throw FnErrors.regexGroupIndex(errorName(call), m.groupCount(), group);
          }
          appendGroup(m, group, view, str, el);
        }
        out.commitRow();
      }
      return out;
    };
  }

  /** Appends group {@code group} of the current match ("" when it did not take part). */
  private static void appendGroup(
      Matcher m, int group, TextView view, BytesVector str, BytesVector out) {
    int start = m.start(group);
    if (start < 0) {
      out.appendBytes(str.data(), 0, 0);
    } else if (view.lastWasAscii()) {
      out.appendBytes(view.data(), view.byteOffset(start), m.end(group) - start);
    } else {
      out.appendString(m.group(group));
    }
  }

  /**
   * regexp_replace(str, regexp, rep, position): every match from character {@code position} on
   * replaced by {@code rep} (Java replacement syntax: {@code $1}, {@code \$}); the string unchanged
   * when {@code position} is past its end.
   */
  private static VectorEvaluator regexpReplace(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    RegexCache fixed = constantRegex(call, args, 1);
    RegexCache varying = new RegexCache(errorName(call));
    TextView view = new TextView();
    StringBuilder sb = new StringBuilder();
    return batch -> {
      int n = batch.numRows();
      BytesVector str = Args.strings(args.get(0), batch);
      BytesVector pat = Args.strings(args.get(1), batch);
      BytesVector rep = Args.strings(args.get(2), batch);
      ColumnVector pos = args.get(3).evaluate(batch);
      boolean[] nulls = Args.nulls(n, str, pat, rep, pos);
      BytesVector out = Args.newBytes(str, n, str.offsets()[n] - str.offsets()[0]);
      String lastRep = null;
      BytesVector lastRepVector = null;
      int lastRepRow = -1;
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        Matcher m = fixed != null ? fixed.current() : varying.matcher(pat.getString(i));
        if (lastRep == null || !rep.valueEquals(i, lastRepVector, lastRepRow)) {
          lastRep = rep.getString(i);
          lastRepVector = rep;
          lastRepRow = i;
        }
        CharSequence text = view.of(str, i);
        int position = ((IntVector) pos).get(i) - 1;
        if (position != 0 && position >= text.length()) {
          out.appendBytes(str.data(), str.start(i), str.length(i));
          continue;
        }
        sb.setLength(0);
        try {
          m.reset(text);
          m.region(position, text.length());
          replaceAll(m, text, lastRep, sb);
        } catch (RuntimeException e) {
          throw FnErrors.regexpReplace(
              text.toString(), m.pattern().pattern(), lastRep, position + 1, e);
        }
        out.appendString(sb.toString());
      }
      return out;
    };
  }

  /**
   * Appends {@code text} with every match of {@code m} replaced: a replacement without group
   * references or escapes is copied as is, sparing the per-match parse of {@code
   * appendReplacement}.
   */
  private static void replaceAll(Matcher m, CharSequence text, String rep, StringBuilder sb) {
    if (rep.indexOf('$') >= 0 || rep.indexOf('\\') >= 0) {
      while (m.find()) m.appendReplacement(sb, rep);
      m.appendTail(sb);
      return;
    }
    int last = 0;
    while (m.find()) {
      sb.append(text, last, m.start()).append(rep);
      last = m.end();
    }
    sb.append(text, last, text.length());
  }
}
