package io.sluice.connector.csv;

import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.LineSplitReader;
import java.io.IOException;

/**
 * Records that are lines: the lines a split owns (see {@link LineSplitReader}), skipping the blank
 * ones and, when a comment character is set, those starting with it — as Spark filters the lines of
 * a CSV file before parsing them.
 */
final class CsvLineRecords implements CsvRecords {
  private final LineSplitReader lines;
  private final CsvTokenizer tokenizer;
  private final int comment;
  private int next;
  private int start;
  private int end;

  CsvLineRecords(FileSplit split, CsvOptions options, CsvTokenizer tokenizer) throws IOException {
    this.lines = new LineSplitReader(split, options.lineSeparator);
    this.tokenizer = tokenizer;
    this.comment = options.comment;
  }

  @Override
  public boolean nextChunk() throws IOException {
    next = 0;
    return lines.nextChunk();
  }

  @Override
  public boolean nextRecord(boolean tokenize) {
    byte[] b = lines.buffer();
    while (next < lines.lineCount()) {
      int s = lines.lineStart(next);
      int e = lines.lineEnd(next);
      next++;
      if (isBlank(b, s, e) || b[s] == comment) continue;
      start = s;
      end = e;
      if (tokenize) tokenizer.tokenizeLine(b, s, e);
      return true;
    }
    return false;
  }

  /** Spark's {@code line.trim.isEmpty}: nothing but characters up to space. */
  static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if ((b[i] & 0xFF) > ' ') return false;
    }
    return true;
  }

  @Override
  public byte[] buffer() {
    return lines.buffer();
  }

  @Override
  public int recordStart() {
    return start;
  }

  @Override
  public int recordEnd() {
    return end;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
