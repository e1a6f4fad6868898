package io.sluice.connector.csv;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.RecordWriter;
import io.sluice.connector.file.RecordWriterFactory;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.TextCompression;
import io.sluice.exec.expr.CastToString;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Writes rows as CSV lines, as Spark's CSV writer: a header line of the column names first with
 * {@code header}; values as their string cast (dates and timestamps in {@code dateFormat} and
 * {@code timestampFormat}), trimmed, quoted when they hold the separator, a quote or a line break
 * (every value with {@code quoteAll}), quotes inside escaped; null as {@code nullValue}, an empty
 * string as {@code emptyValue}. Each batch's values are rendered a column at a time.
 */
final class CsvRecordWriter implements RecordWriter {
  private final CsvWriteOptions o;
  private final DataType[] types;
  private final EvalContext ctx;
  private final OutputStream out;
  private final DateTimeFormatter zonedTimestamps;
  private final StringBuilder text = new StringBuilder(32);
  private byte[] buf = new byte[8192];
  private int len;

  private CsvRecordWriter(StructType schema, CsvWriteOptions o, EvalContext ctx, OutputStream out)
      throws IOException {
    this.o = o;
    this.types = new DataType[schema.length()];
    for (int i = 0; i < types.length; i++) types[i] = schema.get(i).dataType();
    this.ctx = ctx;
    this.out = out;
    this.zonedTimestamps = o.timestampFormat == null ? null : o.timestampFormat.withZone(o.zone);
    if (o.header) writeHeader(schema);
  }

  /** The CSV writers of a sink, with the write options and column types checked once. */
  static RecordWriterFactory writers(StructType dataSchema, SourceOptions options, SQLConf conf) {
    ColumnConverters.checkSupported(dataSchema);
    CsvWriteOptions o = new CsvWriteOptions(options, conf);
    EvalContext ctx = new EvalContext(o.zone, conf.ansiEnabled());
    TextCompression compression = TextCompression.of(options);
    return compression.wrap(
        "csv",
        new RecordWriterFactory() {
          @Override
          public RecordWriter open(OutputStream out) throws IOException {
            return new CsvRecordWriter(dataSchema, o, ctx, out);
          }

          @Override
          public String extension() {
            return "csv";
          }
        });
  }

  private void writeHeader(StructType schema) throws IOException {
    for (int c = 0; c < schema.length(); c++) {
      if (c > 0) put(o.delimiter, 0, o.delimiter.length);
      byte[] name = schema.get(c).name().getBytes(StandardCharsets.UTF_8);
      value(name, 0, name.length, true);
    }
    put(o.lineSeparator, 0, o.lineSeparator.length);
    flush();
  }

  @Override
  public void write(ColumnBatch batch) throws IOException {
    int n = batch.numRows();
    BytesVector[] values = new BytesVector[types.length];
    for (int c = 0; c < types.length; c++) values[c] = render(batch.column(c), types[c], n);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < values.length; c++) {
        if (c > 0) put(o.delimiter, 0, o.delimiter.length);
        BytesVector v = values[c];
        if (v.isNullAt(r)) {
          put(o.nullValue, 0, o.nullValue.length);
        } else {
          value(v.data(), v.start(r), v.start(r) + v.length(r), types[c] instanceof StringType);
        }
      }
      put(o.lineSeparator, 0, o.lineSeparator.length);
      if (len > 1 << 16) flush();
    }
    flush();
  }

  /** The text of a column's values, null where they are null. */
  private BytesVector render(ColumnVector v, DataType type, int n) {
    if (type instanceof StringType && v instanceof BytesVector b) return b;
    if (type instanceof TimestampType) return timestamps((LongVector) v, n);
    if (type instanceof DateType && o.dateFormat != null) return dates((IntVector) v, n);
    return CastToString.castToString(v, ctx);
  }

  private BytesVector timestamps(LongVector v, int n) {
    BytesVector out = new BytesVector(DataTypes.StringType, n);
    for (int r = 0; r < n; r++) {
      if (v.isNullAt(r)) {
        out.appendNull();
        continue;
      }
      long micros = v.get(r);
      if (zonedTimestamps == null) {
        text.setLength(0);
        DateTimeText.appendDefaultTimestamp(text, micros, o.zone);
        out.appendString(text.toString());
      } else {
        Instant at =
            Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        out.appendString(zonedTimestamps.format(at));
      }
    }
    return out;
  }

  private BytesVector dates(IntVector v, int n) {
    BytesVector out = new BytesVector(DataTypes.StringType, n);
    for (int r = 0; r < n; r++) {
      if (v.isNullAt(r)) {
        out.appendNull();
      } else {
        out.appendString(o.dateFormat.format(LocalDate.ofEpochDay(v.get(r))));
      }
    }
    return out;
  }

  /** One non-null value: trimmed, then written as it is, quoted, or as the empty value. */
  private void value(byte[] d, int start, int end, boolean isString) {
    if (o.trimLeading) {
      while (start < end && (d[start] & 0xFF) <= ' ') start++;
    }
    if (o.trimTrailing) {
      while (end > start && (d[end - 1] & 0xFF) <= ' ') end--;
    }
    if (start == end) {
      if (isString) put(o.emptyValue, 0, o.emptyValue.length);
      return;
    }
    if (!needsQuotes(d, start, end)) {
      put(d, start, end - start);
      return;
    }
    putByte((byte) o.quote);
    for (int i = start; i < end; i++) {
      int c = d[i];
      if (c == o.quote) {
        putByte((byte) (o.escape != CsvOptions.NONE ? o.escape : o.quote));
      } else if (c == o.escape
          && o.escape != o.quote
          && o.escapeEscape != CsvOptions.NONE
          && (i + 1 == end || d[i + 1] == o.quote)) {
        putByte((byte) o.escapeEscape);
      }
      putByte((byte) c);
    }
    putByte((byte) o.quote);
  }

  private boolean needsQuotes(byte[] d, int start, int end) {
    if (o.quote == CsvOptions.NONE) return false;
    if (o.quoteAll) return true;
    byte first = o.delimiter[0];
    for (int i = start; i < end; i++) {
      byte c = d[i];
      if (c == '\n' || c == '\r' || (c == o.quote && o.escapeQuotes)) return true;
      if (c == first && startsWith(d, i, end, o.delimiter)) return true;
    }
    return false;
  }

  private static boolean startsWith(byte[] d, int at, int end, byte[] prefix) {
    if (end - at < prefix.length) return false;
    return Arrays.equals(d, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private void put(byte[] src, int off, int n) {
    if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    System.arraycopy(src, off, buf, len, n);
    len += n;
  }

  private void putByte(byte b) {
    if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    buf[len++] = b;
  }

  private void flush() throws IOException {
    out.write(buf, 0, len);
    len = 0;
  }
}
