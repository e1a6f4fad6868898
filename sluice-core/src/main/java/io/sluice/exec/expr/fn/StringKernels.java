package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import java.util.Map;

/** Kernels of the string functions. */
final class StringKernels {
  private StringKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("upper", (call, args, ctx) -> caseMap(args.get(0), true));
    m.put("lower", (call, args, ctx) -> caseMap(args.get(0), false));
  }

  /**
   * upper/lower: ASCII bytes are mapped in place; a value with non-ASCII bytes goes through
   * {@link String#toUpperCase}/{@link String#toLowerCase} with the root locale, as Spark's
   * UTF8String does.
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
        boolean ascii = true;
        for (int p = start; p < start + len; p++) {
          if (data[p] < 0) {
            ascii = false;
            break;
          }
        }
        if (ascii) {
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
          out.appendString(upper
              ? s.toUpperCase(java.util.Locale.ROOT) : s.toLowerCase(java.util.Locale.ROOT));
        }
      }
      return out;
    };
  }

}
