package io.sluice.connector.text;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.RecordWriter;
import io.sluice.connector.file.RecordWriterFactory;
import io.sluice.connector.file.SourceOptions;
import io.sluice.connector.file.TextCompression;
import io.sluice.exec.expr.CastToString;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the one string column of a text write, as Spark's text writer: each value's UTF-8 bytes
 * followed by {@code lineSep} (default {@code \n}); a null value writes only the separator.
 */
final class TextRecordWriter implements RecordWriter {
  private final OutputStream out;
  private final byte[] lineSeparator;
  private final EvalContext ctx;

  private TextRecordWriter(OutputStream out, byte[] lineSeparator, EvalContext ctx) {
    this.out = out;
    this.lineSeparator = lineSeparator;
    this.ctx = ctx;
  }

  /** The text writers: the data schema must be one string column. */
  static RecordWriterFactory writers(StructType dataSchema, SourceOptions o, SQLConf conf) {
    TextDataSourceProvider.checkOneStringColumn(java.util.List.of(dataSchema.fields()));
    String sep = o.getString("lineSep", "\n");
    if (sep.isEmpty()) throw o.invalid("lineSep", sep, "it must not be empty");
    byte[] lineSeparator = sep.getBytes(StandardCharsets.UTF_8);
    EvalContext ctx = EvalContext.of(conf.sessionTimeZone(), conf.ansiEnabled());
    return TextCompression.of(o)
        .wrap(
            "txt",
            new RecordWriterFactory() {
              @Override
              public RecordWriter open(OutputStream out) {
                return new TextRecordWriter(out, lineSeparator, ctx);
              }

              @Override
              public String extension() {
                return "txt";
              }
            });
  }

  @Override
  public void write(ColumnBatch batch) throws IOException {
    int n = batch.numRows();
    ColumnVector c = batch.column(0);
    BytesVector v = c instanceof BytesVector b ? b : CastToString.castToString(c, ctx);
    for (int r = 0; r < n; r++) {
      if (!v.isNullAt(r)) out.write(v.data(), v.start(r), v.length(r));
      out.write(lineSeparator);
    }
  }
}
