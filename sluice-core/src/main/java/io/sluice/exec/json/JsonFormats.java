package io.sluice.exec.json;

import io.sluice.connector.file.DateTimeText;
import io.sluice.exec.expr.DateTimes;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** The writers of atomic values for {@link JsonFormatter}, with Spark's JSON output rules. */
final class JsonFormats {
  static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private JsonFormats() {}

  /** What building writers needs: the options and the evaluation settings. */
  record Context(JsonWriteOptions options, EvalContext eval) {}

  /**
   * Writes the non-null value at a row of the vector it is bound to. {@link #bind} is called once
   * per batch (and for nested vectors by the enclosing writer).
   */
  abstract static class Node {
    ColumnVector vector;

    void bind(ColumnVector v) {
      vector = v;
    }

    abstract void write(JsonOutput out, int row);
  }

  static Node leaf(DataType t, Context c) {
    if (t instanceof LongType) return node((o, v, r) -> o.putLong(((LongVector) v).get(r)));
    if (t instanceof IntegerType) return node((o, v, r) -> o.putLong(((IntVector) v).get(r)));
    if (t instanceof ShortType) return node((o, v, r) -> o.putLong(((ShortVector) v).get(r)));
    if (t instanceof ByteType) return node((o, v, r) -> o.putLong(((ByteVector) v).get(r)));
    if (t instanceof BooleanType) {
      return node((o, v, r) -> o.put(((BooleanVector) v).get(r) ? TRUE : FALSE));
    }
    if (t instanceof DoubleType) return node((o, v, r) -> putDouble(o, ((DoubleVector) v).get(r)));
    if (t instanceof FloatType) return node((o, v, r) -> putFloat(o, ((FloatVector) v).get(r)));
    if (t instanceof DecimalType) return node(JsonFormats::putDecimal);
    if (t instanceof StringType) {
      return node(
          (o, v, r) -> {
            BytesVector b = (BytesVector) v;
            o.putString(b.data(), b.start(r), b.length(r));
          });
    }
    if (t instanceof BinaryType) {
      Base64.Encoder base64 = Base64.getEncoder();
      return node(
          (o, v, r) -> {
            byte[] encoded = base64.encode(((BytesVector) v).getBytes(r));
            o.putString(encoded, 0, encoded.length);
          });
    }
    if (t instanceof DateType) return dates(c.options().dateFormat);
    if (t instanceof TimestampType) return timestamps(c.options());
    if (t instanceof NullType) return node((o, v, r) -> o.put(NULL));
    throw new IllegalArgumentException("to_json cannot write " + t.simpleString());
  }

  /** One row of one vector type. */
  @FunctionalInterface
  interface RowWriter {
    void write(JsonOutput out, ColumnVector v, int row);
  }

  private static Node node(RowWriter w) {
    return new Node() {
      @Override
      void write(JsonOutput out, int row) {
        w.write(out, vector, row);
      }
    };
  }

  /** Java's text of a double, as Jackson writes it; NaN and infinities as quoted strings. */
  private static void putDouble(JsonOutput o, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      o.putString(Double.toString(d));
    } else {
      o.putAscii(Double.toString(d));
    }
  }

  private static void putFloat(JsonOutput o, float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      o.putString(Float.toString(f));
    } else {
      o.putAscii(Float.toString(f));
    }
  }

  /**
   * {@link BigDecimal#toString()}, as Jackson writes a decimal: plain unless the value is smaller
   * than 1E-6 (then in exponent form, e.g. {@code 1E-8}).
   */
  private static void putDecimal(JsonOutput o, ColumnVector v, int r) {
    DecimalVector d = (DecimalVector) v;
    int scale = d.decimalType().scale();
    if (d.isCompact()) {
      long unscaled = d.unscaled()[r];
      if (scale == 0) {
        o.putLong(unscaled);
        return;
      }
      if (unscaled != 0 && unscaled != Long.MIN_VALUE) {
        int digits = 1;
        for (long t = Math.abs(unscaled); t >= 10; t /= 10) digits++;
        if (digits - 1 - scale >= -6) {
          putPlain(o, unscaled, scale, digits);
          return;
        }
      }
      o.putAscii(BigDecimal.valueOf(unscaled, scale).toString());
    } else {
      o.putAscii(d.getDecimal(r).toString());
    }
  }

  /** {@code unscaled} (not 0, {@code digits} long) at {@code scale > 0}, e.g. -0.05. */
  private static void putPlain(JsonOutput o, long unscaled, int scale, int digits) {
    if (unscaled < 0) o.put((byte) '-');
    String text = Long.toString(Math.abs(unscaled));
    int intLen = digits - scale;
    if (intLen <= 0) {
      o.putAscii("0.");
      for (int i = intLen; i < 0; i++) o.put((byte) '0');
      o.putAscii(text);
    } else {
      o.putAscii(text.substring(0, intLen));
      o.put((byte) '.');
      o.putAscii(text.substring(intLen));
    }
  }

  private static Node dates(DateTimeFormatter format) {
    if (format == null) {
      StringBuilder sb = new StringBuilder(12);
      return node(
          (o, v, r) -> {
            sb.setLength(0);
            DateTimes.appendDate(sb, ((IntVector) v).get(r));
            o.put((byte) '"');
            o.putAscii(sb);
            o.put((byte) '"');
          });
    }
    return node(
        (o, v, r) -> o.putString(format.format(LocalDate.ofEpochDay(((IntVector) v).get(r)))));
  }

  private static Node timestamps(JsonWriteOptions options) {
    ZoneId zone = options.zoneId;
    DateTimeFormatter format = options.timestampFormat;
    if (format == null) {
      StringBuilder sb = new StringBuilder(32);
      return node(
          (o, v, r) -> {
            sb.setLength(0);
            DateTimeText.appendDefaultTimestamp(sb, ((LongVector) v).get(r), zone);
            o.put((byte) '"');
            o.putAscii(sb);
            o.put((byte) '"');
          });
    }
    DateTimeFormatter zoned = format.withZone(zone);
    return node(
        (o, v, r) -> {
          long micros = ((LongVector) v).get(r);
          Instant at =
              Instant.ofEpochSecond(
                  Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
          o.putString(zoned.format(at));
        });
  }

  /** Intervals as their SQL text, rendered once per bound vector. */
  static final class IntervalNode extends Node {
    private final EvalContext ctx;
    private BytesVector text;

    IntervalNode(EvalContext ctx) {
      this.ctx = ctx;
    }

    @Override
    void bind(ColumnVector v) {
      super.bind(v);
      text = JsonFormatter.intervalText(v, ctx);
    }

    @Override
    void write(JsonOutput out, int row) {
      out.putString(text.data(), text.start(row), text.length(row));
    }
  }
}
