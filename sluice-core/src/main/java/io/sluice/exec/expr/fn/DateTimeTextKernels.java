package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.TimestampType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Kernels between timestamps and text under Spark datetime patterns ({@link DateTimePattern}):
 * {@code date_format}, {@code from_unixtime}, and the parsers {@code to_timestamp}, {@code
 * to_date}, {@code unix_timestamp}, {@code to_unix_timestamp} (with a pattern). A constant pattern
 * is compiled once per query; an invalid one raises its error only when a non-null row needs it, as
 * in Spark. Unparseable text gives null, or {@code CANNOT_PARSE_TIMESTAMP} in ANSI mode.
 */
final class DateTimeTextKernels {
  private static final long MICROS = 1_000_000L;

  /** What a parser produces from the parsed instant. */
  enum Output {
    TIMESTAMP,
    DATE,
    SECONDS
  }

  private DateTimeTextKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("date_format", (call, args, ctx) -> format(call, args, ctx, 1));
    m.put("from_unixtime", (call, args, ctx) -> format(call, args, ctx, MICROS));
    m.put(
        "to_timestamp",
        (call, args, ctx) -> parse(call, args, ctx, Output.TIMESTAMP, "try_to_timestamp"));
    m.put("to_date", (call, args, ctx) -> parse(call, args, ctx, Output.DATE, "try_to_date"));
    m.put(
        "unix_timestamp",
        (call, args, ctx) -> parse(call, args, ctx, Output.SECONDS, "try_to_timestamp"));
    m.put(
        "to_unix_timestamp",
        (call, args, ctx) -> parse(call, args, ctx, Output.SECONDS, "try_to_timestamp"));
  }

  /**
   * The pattern argument: a constant compiled once (its error kept until a row needs it) or a
   * per-row text compiled through {@link DateTimePattern}'s cache.
   */
  private static final class PatternArgument {
    final boolean perRow;
    final boolean isNull;
    final DateTimePattern fixed;
    final RuntimeException error;

    PatternArgument(ScalarFunction call, List<VectorEvaluator> args, boolean parsing) {
      Object c = TemporalVectors.constant(call.arg(1), args.get(1));
      perRow = c == TemporalVectors.NOT_CONSTANT;
      isNull = c == null;
      DateTimePattern p = null;
      RuntimeException err = null;
      if (c instanceof String s) {
        try {
          p = parsing ? DateTimePattern.forParsing(s) : DateTimePattern.forFormatting(s);
        } catch (RuntimeException e) {
          err = e;
        }
      }
      fixed = p;
      error = err;
    }

    /** The pattern of row {@code i} (null for a null pattern). */
    DateTimePattern at(BytesVector texts, int i, boolean parsing) {
      if (texts == null) {
        if (error != null) throw error;
        return fixed;
      }
      if (texts.isNullAt(i)) return null;
      String s = texts.getString(i);
      return parsing ? DateTimePattern.forParsing(s) : DateTimePattern.forFormatting(s);
    }
  }

  // --- formatting -----------------------------------------------------------------------------

  /**
   * {@code date_format(ts, fmt)} ({@code unit} 1) and {@code from_unixtime(seconds, fmt)} ({@code
   * unit} 10^6) in the session time zone.
   */
  private static VectorEvaluator format(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx, long unit) {
    PatternArgument pattern = new PatternArgument(call, args, false);
    ZoneId zone = ctx.timeZone();
    ZoneOffsets offsets = ZoneOffsets.of(zone);
    DateTimeFormatter zoned =
        pattern.fixed == null ? null : pattern.fixed.formatter().withZone(zone);
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(0).evaluate(batch);
      long[] values = TemporalVectors.longs(in, n);
      boolean[] nulls = TemporalVectors.nulls(in, n);
      BytesVector texts = pattern.perRow ? (BytesVector) args.get(1).evaluate(batch) : null;
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      ZoneOffsets.Cursor cursor = offsets.cursor();
      StringBuilder sb = new StringBuilder(32);
      for (int i = 0; i < n; i++) {
        if (TemporalVectors.isNull(nulls, i) || (!pattern.perRow && pattern.isNull)) {
          out.appendNull();
          continue;
        }
        DateTimePattern p = pattern.at(texts, i, false);
        if (p == null) {
          out.appendNull();
          continue;
        }
        long micros = values[i] * unit; // unchecked, as Spark's from_unixtime
        long seconds = Math.floorDiv(micros, MICROS);
        int nanos = (int) Math.floorMod(micros, MICROS) * 1000;
        FastDateTimePattern fast = p.fast();
        if (fast != null) {
          long local = cursor.toLocal(seconds);
          if (FastDateTimePattern.handles(local)) {
            int width = fast.width();
            byte[] dst = out.reserveData(width);
            fast.format(dst, out.offsets()[out.size()], local, nanos);
            out.commitRow(width);
            continue;
          }
        }
        sb.setLength(0);
        if (p.zoneFree()) {
          p.formatLocal(sb, cursor.toLocal(seconds), nanos);
        } else {
          DateTimeFormatter f = p == pattern.fixed ? zoned : p.formatter().withZone(zone);
          f.formatTo(java.time.Instant.ofEpochSecond(seconds, nanos), sb);
        }
        out.appendString(sb.toString());
      }
      return out;
    };
  }

  // --- parsing --------------------------------------------------------------------------------

  /**
   * {@code to_timestamp(s, fmt)}, {@code to_date(s, fmt)}, {@code unix_timestamp(s, fmt)}: text is
   * parsed with the pattern in the session time zone (or the zone it names); a date is its local
   * midnight and a timestamp itself. Seconds are truncated toward zero, as Spark's.
   */
  private static VectorEvaluator parse(
      ScalarFunction call,
      List<VectorEvaluator> args,
      EvalContext ctx,
      Output output,
      String tryFunction) {
    PatternArgument pattern = new PatternArgument(call, args, true);
    DataType inType = call.arg(0).dataType();
    ZoneId zone = ctx.timeZone();
    ZoneOffsets offsets = ZoneOffsets.of(zone);
    boolean ansi = ctx.ansi();
    return batch -> {
      int n = batch.numRows();
      ColumnVector in = args.get(0).evaluate(batch);
      boolean[] nulls = TemporalVectors.writable(TemporalVectors.nulls(in, n), n);
      BytesVector texts = pattern.perRow ? (BytesVector) args.get(1).evaluate(batch) : null;
      long[] micros = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (nulls[i] || (!pattern.perRow && pattern.isNull)) {
          nulls[i] = true;
          continue;
        }
        if (inType instanceof TimestampType) {
          micros[i] = ((LongVector) in).values()[i];
        } else if (inType instanceof DateType) {
          micros[i] = offsets.startOfDay(((IntVector) in).values()[i]) * MICROS;
        } else {
          DateTimePattern p = pattern.at(texts, i, true);
          if (p == null) {
            nulls[i] = true;
            continue;
          }
          try {
            BytesVector text = (BytesVector) in;
            int start = text.start(i);
            micros[i] = p.parseMicros(text.data(), start, start + text.length(i), offsets);
          } catch (DateTimeException | ArithmeticException e) {
            if (ansi) throw DateTimeErrors.cannotParse(e, tryFunction);
            nulls[i] = true;
          }
        }
      }
      return result(output, micros, nulls, n, offsets);
    };
  }

  private static ColumnVector result(
      Output output, long[] micros, boolean[] nulls, int n, ZoneOffsets offsets) {
    return switch (output) {
      case TIMESTAMP -> new LongVector(DataTypes.TimestampType, micros, nulls, n);
      case SECONDS -> {
        for (int i = 0; i < n; i++) micros[i] = micros[i] / MICROS;
        yield new LongVector(DataTypes.LongType, micros, nulls, n);
      }
      case DATE -> {
        int[] days = new int[Math.max(n, 1)];
        ZoneOffsets.Cursor cursor = offsets.cursor();
        for (int i = 0; i < n; i++) {
          if (nulls[i]) continue;
          long local = cursor.toLocal(Math.floorDiv(micros[i], MICROS));
          days[i] = (int) Math.floorDiv(local, 86_400L);
        }
        yield new IntVector(DataTypes.DateType, days, nulls, n);
      }
    };
  }
}
