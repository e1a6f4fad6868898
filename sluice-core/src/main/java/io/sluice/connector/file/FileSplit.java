package io.sluice.connector.file;

import io.sluice.exec.vector.InputFileBlock;

/**
 * A byte range {@code [start, start + length)} of one file, read by one task. For line-based
 * formats a split owns the lines that start inside it.
 */
public record FileSplit(SourceFile file, long start, long length) {
  public long end() {
    return start + length;
  }

  /**
   * The split as {@code input_file_name()} and its kind report it: the file's URI as Spark gives it
   * ({@code file:///data/a%20b.json}, absolute, percent-encoded) and the byte range.
   */
  public InputFileBlock inputFileBlock() {
    return new InputFileBlock(file.path().toAbsolutePath().toUri().toString(), start, length);
  }

  /** True when the split covers the whole file. */
  public boolean isWholeFile() {
    return start == 0 && length == file.length();
  }
}
