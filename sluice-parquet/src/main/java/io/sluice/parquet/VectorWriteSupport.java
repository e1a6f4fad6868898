package io.sluice.parquet;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.math.BigInteger;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of column batches through parquet-java's record consumer: one writer per column,
 * built once per file from the data schema, reading the vectors' primitive arrays (no boxing). The
 * record handed to {@link #write} is a reusable cursor on one row of a batch.
 */
final class VectorWriteSupport extends WriteSupport<VectorWriteSupport.Row> {
  /** A row of a batch: the record type of the writer, reused for every row. */
  static final class Row {
    ColumnBatch batch;
    int row;
  }

  @FunctionalInterface
  private interface ValueWriter {
    /** Writes the non-null value at {@code row} of {@code v}. */
    void write(RecordConsumer rc, ColumnVector v, int row);
  }

  private final MessageType message;
  private final String[] names;
  private final ValueWriter[] writers;
  private RecordConsumer consumer;

  VectorWriteSupport(StructType schema, MessageType message) {
    this.message = message;
    this.names = schema.fieldNames();
    this.writers = new ValueWriter[names.length];
    for (int i = 0; i < names.length; i++) writers[i] = writer(schema.get(i).dataType());
  }

  @Override
  @SuppressWarnings("deprecation") // abstract in WriteSupport: must be implemented
  public WriteContext init(Configuration configuration) {
    return new WriteContext(message, new HashMap<>());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Row record) {
    RecordConsumer rc = consumer;
    ColumnVector[] columns = record.batch.columns();
    int row = record.row;
    rc.startMessage();
    for (int i = 0; i < writers.length; i++) {
      ColumnVector v = columns[i];
      if (v.isNullAt(row)) continue;
      rc.startField(names[i], i);
      writers[i].write(rc, v, row);
      rc.endField(names[i], i);
    }
    rc.endMessage();
  }

  private static ValueWriter writer(DataType t) {
    if (t instanceof BooleanType) {
      return (rc, v, r) -> rc.addBoolean(((BooleanVector) v).get(r));
    }
    if (t instanceof ByteType) return (rc, v, r) -> rc.addInteger(((ByteVector) v).get(r));
    if (t instanceof ShortType) return (rc, v, r) -> rc.addInteger(((ShortVector) v).get(r));
    if (t instanceof IntegerType || t instanceof DateType) {
      return (rc, v, r) -> rc.addInteger(((IntVector) v).get(r));
    }
    if (t instanceof LongType || t instanceof TimestampType) {
      return (rc, v, r) -> rc.addLong(((LongVector) v).get(r));
    }
    if (t instanceof FloatType) return (rc, v, r) -> rc.addFloat(((FloatVector) v).get(r));
    if (t instanceof DoubleType) return (rc, v, r) -> rc.addDouble(((DoubleVector) v).get(r));
    if (t instanceof StringType || t instanceof BinaryType) {
      return (rc, v, r) -> {
        BytesVector b = (BytesVector) v;
        rc.addBinary(Binary.fromReusedByteArray(b.data(), b.start(r), b.length(r)));
      };
    }
    if (t instanceof DecimalType d) return decimal(d);
    if (t instanceof StructType s) return struct(s);
    if (t instanceof ArrayType a) return array(a);
    if (t instanceof MapType m) return map(m);
    throw new IllegalArgumentException("no Parquet writer for " + t.sql());
  }

  private static ValueWriter decimal(DecimalType d) {
    if (d.precision() <= 9) {
      return (rc, v, r) -> rc.addInteger((int) unscaled((DecimalVector) v, r));
    }
    if (d.precision() <= 18) return (rc, v, r) -> rc.addLong(unscaled((DecimalVector) v, r));
    int width = ParquetSchemas.decimalBytes(d.precision());
    return (rc, v, r) -> {
      DecimalVector dv = (DecimalVector) v;
      BigInteger u =
          dv.isCompact()
              ? BigInteger.valueOf(dv.unscaled()[r])
              : dv.bigValues()[r].setScale(d.scale()).unscaledValue();
      byte[] raw = u.toByteArray();
      byte[] out = new byte[width];
      byte pad = (byte) (u.signum() < 0 ? 0xFF : 0);
      int lead = width - raw.length;
      for (int i = 0; i < lead; i++) out[i] = pad;
      System.arraycopy(raw, 0, out, lead, raw.length);
      rc.addBinary(Binary.fromConstantByteArray(out));
    };
  }

  private static long unscaled(DecimalVector v, int row) {
    return v.isCompact()
        ? v.unscaled()[row]
        : v.bigValues()[row].setScale(v.decimalType().scale()).unscaledValue().longValueExact();
  }

  private static ValueWriter struct(StructType s) {
    String[] names = s.fieldNames();
    ValueWriter[] children = new ValueWriter[names.length];
    for (int i = 0; i < names.length; i++) children[i] = writer(s.get(i).dataType());
    return (rc, v, r) -> {
      StructVector sv = (StructVector) v;
      rc.startGroup();
      for (int i = 0; i < children.length; i++) {
        ColumnVector c = sv.child(i);
        if (c.isNullAt(r)) continue;
        rc.startField(names[i], i);
        children[i].write(rc, c, r);
        rc.endField(names[i], i);
      }
      rc.endGroup();
    };
  }

  private static ValueWriter array(ArrayType a) {
    ValueWriter element = writer(a.elementType());
    return (rc, v, r) -> {
      ArrayVector av = (ArrayVector) v;
      ColumnVector elements = av.elements();
      int start = av.start(r);
      int n = av.length(r);
      rc.startGroup();
      if (n > 0) {
        rc.startField("list", 0);
        for (int j = start; j < start + n; j++) {
          rc.startGroup();
          if (!elements.isNullAt(j)) {
            rc.startField("element", 0);
            element.write(rc, elements, j);
            rc.endField("element", 0);
          }
          rc.endGroup();
        }
        rc.endField("list", 0);
      }
      rc.endGroup();
    };
  }

  private static ValueWriter map(MapType m) {
    ValueWriter key = writer(m.keyType());
    ValueWriter value = writer(m.valueType());
    return (rc, v, r) -> {
      MapVector mv = (MapVector) v;
      ColumnVector keys = mv.keys();
      ColumnVector values = mv.values();
      int start = mv.start(r);
      int n = mv.length(r);
      rc.startGroup();
      if (n > 0) {
        rc.startField("key_value", 0);
        for (int j = start; j < start + n; j++) {
          rc.startGroup();
          rc.startField("key", 0);
          key.write(rc, keys, j);
          rc.endField("key", 0);
          if (!values.isNullAt(j)) {
            rc.startField("value", 1);
            value.write(rc, values, j);
            rc.endField("value", 1);
          }
          rc.endGroup();
        }
        rc.endField("key_value", 0);
      }
      rc.endGroup();
    };
  }
}
