package io.sluice.connector.file;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The whole-file compression of a text format's output (JSON, CSV, text): the {@code compression}
 * option (or its alias {@code codec}), {@code none} (the default) or {@code gzip}.
 */
public enum TextCompression {
  NONE(""),
  GZIP(".gz");

  private static final int BUFFER = 1 << 16;
  private final String suffix;

  TextCompression(String suffix) {
    this.suffix = suffix;
  }

  /** The compression the options ask for; an error naming the option for an unknown codec. */
  public static TextCompression of(SourceOptions options) {
    String key = options.contains("compression") ? "compression" : "codec";
    String value = options.get(key).orElse("none");
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> NONE;
      case "gzip" -> GZIP;
      default ->
          throw options.invalid(key, value, "text files are written none (uncompressed) or gzip");
    };
  }

  /** The extension of a file of {@code format} with this compression, e.g. {@code json.gz}. */
  public String extension(String format) {
    return format + suffix;
  }

  /**
   * A factory writing {@code format} files compressed this way: each file's stream is wrapped
   * before {@code writers} sees it, and finished after the writer finishes.
   */
  public RecordWriterFactory wrap(String format, RecordWriterFactory writers) {
    if (this == NONE) return writers;
    String ext = extension(format);
    return new RecordWriterFactory() {
      @Override
      public RecordWriter open(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, BUFFER);
        RecordWriter w = writers.open(gz);
        return new RecordWriter() {
          @Override
          public void write(io.sluice.exec.vector.ColumnBatch batch) throws IOException {
            w.write(batch);
          }

          @Override
          public void finish() throws IOException {
            w.finish();
            gz.finish();
          }
        };
      }

      @Override
      public String extension() {
        return ext;
      }
    };
  }
}
