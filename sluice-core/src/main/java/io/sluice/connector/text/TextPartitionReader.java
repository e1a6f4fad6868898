package io.sluice.connector.text;

import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.ReadColumns;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.InputFileBlock;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * Reads one partition of text files: each line a split owns becomes a row (its bytes copied
 * straight into the string vector), or with {@code wholetext} each file one row. Reading no data
 * column (say {@code count()}) only counts lines.
 */
final class TextPartitionReader implements BatchIterator {
  private final TextOptions options;
  private final FileIndex files;
  private final FilePartition partition;
  private final StructType readSchema;
  private final int batchSize;
  private final ReadColumns external;

  /** Read-schema ordinal of the value column, or -1 when it is not read. */
  private final int valueOrdinal;

  private int nextSplit;
  private FileSplit split;
  private InputFileBlock block;
  private LineSplitReader lines;
  private int line;
  private Object[] partitionValues;
  private boolean finished;
  private int lastBytes;

  TextPartitionReader(
      TextOptions options,
      FileIndex files,
      FilePartition partition,
      StructType readSchema,
      int batchSize) {
    this.options = options;
    this.files = files;
    this.partition = partition;
    this.readSchema = readSchema;
    this.batchSize = Math.max(1, batchSize);
    this.external = ReadColumns.of(readSchema, files.partitionSchema(), null);
    int v = -1;
    for (int i = 0; i < readSchema.length(); i++) {
      if (!external.isExternal(i)) v = i;
    }
    this.valueOrdinal = v;
  }

  @Override
  public ColumnBatch next() {
    if (finished) return null;
    ColumnVector[] columns = new ColumnVector[readSchema.length()];
    int capacity = partition.rowCapacity(split, nextSplit, batchSize);
    for (int i = 0; i < columns.length; i++) {
      columns[i] =
          i == valueOrdinal && lastBytes > 0
              ? new BytesVector(
                  readSchema.get(i).dataType(),
                  new byte[lastBytes + (lastBytes >> 3)],
                  new int[capacity + 1],
                  null,
                  0)
              : ColumnVector.allocate(readSchema.get(i).dataType(), capacity);
    }
    BytesVector values = valueOrdinal < 0 ? null : (BytesVector) columns[valueOrdinal];
    int rows = 0;
    try {
      while (rows < batchSize) {
        if (split == null && rows > 0) break; // a batch holds the rows of one split
        if (split == null && !openNextSplit()) {
          finished = true;
          break;
        }
        int n = options.wholeText ? readWholeFile(values) : readLines(values, batchSize - rows);
        external.appendPartitionValues(columns, partitionValues, n);
        rows += n;
      }
    } catch (IOException e) {
      throw FileListing.readError(split.file().path(), e);
    }
    if (values != null) lastBytes = values.offsets()[values.size()];
    if (rows == 0) {
      close();
      return null;
    }
    return new ColumnBatch(columns, rows);
  }

  /** Opens the next split that has data; false when there is none. */
  private boolean openNextSplit() throws IOException {
    while (nextSplit < partition.splits().size()) {
      split = partition.splits().get(nextSplit++);
      block = split.inputFileBlock();
      partitionValues = files.valuesOf(split.file());
      if (options.wholeText) return true;
      lines = new LineSplitReader(split, options.lineSeparator);
      line = 0;
      if (lines.nextChunk()) return true;
      closeSplit();
    }
    return false;
  }

  /** Appends up to {@code max} lines of the split; closes it at its end. */
  private int readLines(BytesVector values, int max) throws IOException {
    int n = 0;
    while (n < max) {
      if (line >= lines.lineCount()) {
        line = 0;
        if (!lines.nextChunk()) {
          closeSplit();
          break;
        }
      }
      int take = Math.min(max - n, lines.lineCount() - line);
      if (values != null) {
        byte[] b = lines.buffer();
        for (int i = line; i < line + take; i++) {
          values.appendBytes(b, lines.lineStart(i), lines.lineEnd(i) - lines.lineStart(i));
        }
      }
      line += take;
      n += take;
    }
    return n;
  }

  private int readWholeFile(BytesVector values) throws IOException {
    if (values != null) {
      try (InputStream in =
          LineSplitReader.isCompressed(split.file())
              ? new GZIPInputStream(Files.newInputStream(split.file().path()))
              : Files.newInputStream(split.file().path())) {
        values.appendBytes(in.readAllBytes());
      }
    }
    split = null;
    return 1;
  }

  private void closeSplit() throws IOException {
    if (lines != null) {
      lines.close();
      lines = null;
    }
    split = null;
  }

  @Override
  public InputFileBlock inputFileBlock() {
    return block;
  }

  @Override
  public void close() {
    finished = true;
    try {
      closeSplit();
    } catch (IOException ignored) {
      // closing a read-only file
    }
  }
}
