package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.CalendarIntervalVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.IntervalStrings;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The internal kernels the analyzer's rewrite of event-time windows computes with (no registry
 * function calls them by name):
 *
 * <ul>
 *   <li>{@code window_bounds(ts, window, slide, start, i)}: the {@code i}-th latest window of
 *       length {@code window} (microseconds) sliding by {@code slide} from offset {@code start}
 *       that may contain {@code ts}, as a struct {@code <start, end>}, with Spark's formula: {@code
 *       lastStart = ts - ((ts - start) mod slide)} (a non-negative modulus), {@code start_i =
 *       lastStart - i * slide}, {@code end_i = start_i + window}.
 *   <li>{@code session_window_bounds(ts, gap)}: a row's own session {@code <ts, ts + gap>}, the gap
 *       a calendar interval or its text (text that is no interval gives a null end, as Spark's
 *       cast); months and days are added in the session time zone.
 * </ul>
 *
 * A null time gives null fields; the struct itself is never null, as Spark's.
 */
final class WindowKernels {
  private WindowKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("window_bounds", WindowKernels::windowBounds);
    m.put("session_window_bounds", WindowKernels::sessionBounds);
  }

  private static long longArg(ScalarFunction call, int i) {
    return ((Number) ((Literal) call.arg(i)).value()).longValue();
  }

  private static VectorEvaluator windowBounds(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    long window = longArg(call, 1);
    long slide = longArg(call, 2);
    long offset = longArg(call, 3);
    long back = longArg(call, 4) * slide;
    StructType type = (StructType) call.dataType();
    DataType ts = type.get(0).dataType();
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(0).evaluate(batch);
      long[] t = ((LongVector) in).values();
      boolean[] nulls = TemporalVectors.nulls(in, n);
      long[] start = new long[Math.max(n, 1)];
      long[] end = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        long r = (t[i] - offset) % slide;
        long s = t[i] - (r < 0 ? r + slide : r) - back;
        start[i] = s;
        end[i] = s + window;
      }
      ColumnVector[] fields = {
        new LongVector(ts, start, nulls, n), new LongVector(ts, end, nulls, n)
      };
      return new StructVector(type, fields, null, n);
    };
  }

  private static VectorEvaluator sessionBounds(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    StructType type = (StructType) call.dataType();
    DataType ts = type.get(0).dataType();
    ZoneId zone = ctx.timeZone();
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(0).evaluate(batch);
      ColumnVector gap = args.get(1).evaluate(batch);
      long[] t = ((LongVector) in).values();
      boolean[] startNulls = TemporalVectors.nulls(in, n);
      boolean[] endNulls =
          TemporalVectors.writable(
              TemporalVectors.union(startNulls, TemporalVectors.nulls(gap, n), n), n);
      long[] end = new long[Math.max(n, 1)];
      if (gap instanceof CalendarIntervalVector g) {
        int[] months = g.months();
        int[] days = g.days();
        long[] micros = g.micros();
        for (int i = 0; i < n; i++) {
          if (endNulls[i]) continue;
          end[i] =
              months[i] == 0 && days[i] == 0
                  ? t[i] + micros[i]
                  : plus(t[i], months[i], days[i], micros[i], zone);
        }
      } else {
        BytesVector text = (BytesVector) gap;
        for (int i = 0; i < n; i++) {
          if (endNulls[i]) continue;
          CalendarInterval c = IntervalStrings.parseOrNull(text.getString(i));
          if (c == null) {
            endNulls[i] = true;
          } else {
            end[i] = plus(t[i], c.months(), c.days(), c.microseconds(), zone);
          }
        }
      }
      ColumnVector[] fields = {
        new LongVector(ts, t, startNulls, n), new LongVector(ts, end, nullsOrNone(endNulls, n), n)
      };
      return new StructVector(type, fields, null, n);
    };
  }

  /** Spark's timestamp plus calendar interval: months and days on the local calendar. */
  static long plus(long micros, int months, int days, long us, ZoneId zone) {
    if (months == 0 && days == 0) return micros + us;
    Instant instant =
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    ZonedDateTime z = instant.atZone(zone).plusMonths(months).plusDays(days);
    Instant r = z.toInstant();
    return r.getEpochSecond() * 1_000_000L + r.getNano() / 1000 + us;
  }

  private static boolean[] nullsOrNone(boolean[] mask, int n) {
    for (int i = 0; i < n; i++) {
      if (mask[i]) return mask;
    }
    return null;
  }
}
