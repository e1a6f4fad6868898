package io.sluice.connector.file;

import io.sluice.exec.vector.ColumnBatch;
import java.io.IOException;

/** Writes the rows of one output file in a format; one per file, used by one thread. */
public interface RecordWriter {
  /** Writes every row of {@code batch}: the data columns, in the data schema's order. */
  void write(ColumnBatch batch) throws IOException;

  /**
   * The bytes the writer holds in memory for the file and has not written to its stream yet (a
   * Parquet row group being built); the byte target {@code maxBytesPerFile} counts them with the
   * bytes written. 0 for writers that stream their rows straight out.
   */
  default long pendingBytes() {
    return 0;
  }

  /**
   * Writes out what the writer still buffers (a footer, a compressed stream's trailer); the caller
   * then flushes and closes the file's stream.
   */
  default void finish() throws IOException {}
}
