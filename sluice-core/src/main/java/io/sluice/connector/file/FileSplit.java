package io.sluice.connector.file;

/**
 * A byte range {@code [start, start + length)} of one file, read by one task. For line-based
 * formats a split owns the lines that start inside it.
 */
public record FileSplit(SourceFile file, long start, long length) {
  public long end() {
    return start + length;
  }

  /** True when the split covers the whole file. */
  public boolean isWholeFile() {
    return start == 0 && length == file.length();
  }
}
