package io.sluice.exec.operator;

import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import java.util.function.UnaryOperator;

/**
 * The batches of an input iterator, each transformed by a function; a {@code null} result drops the
 * batch. Closing closes the input.
 */
final class MappedIterator implements BatchIterator {
  private final BatchIterator input;
  private final UnaryOperator<ColumnBatch> f;

  MappedIterator(BatchIterator input, UnaryOperator<ColumnBatch> f) {
    this.input = input;
    this.f = f;
  }

  @Override
  public ColumnBatch next() {
    for (ColumnBatch b = input.next(); b != null; b = input.next()) {
      ColumnBatch out = f.apply(b);
      if (out != null) return out;
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }
}
