package io.sluice.internal;

import io.sluice.Row;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where external {@link Row}s and column batches meet: {@link #toBatches} for {@code
 * createDataFrame}, {@link #toRows} for {@code collect}. Conversion functions are chosen once per
 * column from its type, not per value.
 */
public final class RowConverter {
  private final StructType schema;
  private final ExternalWriters.Writer[] writers;
  private final ExternalReaders.Reader[] readers;

  private RowConverter(StructType schema, boolean ansi, boolean java8, boolean forWriting) {
    this.schema = schema;
    int n = schema.length();
    if (forWriting) {
      writers = new ExternalWriters.Writer[n];
      readers = null;
      for (int i = 0; i < n; i++) {
        writers[i] =
            ExternalWriters.forType(
                schema.get(i).dataType(),
                schema.get(i).nullable(),
                ExternalWriters.quote(schema.get(i).name()),
                ansi);
      }
    } else {
      readers = new ExternalReaders.Reader[n];
      writers = null;
      for (int i = 0; i < n; i++) {
        readers[i] = ExternalReaders.forType(schema.get(i).dataType(), java8);
      }
    }
  }

  /** A converter from external rows of {@code schema} to vectors. */
  public static RowConverter toInternal(StructType schema, boolean ansi) {
    return new RowConverter(schema, ansi, false, true);
  }

  /** A converter from vectors to external rows of {@code schema}. */
  public static RowConverter toExternal(StructType schema, boolean java8) {
    return new RowConverter(schema, false, java8, false);
  }

  /**
   * Converts rows to batches of at most {@code batchSize} rows, checking every value's type against
   * the schema.
   */
  public List<ColumnBatch> toBatches(List<Row> rows, int batchSize) {
    List<ColumnBatch> out = new ArrayList<>();
    int n = schema.length();
    for (int start = 0; start < rows.size(); start += batchSize) {
      int count = Math.min(batchSize, rows.size() - start);
      ColumnVector[] cols = new ColumnVector[n];
      for (int c = 0; c < n; c++) cols[c] = ColumnVector.allocate(schema.get(c).dataType(), count);
      for (int r = 0; r < count; r++) {
        Row row = rows.get(start + r);
        if (row == null || row.size() != n) {
          throw new SluiceIllegalArgumentException(
              ErrorClass.ROW_LENGTH_MISMATCH,
              SluiceException.params(
                  "rowIndex",
                  String.valueOf(start + r),
                  "actual",
                  row == null ? "no" : String.valueOf(row.size()),
                  "schema",
                  "\"" + schema.sql() + "\"",
                  "expected",
                  String.valueOf(n)));
        }
        for (int c = 0; c < n; c++) writers[c].write(cols[c], row.get(c));
      }
      out.add(new ColumnBatch(cols, count));
    }
    return out;
  }

  /** Converts every row of {@code batches} (columns as in the schema) to external rows. */
  public List<Row> toRows(List<ColumnBatch> batches) {
    int total = 0;
    for (ColumnBatch b : batches) total += b.numRows();
    List<Row> out = new ArrayList<>(total);
    for (ColumnBatch b : batches) appendRows(b, out);
    return out;
  }

  /** Appends the rows of one batch to {@code out}. */
  public void appendRows(ColumnBatch batch, List<Row> out) {
    int n = readers.length;
    ColumnVector[] cols = batch.columns();
    for (int r = 0; r < batch.numRows(); r++) {
      Object[] values = new Object[n];
      for (int c = 0; c < n; c++) values[c] = readers[c].read(cols[c], r);
      out.add(new Row(values, schema));
    }
  }
}
