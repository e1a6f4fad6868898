package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.EvalErrors;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Kernels that build timestamps from numbers: {@code make_timestamp}, {@code timestamp_seconds} and
 * {@code timestamp_millis}.
 */
final class TimestampBuildKernels {
  private static final long MICROS = 1_000_000L;

  private TimestampBuildKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("make_timestamp", TimestampBuildKernels::makeTimestamp);
    m.put("timestamp_seconds", (call, args, ctx) -> fromNumber(call, args.get(0), MICROS));
    m.put("timestamp_millis", (call, args, ctx) -> fromNumber(call, args.get(0), 1000L));
  }

  // --- make_timestamp -------------------------------------------------------------------------

  /**
   * {@code make_timestamp(y, mo, d, h, mi, sec[, tz])} with {@code sec} a {@code decimal(16,6)}: 60
   * seconds (no fraction) is the next minute; invalid fields or zone give null, or in ANSI mode
   * {@code DATETIME_FIELD_OUT_OF_BOUNDS} ({@code INVALID_FRACTION_OF_SECOND} above 60). Local times
   * in a daylight-saving gap move forward; in an overlap the earlier offset wins.
   */
  private static VectorEvaluator makeTimestamp(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    boolean ansi = ctx.ansi();
    ZoneArgument zones = args.size() > 6 ? new ZoneArgument(call.arg(6), args.get(6)) : null;
    ZoneOffsets session = ZoneOffsets.of(ctx.timeZone());
    return batch -> {
      int n = batch.numRows();
      int[][] fields = new int[5][];
      boolean[] nulls = null;
      for (int f = 0; f < 5; f++) {
        ColumnVector v = args.get(f).evaluate(batch);
        fields[f] = TemporalVectors.ints(v, n);
        nulls = TemporalVectors.union(nulls, TemporalVectors.nulls(v, n), n);
      }
      ColumnVector secVector = args.get(5).evaluate(batch);
      nulls =
          TemporalVectors.writable(
              TemporalVectors.union(nulls, TemporalVectors.nulls(secVector, n), n), n);
      long[] secMicros = microsOfSeconds(secVector, n);
      BytesVector names =
          zones != null && zones.perRow() ? (BytesVector) args.get(6).evaluate(batch) : null;
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) continue;
        ZoneOffsets zone = session;
        if (zones != null) {
          String name =
              names != null
                  ? (names.isNullAt(i) ? null : names.getString(i))
                  : zones.constantText();
          zone = name == null ? null : zones.tryLookup(name);
          if (zone == null) {
            if (name != null && ansi) throw DateTimeErrors.fieldOutOfBounds(zoneError(name));
            nulls[i] = true;
            continue;
          }
        }
        long r = make(fields, i, secMicros[i], zone, ansi);
        if (r == Long.MIN_VALUE) {
          nulls[i] = true;
        } else {
          out[i] = r;
        }
      }
      return new LongVector(DataTypes.TimestampType, out, nulls, n);
    };
  }

  /** Seconds with a 6-digit fraction as microseconds (the argument is a decimal(16,6)). */
  private static long[] microsOfSeconds(ColumnVector v, int n) {
    if (!(v instanceof DecimalVector d)) return new long[Math.max(n, 1)];
    int scale = d.decimalType().scale();
    long[] out = new long[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      if (d.isNullAt(i)) continue;
      if (d.isCompact() && scale == 6) {
        out[i] = d.unscaled()[i];
      } else {
        out[i] = d.getDecimal(i).movePointRight(6).longValue();
      }
    }
    return out;
  }

  /** The instant, or {@code Long.MIN_VALUE} for null (non-ANSI invalid fields). */
  private static long make(int[][] f, int i, long secMicros, ZoneOffsets zone, boolean ansi) {
    int year = f[0][i];
    int month = f[1][i];
    int day = f[2][i];
    int hour = f[3][i];
    int minute = f[4][i];
    long seconds = Math.floorDiv(secMicros, MICROS);
    int micros = (int) Math.floorMod(secMicros, MICROS);
    if (seconds == 60 && micros != 0) {
      if (ansi) throw DateTimeErrors.invalidFractionOfSecond();
      return Long.MIN_VALUE;
    }
    if (!DateKernels.validDate(year, month, day)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || seconds < 0
        || seconds > 60) {
      if (ansi) {
        throw DateTimeErrors.fieldOutOfBounds(
            fieldError(year, month, day, hour, minute, seconds, micros));
      }
      return Long.MIN_VALUE;
    }
    long local =
        CivilCalendar.daysFromCivil(year, month, day) * 86_400L
            + hour * 3600L
            + minute * 60L
            + seconds;
    try {
      return Math.addExact(Math.multiplyExact(zone.toUtc(local), MICROS), micros);
    } catch (ArithmeticException e) {
      throw DateTimeErrors.longOverflow();
    }
  }

  private static RuntimeException fieldError(
      int year, int month, int day, int hour, int minute, long seconds, int micros) {
    try {
      int sec = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
      LocalDateTime.of(year, month, day, hour, minute, sec, micros * 1000);
      return new DateTimeException("Invalid date-time fields");
    } catch (DateTimeException e) {
      return e;
    }
  }

  private static RuntimeException zoneError(String name) {
    try {
      ZoneId.of(name, ZoneId.SHORT_IDS);
      return new DateTimeException("Invalid time zone: " + name);
    } catch (DateTimeException e) {
      return e;
    }
  }

  // --- timestamp_seconds / timestamp_millis ---------------------------------------------------

  /**
   * Seconds (or milliseconds) since the epoch as a timestamp: integral inputs must not overflow
   * ({@code ARITHMETIC_OVERFLOW}); NaN and infinities give null; fractions beyond microseconds are
   * truncated for floating point.
   */
  private static VectorEvaluator fromNumber(ScalarFunction call, VectorEvaluator arg, long unit) {
    DataType type = call.arg(0).dataType();
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = arg.evaluate(batch);
      boolean[] nulls = TemporalVectors.nulls(in, n);
      long[] out = new long[Math.max(n, 1)];
      if (type.isIntegral()) {
        long[] v = integralValues(in, n);
        for (int i = 0; i < n; i++) {
          if (TemporalVectors.isNull(nulls, i)) continue;
          out[i] = scaleExact(v[i], unit);
        }
      } else if (type instanceof DecimalType) {
        DecimalVector d = (DecimalVector) in;
        BigDecimal factor = BigDecimal.valueOf(unit);
        for (int i = 0; i < n; i++) {
          if (TemporalVectors.isNull(nulls, i)) continue;
          try {
            out[i] = d.getDecimal(i).multiply(factor).longValueExact();
          } catch (ArithmeticException e) {
            throw EvalErrors.arithmeticOverflow(e.getMessage(), "");
          }
        }
      } else {
        nulls = TemporalVectors.writable(nulls, n);
        for (int i = 0; i < n; i++) {
          if (nulls[i]) continue;
          double d = in instanceof FloatVector f ? f.values()[i] : ((DoubleVector) in).values()[i];
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            nulls[i] = true;
          } else {
            out[i] = (long) (d * unit);
          }
        }
      }
      return new LongVector(DataTypes.TimestampType, out, nulls, n);
    };
  }

  private static long[] integralValues(ColumnVector in, int n) {
    if (in instanceof LongVector l) return l.values();
    int[] ints = TemporalVectors.ints(in, n);
    long[] out = new long[Math.max(n, 1)];
    for (int i = 0; i < n; i++) out[i] = ints[i];
    return out;
  }

  private static long scaleExact(long v, long unit) {
    try {
      return Math.multiplyExact(v, unit);
    } catch (ArithmeticException e) {
      throw DateTimeErrors.longOverflow();
    }
  }
}
