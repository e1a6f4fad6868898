package io.sluice.parquet;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/**
 * Decodes one leaf column of a row group into a column vector, a batch of records at a time: values
 * go straight from parquet-java's column reader into the vector's primitive arrays (no boxing),
 * and, for nested columns, the repetition and definition levels are kept for the nodes above
 * ({@link ReadNode}).
 */
final class LeafColumn {
  /** How a file's physical values become the read type's values. */
  enum Conv {
    BOOLEAN,
    BYTE,
    SHORT,
    INT,
    INT_TO_LONG,
    UINT32_TO_LONG,
    LONG,
    MILLIS_TO_MICROS,
    NANOS_TO_MICROS,
    INT96_TO_MICROS,
    FLOAT,
    FLOAT_TO_DOUBLE,
    INT_TO_DOUBLE,
    DOUBLE,
    BYTES,
    DECIMAL_INT,
    DECIMAL_LONG,
    DECIMAL_BYTES,
    DECIMAL_UINT64
  }

  private static final long JULIAN_DAY_OF_EPOCH = 2440588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  final ColumnDescriptor descriptor;
  final DataType type;
  final Conv conv;
  final int maxDef;
  final int slotRep;
  final int slotDef;

  /** Whether levels are kept (a nested leaf, or one whose ancestors need them). */
  private final boolean keepLevels;

  private ColumnReader reader;
  private long remaining;
  private ColumnVector vector;
  private int capacityHint = 16;

  int[] reps = new int[0];
  int[] defs = new int[0];
  int entries;

  LeafColumn(
      ColumnDescriptor descriptor,
      DataType type,
      Conv conv,
      int slotRep,
      int slotDef,
      boolean keepLevels) {
    this.descriptor = descriptor;
    this.type = type;
    this.conv = conv;
    this.maxDef = descriptor.getMaxDefinitionLevel();
    this.slotRep = slotRep;
    this.slotDef = slotDef;
    this.keepLevels = keepLevels;
  }

  /** Starts reading a row group's chunk of this column. */
  @SuppressWarnings("deprecation") // the value count has no replacement in the column API
  void start(ColumnReader reader) {
    this.reader = reader;
    this.remaining = reader.getTotalValueCount();
  }

  ColumnVector vector() {
    return vector;
  }

  /** True for a column outside any repeated field: one value (or null) per record. */
  boolean isFlat() {
    return descriptor.getMaxRepetitionLevel() == 0;
  }

  /** Reads the levels and values of the next {@code records} records. */
  void read(int records) {
    int cap = descriptor.getMaxRepetitionLevel() == 0 ? records : Math.max(capacityHint, records);
    vector = ColumnVector.allocate(type, cap);
    if (keepLevels && reps.length < cap) {
      reps = new int[cap];
      defs = new int[cap];
    }
    ColumnReader cr = reader;
    int n = 0;
    int seen = 0;
    // a flat column holds one entry per record: read exactly that many, never peeking past the
    // last (a page-filtered reader cannot tell how many values it still holds)
    boolean flat = isFlat();
    while (flat ? seen < records : remaining > 0) {
      int r = flat ? 0 : cr.getCurrentRepetitionLevel();
      if (r == 0) {
        if (seen == records) break;
        seen++;
      }
      int d = cr.getCurrentDefinitionLevel();
      if (keepLevels) {
        if (n == reps.length) {
          reps = Arrays.copyOf(reps, n * 2 + 16);
          defs = Arrays.copyOf(defs, n * 2 + 16);
        }
        reps[n] = r;
        defs[n] = d;
      }
      n++;
      if (r <= slotRep && d >= slotDef) {
        if (d >= maxDef) {
          appendValue(cr);
        } else {
          vector.appendNull();
        }
      }
      cr.consume();
      remaining--;
    }
    entries = n;
    capacityHint = Math.max(16, n);
  }

  private void appendValue(ColumnReader cr) {
    ColumnVector v = vector;
    switch (conv) {
      case BOOLEAN -> ((BooleanVector) v).append(cr.getBoolean());
      case BYTE -> ((ByteVector) v).append((byte) cr.getInteger());
      case SHORT -> ((ShortVector) v).append((short) cr.getInteger());
      case INT -> ((IntVector) v).append(cr.getInteger());
      case INT_TO_LONG -> ((LongVector) v).append(cr.getInteger());
      case UINT32_TO_LONG -> ((LongVector) v).append(Integer.toUnsignedLong(cr.getInteger()));
      case LONG -> ((LongVector) v).append(cr.getLong());
      case MILLIS_TO_MICROS -> ((LongVector) v).append(Math.multiplyExact(cr.getLong(), 1000L));
      case NANOS_TO_MICROS -> ((LongVector) v).append(Math.floorDiv(cr.getLong(), 1000L));
      case INT96_TO_MICROS -> ((LongVector) v).append(int96(cr.getBinary()));
      case FLOAT -> ((FloatVector) v).append(cr.getFloat());
      case FLOAT_TO_DOUBLE -> ((DoubleVector) v).append(cr.getFloat());
      case INT_TO_DOUBLE -> ((DoubleVector) v).append(cr.getInteger());
      case DOUBLE -> ((DoubleVector) v).append(cr.getDouble());
      case BYTES -> appendBytes((BytesVector) v, cr.getBinary());
      case DECIMAL_INT -> appendUnscaled((DecimalVector) v, cr.getInteger());
      case DECIMAL_LONG -> appendUnscaled((DecimalVector) v, cr.getLong());
      case DECIMAL_BYTES -> appendDecimalBytes((DecimalVector) v, cr.getBinary());
      case DECIMAL_UINT64 -> {
        DecimalVector dv = (DecimalVector) v;
        int row = dv.size();
        dv.setSize(row + 1);
        dv.setDecimal(row, new BigDecimal(new BigInteger(Long.toUnsignedString(cr.getLong()))));
      }
    }
  }

  private void appendBytes(BytesVector v, Binary b) {
    bytesSink.target = v;
    try {
      b.writeTo(bytesSink); // straight from the page's (or dictionary's) array, no copy
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (!bytesSink.wrote) v.appendBytes(EMPTY, 0, 0);
    bytesSink.wrote = false;
  }

  private static final byte[] EMPTY = new byte[0];

  /** Appends the bytes a binary writes to it as one value of a bytes vector. */
  private static final class BytesSink extends java.io.OutputStream {
    BytesVector target;
    boolean wrote;

    @Override
    public void write(byte[] b, int off, int len) {
      if (wrote) throw new IllegalStateException("a binary wrote in two parts");
      target.appendBytes(b, off, len);
      wrote = true;
    }

    @Override
    public void write(int b) {
      throw new UnsupportedOperationException();
    }
  }

  private final BytesSink bytesSink = new BytesSink();

  private static void appendUnscaled(DecimalVector v, long unscaled) {
    int row = v.size();
    v.setSize(row + 1);
    v.setUnscaled(row, unscaled);
  }

  private static void appendDecimalBytes(DecimalVector v, Binary b) {
    int row = v.size();
    v.setSize(row + 1);
    if (v.isCompact() && b.length() <= 8) {
      ByteBuffer bb = b.toByteBuffer();
      long x = 0;
      int len = bb.remaining();
      for (int i = 0; i < len; i++) x = (x << 8) | (bb.get(bb.position() + i) & 0xFF);
      if (len > 0 && len < 8) x = (x << (64 - 8 * len)) >> (64 - 8 * len); // sign-extend
      v.setUnscaled(row, x);
    } else {
      v.setDecimal(row, new BigDecimal(new BigInteger(b.getBytes()), v.decimalType().scale()));
    }
  }

  /** An INT96 timestamp (nanoseconds of the day, then the Julian day, little-endian). */
  private static long int96(Binary b) {
    ByteBuffer bb = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanos = bb.getLong(bb.position());
    long julianDay = bb.getInt(bb.position() + 8);
    return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanos / 1000;
  }
}
