package io.sluice.connector.csv;

import java.io.IOException;

/**
 * The records of one file split, a chunk at a time: the records of a chunk share one buffer, valid
 * until the next {@link #nextChunk()}. Blank lines and comment lines are not records.
 *
 * <p>Usage: {@code while (nextChunk()) while (nextRecord(...)) use buffer()[recordStart(),
 * recordEnd()) and the tokenizer's values}.
 */
interface CsvRecords extends AutoCloseable {
  /** Loads the next chunk; false at the split's end. */
  boolean nextChunk() throws IOException;

  /**
   * Moves to the chunk's next record and, when {@code tokenize} (or when the format needs it to
   * find the record's end), splits it into values in the tokenizer; false at the chunk's end.
   */
  boolean nextRecord(boolean tokenize);

  byte[] buffer();

  /** Start of the current record's text in {@link #buffer()}. */
  int recordStart();

  /** End of the current record's text (before its line terminator). */
  int recordEnd();

  @Override
  void close() throws IOException;
}
