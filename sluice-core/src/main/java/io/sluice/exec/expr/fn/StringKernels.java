package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import java.util.Locale;
import java.util.Map;

/**
 * Kernels of the string functions: case mapping here, the others in {@link TextKernels}, {@link
 * SubstringKernels}, {@link PatternKernels} and {@link FormatKernels}, all registered through
 * {@link #register}.
 */
final class StringKernels {
  private StringKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("upper", (call, args, ctx) -> caseMap(args.get(0), true));
    m.put("lower", (call, args, ctx) -> caseMap(args.get(0), false));
    m.put("initcap", (call, args, ctx) -> initcap(args.get(0)));
    TextKernels.register(m);
    SubstringKernels.register(m);
    PatternKernels.register(m);
    FormatKernels.register(m);
  }

  /**
   * upper/lower: ASCII bytes are mapped in place; a value with non-ASCII bytes goes through {@link
   * String#toUpperCase}/{@link String#toLowerCase} with the root locale, as Spark's UTF8String
   * does.
   */
  private static VectorEvaluator caseMap(VectorEvaluator arg, boolean upper) {
    return batch -> {
      BytesVector in = (BytesVector) arg.evaluate(batch);
      int n = batch.numRows();
      byte[] data = in.data();
      int[] offsets = in.offsets();
      BytesVector out = new BytesVector(in.type(), n);
      out.reserveData(offsets[n] - offsets[0]);
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        int start = offsets[i];
        int len = offsets[i + 1] - start;
        if (Utf8.isAscii(data, start, start + len)) {
          byte[] dst = out.reserveData(len);
          int at = out.offsets()[out.size()];
          for (int p = 0; p < len; p++) {
            byte b = data[start + p];
            if (upper && b >= 'a' && b <= 'z') {
              b -= 32;
            } else if (!upper && b >= 'A' && b <= 'Z') {
              b += 32;
            }
            dst[at + p] = b;
          }
          out.commitRow(len);
        } else {
          String s = in.getString(i);
          out.appendString(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
        }
      }
      return out;
    };
  }

  /**
   * initcap: lower case, then the first character and every character after a space in title case
   * (Spark splits words at spaces only).
   */
  private static VectorEvaluator initcap(VectorEvaluator arg) {
    return batch -> {
      BytesVector in = (BytesVector) arg.evaluate(batch);
      int n = batch.numRows();
      byte[] data = in.data();
      int[] offsets = in.offsets();
      BytesVector out = new BytesVector(in.type(), n);
      out.reserveData(offsets[n] - offsets[0]);
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        int start = offsets[i];
        int len = offsets[i + 1] - start;
        if (Utf8.isAscii(data, start, start + len)) {
          byte[] dst = out.reserveData(len);
          int at = out.offsets()[out.size()];
          byte prev = ' ';
          for (int p = 0; p < len; p++) {
            byte b = data[start + p];
            if (prev == ' ' && b >= 'a' && b <= 'z') {
              b -= 32;
            } else if (prev != ' ' && b >= 'A' && b <= 'Z') {
              b += 32;
            }
            dst[at + p] = b;
            prev = b;
          }
          out.commitRow(len);
        } else {
          out.appendString(titleCase(in.getString(i).toLowerCase(Locale.ROOT)));
        }
      }
      return out;
    };
  }

  private static String titleCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      sb.appendCodePoint(prev == ' ' ? Character.toTitleCase(cp) : cp);
      prev = cp;
      k += Character.charCount(cp);
    }
    return sb.toString();
  }
}
