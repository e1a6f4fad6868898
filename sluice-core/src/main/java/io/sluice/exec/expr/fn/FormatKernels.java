package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import io.sluice.types.IntegerType;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Formatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kernels of format_string (printf-style) and format_number (DecimalFormat, HALF_EVEN). */
final class FormatKernels {
  private FormatKernels() {}

  private static final String DEFAULT_NUMBER_FORMAT = "#,###,###,###,###,###,##0";

  static void register(Map<String, ScalarKernel> m) {
    m.put("format_string", FormatKernels::formatString);
    m.put("format_number", FormatKernels::formatNumber);
  }

  /**
   * format_string(fmt, args...): {@link Formatter} with the US locale over the arguments' values as
   * Spark passes them (strings, numbers, dates as day numbers, timestamps as microseconds, decimals
   * as {@code BigDecimal}); null arguments print as {@code null}.
   */
  private static VectorEvaluator formatString(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    int k = args.size() - 1;
    StringBuilder sb = new StringBuilder();
    Formatter formatter = new Formatter(sb, Locale.US);
    Object[] values = new Object[k];
    return batch -> {
      int n = batch.numRows();
      BytesVector fmt = Args.strings(args.get(0), batch);
      ColumnVector[] in = new ColumnVector[k];
      for (int a = 0; a < k; a++) in[a] = args.get(a + 1).evaluate(batch);
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      String lastFormat = null;
      int lastRow = -1;
      for (int i = 0; i < n; i++) {
        if (fmt.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        if (lastFormat == null || !fmt.valueEquals(i, fmt, lastRow)) {
          lastFormat = fmt.getString(i);
          lastRow = i;
        }
        for (int a = 0; a < k; a++) values[a] = in[a].getObject(i);
        sb.setLength(0);
        formatter.format(lastFormat, values);
        out.appendString(sb.toString());
      }
      return out;
    };
  }

  /**
   * format_number(x, d): {@code x} with {@code d} decimal places and grouping ({@code
   * #,###,##0.00}), or with the {@link DecimalFormat} pattern {@code d}; rounding HALF_EVEN
   * (DecimalFormat's); null for {@code d < 0}.
   */
  private static VectorEvaluator formatNumber(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    boolean places = call.arg(1).dataType() instanceof IntegerType;
    DecimalFormat format = new DecimalFormat("", new DecimalFormatSymbols(Locale.US));
    Object[] lastD = {null};
    return batch -> {
      int n = batch.numRows();
      ColumnVector x = args.get(0).evaluate(batch);
      ColumnVector d = args.get(1).evaluate(batch);
      boolean[] nulls = Args.nulls(n, x, d);
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        Object key = places ? (Object) ((IntVector) d).get(i) : ((BytesVector) d).getString(i);
        if (places && (Integer) key < 0) {
          out.appendNull();
          continue;
        }
        if (!key.equals(lastD[0])) {
          format.applyLocalizedPattern(pattern(key));
          lastD[0] = key;
        }
        out.appendString(format(format, x, i));
      }
      return out;
    };
  }

  private static String pattern(Object d) {
    if (d instanceof Integer places) {
      if (places == 0) return DEFAULT_NUMBER_FORMAT;
      return DEFAULT_NUMBER_FORMAT + "." + "0".repeat(places);
    }
    String s = (String) d;
    return s.isEmpty() ? DEFAULT_NUMBER_FORMAT : s;
  }

  private static String format(DecimalFormat f, ColumnVector x, int i) {
    if (x instanceof IntVector v) return f.format(v.get(i));
    if (x instanceof LongVector v) return f.format(v.get(i));
    if (x instanceof DoubleVector v) return f.format(v.get(i));
    if (x instanceof FloatVector v) return f.format((double) v.get(i));
    if (x instanceof ShortVector v) return f.format(v.get(i));
    if (x instanceof ByteVector v) return f.format(v.get(i));
    return f.format(((DecimalVector) x).getDecimal(i));
  }
}
