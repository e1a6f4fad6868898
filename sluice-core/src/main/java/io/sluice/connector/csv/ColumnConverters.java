package io.sluice.connector.csv;

import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.IsoTimestamps;
import io.sluice.connector.file.NumberText;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.expr.DateTimes;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
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
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The converters of the CSV source, one per SQL type, with Spark's rules: integers as {@code
 * Integer.parseInt} and friends read them; floating point as {@code Double.parseDouble}, after
 * {@code nanValue}, {@code positiveInf} and {@code negativeInf}; decimals with commas dropped,
 * rounded half-up to the scale, failing on overflow; booleans {@code true} / {@code false} in any
 * case; dates and timestamps with {@code dateFormat} / {@code timestampFormat}, else (or as a
 * fallback, per {@code enableDateTimeParsingFallback}) in the lenient forms of a cast.
 */
final class ColumnConverters {
  private ColumnConverters() {}

  static ColumnConverter forType(DataType t, CsvOptions o) {
    if (t instanceof StringType) return new StringConverter(o);
    if (t instanceof LongType) return new LongConverter(o);
    if (t instanceof IntegerType) return new IntConverter(o, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (t instanceof ShortType) return new IntConverter(o, Short.MIN_VALUE, Short.MAX_VALUE);
    if (t instanceof ByteType) return new IntConverter(o, Byte.MIN_VALUE, Byte.MAX_VALUE);
    if (t instanceof DoubleType) return new DoubleConverter(o, false);
    if (t instanceof FloatType) return new DoubleConverter(o, true);
    if (t instanceof DecimalType d) return new DecimalConverter(o, d);
    if (t instanceof BooleanType) return new BooleanConverter(o);
    if (t instanceof TimestampType) return new TimestampConverter(o);
    if (t instanceof DateType) return new DateConverter(o);
    if (t instanceof NullType) return new NullConverter(o);
    throw new IllegalStateException("unchecked type " + t.simpleString());
  }

  /**
   * Fails with {@code UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE} for a column the CSV source cannot
   * read: anything but atomic types (binary included, as in Spark).
   */
  static void checkSupported(StructType dataSchema) {
    for (StructField f : dataSchema.fields()) {
      DataType t = f.dataType();
      boolean ok =
          t instanceof StringType
              || t instanceof LongType
              || t instanceof IntegerType
              || t instanceof ShortType
              || t instanceof ByteType
              || t instanceof DoubleType
              || t instanceof FloatType
              || t instanceof DecimalType
              || t instanceof BooleanType
              || t instanceof TimestampType
              || t instanceof DateType
              || t instanceof NullType;
      if (!ok) {
        throw new io.sluice.AnalysisException(
            ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE,
            SluiceException.params(
                "format",
                "CSV",
                "columnName",
                "`" + f.name() + "`",
                "columnType",
                "\"" + t.sql() + "\""));
      }
    }
  }

  static String text(byte[] src, int off, int len) {
    return new String(src, off, len, StandardCharsets.UTF_8);
  }

  static final class StringConverter extends ColumnConverter {
    StringConverter(CsvOptions o) {
      super(o);
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      BytesVector v = (BytesVector) out;
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          v.appendNull();
        } else {
          v.appendBytes(src, o, l);
        }
      }
    }
  }

  static final class LongConverter extends ColumnConverter {
    LongConverter(CsvOptions o) {
      super(o);
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      LongVector v = (LongVector) out;
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          v.appendNull();
          continue;
        }
        long x = NumberText.parseLong(src, o, l);
        if (x == NumberText.NOT_A_LONG) {
          try {
            x = Long.parseLong(text(src, o, l));
          } catch (NumberFormatException e) {
            v.appendNull();
            status[statusBase + i] |= BAD_VALUE;
            continue;
          }
        }
        v.append(x);
      }
    }
  }

  /** int, smallint and tinyint: an integer within the type's range. */
  static final class IntConverter extends ColumnConverter {
    private final int min;
    private final int max;

    IntConverter(CsvOptions o, int min, int max) {
      super(o);
      this.min = min;
      this.max = max;
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          out.appendNull();
          continue;
        }
        long x = NumberText.parseLong(src, o, l);
        if (x == NumberText.NOT_A_LONG) x = slowParse(src, o, l);
        if (x < min || x > max) {
          out.appendNull();
          status[statusBase + i] |= BAD_VALUE;
          continue;
        }
        if (out instanceof IntVector iv) {
          iv.append((int) x);
        } else if (out instanceof ShortVector sv) {
          sv.append((short) x);
        } else {
          ((ByteVector) out).append((byte) x);
        }
      }
    }

    /** {@code Integer.parseInt} (which also takes non-ASCII digits); out of range if not. */
    private long slowParse(byte[] src, int o, int l) {
      try {
        return Integer.parseInt(text(src, o, l));
      } catch (NumberFormatException e) {
        return Long.MIN_VALUE;
      }
    }
  }

  /** double and float, with the configured NaN and infinity texts. */
  static final class DoubleConverter extends ColumnConverter {
    private final byte[] nan;
    private final byte[] posInf;
    private final byte[] negInf;
    private final boolean isFloat;

    /** Whether a special text is also a number: then it must be checked first. */
    private final boolean specialsFirst;

    DoubleConverter(CsvOptions o, boolean isFloat) {
      super(o);
      this.nan = o.nanValue.getBytes(StandardCharsets.UTF_8);
      this.posInf = o.positiveInf.getBytes(StandardCharsets.UTF_8);
      this.negInf = o.negativeInf.getBytes(StandardCharsets.UTF_8);
      this.isFloat = isFloat;
      this.specialsFirst = isFastNumber(nan) || isFastNumber(posInf) || isFastNumber(negInf);
    }

    private static boolean isFastNumber(byte[] text) {
      return !Double.isNaN(NumberText.fastDouble(text, 0, text.length));
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          out.appendNull();
          continue;
        }
        double d = isFloat || specialsFirst ? Double.NaN : NumberText.fastDouble(src, o, l);
        if (d != d) {
          d = special(src, o, l);
          if (d == 0) {
            try {
              String s = text(src, o, l);
              d = isFloat ? Float.parseFloat(s) : Double.parseDouble(s);
            } catch (NumberFormatException e) {
              out.appendNull();
              status[statusBase + i] |= BAD_VALUE;
              continue;
            }
          }
        }
        if (isFloat) {
          ((FloatVector) out).append((float) d);
        } else {
          ((DoubleVector) out).append(d);
        }
      }
    }

    /** NaN or an infinity for the configured texts; 0 for any other. */
    private double special(byte[] src, int o, int l) {
      if (same(nan, src, o, l)) return Double.NaN;
      if (same(negInf, src, o, l)) return Double.NEGATIVE_INFINITY;
      if (same(posInf, src, o, l)) return Double.POSITIVE_INFINITY;
      return 0;
    }
  }

  static boolean same(byte[] expected, byte[] src, int o, int l) {
    if (expected.length != l) return false;
    for (int i = 0; i < l; i++) {
      if (expected[i] != src[o + i]) return false;
    }
    return true;
  }

  /** decimal(p, s): commas dropped, rounded half-up to the scale; too many digits fail. */
  static final class DecimalConverter extends ColumnConverter {
    private final DecimalType type;

    DecimalConverter(CsvOptions o, DecimalType type) {
      super(o);
      this.type = type;
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          out.appendNull();
          continue;
        }
        BigDecimal v;
        try {
          v =
              new BigDecimal(text(src, o, l).replace(",", ""))
                  .setScale(type.scale(), RoundingMode.HALF_UP);
        } catch (NumberFormatException | ArithmeticException e) {
          v = null;
        }
        if (v == null || v.precision() > type.precision()) {
          out.appendNull();
          status[statusBase + i] |= BAD_VALUE;
        } else {
          out.append(v);
        }
      }
    }
  }

  /** boolean: {@code true} or {@code false}, in any case. */
  static final class BooleanConverter extends ColumnConverter {
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    BooleanConverter(CsvOptions o) {
      super(o);
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      BooleanVector v = (BooleanVector) out;
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          v.appendNull();
        } else if (sameIgnoringCase(TRUE, src, o, l)) {
          v.append(true);
        } else if (sameIgnoringCase(FALSE, src, o, l)) {
          v.append(false);
        } else {
          v.appendNull();
          status[statusBase + i] |= BAD_VALUE;
        }
      }
    }

    private static boolean sameIgnoringCase(byte[] lower, byte[] src, int o, int l) {
      if (lower.length != l) return false;
      for (int i = 0; i < l; i++) {
        if ((src[o + i] | 0x20) != lower[i]) return false;
      }
      return true;
    }
  }

  /** timestamp: the format (with the lenient fallback if enabled), else the lenient forms. */
  static final class TimestampConverter extends ColumnConverter {
    private final DateTimeFormatter format;
    private final boolean fallback;
    private final ZoneId zone;
    private final boolean utc;
    private final IsoTimestamps.Parser iso = new IsoTimestamps.Parser();

    TimestampConverter(CsvOptions o) {
      super(o);
      this.format = o.timestampFormat;
      this.fallback = o.timestampFallback();
      this.zone = o.zoneId;
      this.utc = DateTimeText.isUtc(zone);
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      LongVector v = (LongVector) out;
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          v.appendNull();
          continue;
        }
        long micros =
            format == null
                ? DateTimes.INVALID_TIMESTAMP
                : DateTimeText.parseTimestamp(format, text(src, o, l), zone);
        if (micros == DateTimes.INVALID_TIMESTAMP && fallback) micros = lenient(src, o, l);
        if (micros == DateTimes.INVALID_TIMESTAMP) {
          v.appendNull();
          status[statusBase + i] |= BAD_VALUE;
        } else {
          v.append(micros);
        }
      }
    }

    private long lenient(byte[] src, int o, int l) {
      long micros = DateTimeText.lenientTimestamp(iso, src, o, l, zone, utc);
      if (micros == DateTimes.INVALID_TIMESTAMP) {
        byte[] cleaned = DateTimeText.withoutGmt(src, o, l);
        if (cleaned != null) {
          micros = DateTimes.stringToTimestamp(cleaned, 0, cleaned.length, zone);
        }
      }
      return micros;
    }
  }

  /** date: the format (with the lenient fallback if enabled), else the lenient forms. */
  static final class DateConverter extends ColumnConverter {
    private final DateTimeFormatter format;
    private final boolean fallback;

    DateConverter(CsvOptions o) {
      super(o);
      this.format = o.dateFormat;
      this.fallback = o.dateFallback();
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      IntVector v = (IntVector) out;
      for (int i = 0; i < n; i++) {
        byte[] src = source(off[i], buf, scratch);
        int o = offset(off[i]);
        int l = len[i];
        if (isNull(src, o, l)) {
          v.appendNull();
          continue;
        }
        int days =
            format == null
                ? DateTimes.INVALID_DATE
                : DateTimeText.parseDate(format, text(src, o, l));
        if (days == DateTimes.INVALID_DATE && fallback) {
          days = DateTimes.stringToDate(src, o, l);
          if (days == DateTimes.INVALID_DATE) {
            byte[] cleaned = DateTimeText.withoutGmt(src, o, l);
            if (cleaned != null) days = DateTimes.stringToDate(cleaned, 0, cleaned.length);
          }
        }
        if (days == DateTimes.INVALID_DATE) {
          v.appendNull();
          status[statusBase + i] |= BAD_VALUE;
        } else {
          v.append(days);
        }
      }
    }
  }

  /** void: every value is null. */
  static final class NullConverter extends ColumnConverter {
    NullConverter(CsvOptions o) {
      super(o);
    }

    @Override
    void convert(
        byte[] buf,
        byte[] scratch,
        int[] off,
        int[] len,
        int n,
        ColumnVector out,
        byte[] status,
        int statusBase) {
      for (int i = 0; i < n; i++) out.appendNull();
    }
  }
}
