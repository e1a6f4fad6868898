package io.sluice.connector.file;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Opens the record writers of one data schema in a format, its write options parsed and checked
 * once (per query run or batch write); thread-safe.
 */
public interface RecordWriterFactory {
  /** A writer of a new file whose bytes go to {@code out} (buffered; the caller closes it). */
  RecordWriter open(OutputStream out) throws IOException;

  /**
   * The file name extension, without the leading dot, saying the format and its compression, e.g.
   * {@code json}, {@code csv.gz}, {@code snappy.parquet}.
   */
  String extension();
}
