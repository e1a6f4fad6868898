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
