package io.sluice.connector.json;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.RecordWriter;
import io.sluice.connector.file.RecordWriterFactory;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.TextCompression;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.json.JsonFormatter;
import io.sluice.exec.json.JsonWriteOptions;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows as JSON lines, each row an object as {@code to_json} writes it (Spark's JSON writer:
 * null fields left out unless {@code ignoreNullFields} is false, timestamps in {@code
 * timestampFormat}, {@code lineSep} after each record).
 */
final class JsonRecordWriter implements RecordWriter {
  private final JsonFormatter formatter;
  private final StructType schema;
  private final OutputStream out;
  private final byte[] lineSeparator;

  private JsonRecordWriter(
      JsonFormatter formatter, StructType schema, OutputStream out, byte[] lineSeparator) {
    this.formatter = formatter;
    this.schema = schema;
    this.out = out;
    this.lineSeparator = lineSeparator;
  }

  /** The JSON writers of a sink, with the write options checked once. */
  static RecordWriterFactory writers(StructType dataSchema, SourceOptions o, SQLConf conf) {
    JsonWriteOptions options = new JsonWriteOptions(o, conf.sessionTimeZone(), true);
    String enc = o.get("encoding").or(() -> o.get("charset")).orElse(null);
    if (enc != null && !isUtf8(enc)) {
      throw o.invalid(
          o.contains("encoding") ? "encoding" : "charset", enc, "the JSON sink writes UTF-8 only");
    }
    String sep = o.getString("lineSep", "\n");
    if (sep.isEmpty()) throw o.invalid("lineSep", sep, "it must not be empty");
    byte[] lineSeparator = sep.getBytes(StandardCharsets.UTF_8);
    EvalContext ctx = EvalContext.of(conf.sessionTimeZone(), conf.ansiEnabled());
    TextCompression compression = TextCompression.of(o);
    return compression.wrap(
        "json",
        new RecordWriterFactory() {
          @Override
          public RecordWriter open(OutputStream out) {
            return new JsonRecordWriter(
                new JsonFormatter(dataSchema, options, ctx), dataSchema, out, lineSeparator);
          }

          @Override
          public String extension() {
            return "json";
          }
        });
  }

  private static boolean isUtf8(String name) {
    try {
      return Charset.forName(name.trim()).equals(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void write(ColumnBatch batch) throws IOException {
    int n = batch.numRows();
    formatter.writeLines(new StructVector(schema, batch.columns(), null, n), n, out, lineSeparator);
  }
}
