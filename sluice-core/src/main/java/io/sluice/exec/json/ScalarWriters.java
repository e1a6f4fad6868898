package io.sluice.exec.json;

import static com.fasterxml.jackson.core.JsonToken.VALUE_FALSE;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;
import static com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.NumberText;
import io.sluice.exec.expr.DateTimes;
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
import io.sluice.types.DecimalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writers of atomic values, with Spark's JSON conversion rules for each type. */
final class ScalarWriters {
  private ScalarWriters() {}

  /** bigint: JSON integers; overflow fails. */
  static final class LongWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != VALUE_NUMBER_INT) return fail(p, t);
      try {
        ((LongVector) out).append(p.getLongValue());
        return OK;
      } catch (InputCoercionException e) {
        return FAILED;
      }
    }
  }

  /** int: JSON integers; overflow fails. */
  static final class IntWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != VALUE_NUMBER_INT) return fail(p, t);
      try {
        ((IntVector) out).append(p.getIntValue());
        return OK;
      } catch (InputCoercionException e) {
        return FAILED;
      }
    }
  }

  /** smallint: JSON integers; overflow fails. */
  static final class ShortWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != VALUE_NUMBER_INT) return fail(p, t);
      try {
        ((ShortVector) out).append(p.getShortValue());
        return OK;
      } catch (InputCoercionException e) {
        return FAILED;
      }
    }
  }

  /** tinyint: JSON integers (Jackson's byte range, -128..255, as Spark). */
  static final class ByteWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != VALUE_NUMBER_INT) return fail(p, t);
      try {
        ((ByteVector) out).append(p.getByteValue());
        return OK;
      } catch (InputCoercionException e) {
        return FAILED;
      }
    }
  }

  /** boolean: {@code true} and {@code false} only. */
  static final class BooleanWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t == VALUE_TRUE || t == VALUE_FALSE) {
        ((BooleanVector) out).append(t == VALUE_TRUE);
        return OK;
      }
      return fail(p, t);
    }
  }

  /** double: numbers, and {@code "NaN"}, {@code "Infinity"}... strings when allowed. */
  static final class DoubleWriter extends ValueWriter {
    private final boolean nonNumeric;

    DoubleWriter(boolean allowNonNumericNumbers) {
      this.nonNumeric = allowNonNumericNumbers;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      double d;
      if (t == VALUE_NUMBER_FLOAT) {
        d = NumberText.fastDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (d != d) d = p.getDoubleValue();
      } else if (t == VALUE_NUMBER_INT) {
        d = p.getDoubleValue();
      } else if (t == VALUE_STRING && nonNumeric) {
        d = Numbers.nonNumeric(p.getText());
        if (d == 0) return FAILED;
      } else {
        return fail(p, t);
      }
      ((DoubleVector) out).append(d);
      return OK;
    }
  }

  /** float: as double. */
  static final class FloatWriter extends ValueWriter {
    private final boolean nonNumeric;

    FloatWriter(boolean allowNonNumericNumbers) {
      this.nonNumeric = allowNonNumericNumbers;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      float f;
      if (t == VALUE_NUMBER_FLOAT || t == VALUE_NUMBER_INT) {
        f = p.getFloatValue();
      } else if (t == VALUE_STRING && nonNumeric) {
        double d = Numbers.nonNumeric(p.getText());
        if (d == 0) return FAILED;
        f = (float) d;
      } else {
        return fail(p, t);
      }
      ((FloatVector) out).append(f);
      return OK;
    }
  }

  /** decimal(p,s): numbers or numeric strings, rounded half-up to the scale; overflow fails. */
  static final class DecimalWriter extends ValueWriter {
    private final DecimalType type;

    DecimalWriter(DecimalType type) {
      this.type = type;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      BigDecimal v;
      try {
        if (t == VALUE_NUMBER_INT || t == VALUE_NUMBER_FLOAT) {
          v = p.getDecimalValue();
        } else if (t == VALUE_STRING && p.getTextLength() > 0) {
          v = new BigDecimal(p.getText().replace(",", ""));
        } else {
          return fail(p, t);
        }
      } catch (NumberFormatException | InputCoercionException e) {
        return FAILED;
      }
      BigDecimal r = v.setScale(type.scale(), RoundingMode.HALF_UP);
      if (r.precision() > type.precision()) return FAILED;
      ((DecimalVector) out).append(r);
      return OK;
    }
  }

  /** string: strings as they are, other values as their JSON text. */
  static final class StringWriter extends ValueWriter {
    private final ReadContext ctx;

    StringWriter(ReadContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t == VALUE_STRING) {
        ctx.appendString(p, (BytesVector) out);
      } else {
        ctx.appendJsonText(p, t, (BytesVector) out);
      }
      return OK;
    }
  }

  /** binary: base64 strings. */
  static final class BinaryWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != VALUE_STRING) return fail(p, t);
      try {
        ((BytesVector) out).appendBytes(p.getBinaryValue());
        return OK;
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return FAILED;
      }
    }
  }

  /** timestamp: strings (the format, or Spark's lenient forms) or integer epoch seconds. */
  static final class TimestampWriter extends ValueWriter {
    private final ReadContext ctx;

    private final boolean utc;

    TimestampWriter(ReadContext ctx) {
      this.ctx = ctx;
      this.utc = DateTimeText.isUtc(ctx.options.zoneId);
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      long micros;
      if (t == VALUE_STRING) {
        JsonParseOptions o = ctx.options;
        int raw = o.timestampFormat == null ? ctx.rawString(p) : -1;
        if (raw >= 0) {
          if (ctx.rawLength() == 0) return FAILED;
          micros = DateTimeText.lenientTimestamp(ctx.source(), raw, ctx.rawLength(), o.zoneId, utc);
        } else if (p.getTextLength() == 0) {
          return FAILED;
        } else if (o.timestampFormat != null) {
          micros = DateTimeText.parseTimestamp(o.timestampFormat, p.getText(), o.zoneId);
        } else {
          int n = ctx.textToScratch(p);
          micros = DateTimes.stringToTimestamp(ctx.scratch(), 0, n, o.zoneId);
        }
        if (micros == DateTimes.INVALID_TIMESTAMP) return FAILED;
      } else if (t == VALUE_NUMBER_INT) {
        try {
          micros = p.getLongValue() * 1_000_000L;
        } catch (InputCoercionException e) {
          return FAILED;
        }
      } else {
        return fail(p, t);
      }
      ((LongVector) out).append(micros);
      return OK;
    }
  }

  /** date: strings (the format, or Spark's lenient forms, or a day count). */
  static final class DateWriter extends ValueWriter {
    private final ReadContext ctx;

    DateWriter(ReadContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != VALUE_STRING || p.getTextLength() == 0) return fail(p, t);
      JsonParseOptions o = ctx.options;
      int days;
      if (o.dateFormat != null) {
        days = DateTimeText.parseDate(o.dateFormat, p.getText());
      } else {
        int n = ctx.textToScratch(p);
        days = DateTimes.stringToDate(ctx.scratch(), 0, n);
        if (days == DateTimes.INVALID_DATE) days = DateTimeText.dayCount(p.getText());
      }
      if (days == DateTimes.INVALID_DATE) return FAILED;
      ((IntVector) out).append(days);
      return OK;
    }
  }

  /** void: every value is null. */
  static final class NullWriter extends ValueWriter {
    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      p.skipChildren();
      out.appendNull();
      return OK;
    }
  }
}
