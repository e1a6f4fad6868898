package io.sluice.exec.vector;

/**
 * A pull-based stream of column batches, produced by scans and operators. {@link #next()} returns
 * {@code null} at the end. Close releases files and memory; it is safe to call twice.
 */
public interface BatchIterator extends AutoCloseable {
  /** The next batch, or {@code null} when there are no more. */
  ColumnBatch next();

  @Override
  default void close() {}

  /**
   * The file block the batch last returned by {@link #next()} was read from, for scans of files;
   * {@code null} for other inputs. A scan that answers never returns a batch that spans two blocks.
   */
  default InputFileBlock inputFileBlock() {
    return null;
  }

  /** An iterator over a fixed list of batches. */
  static BatchIterator of(java.util.List<ColumnBatch> batches) {
    java.util.Iterator<ColumnBatch> it = batches.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }

  /** An iterator with no batches. */
  static BatchIterator empty() {
    return () -> null;
  }
}
