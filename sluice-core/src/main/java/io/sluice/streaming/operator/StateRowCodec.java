package io.sluice.streaming.operator;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapValue;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.CalendarInterval;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes rows of a fixed list of column types as byte arrays for the state store, and decodes them
 * back into column vectors. Per column: a null byte, then the value — 8 bytes for long-like and
 * double columns, 4 for int-like and float, 1 for boolean, length and bytes for strings and binary,
 * a type-directed encoding for decimals, structs, arrays, maps and intervals. Column types are
 * recorded in the checkpoint (the state schema), never in the rows.
 */
final class StateRowCodec {
  private final DataType[] types;
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  /** Scratch for the row being encoded. */
  private byte[] out = new byte[256];

  /** Scratch for values of rare types, written through their row objects. */
  private ByteBuffer buf = ByteBuffer.allocate(256);

  /** Columns that are structs of long fields (window columns), coded without row objects. */
  private final boolean[] longStructs;

  StateRowCodec(List<DataType> types) {
    this.types = types.toArray(new DataType[0]);
    this.longStructs = new boolean[this.types.length];
    for (int c = 0; c < this.types.length; c++) {
      longStructs[c] = this.types[c] instanceof StructType st && longFields(st);
    }
  }

  /** Row {@code row} of {@code columns} as bytes. */
  byte[] encode(ColumnVector[] columns, int row) {
    return encode(columns, row, 0);
  }

  /** Row {@code row} of {@code columns} as bytes followed by {@code extra} zero bytes. */
  byte[] encode(ColumnVector[] columns, int row, int extra) {
    byte[] a = out;
    int p = 0;
    for (int c = 0; c < types.length; c++) {
      ColumnVector v = columns[c];
      if (a.length - p < 16) a = grow(a, p, 16);
      if (v.isNullAt(row)) {
        a[p++] = 1;
        continue;
      }
      a[p++] = 0;
      if (v instanceof LongVector l) {
        LONG.set(a, p, l.get(row));
        p += 8;
      } else if (v instanceof BytesVector s) {
        int len = s.length(row);
        if (a.length - p < 4 + len) a = grow(a, p, 4 + len);
        INT.set(a, p, len);
        System.arraycopy(s.data(), s.start(row), a, p + 4, len);
        p += 4 + len;
      } else if (v instanceof IntVector i) {
        INT.set(a, p, i.values()[row]);
        p += 4;
      } else if (v instanceof DoubleVector d) {
        LONG.set(a, p, Double.doubleToRawLongBits(d.values()[row]));
        p += 8;
      } else if (v instanceof BooleanVector b) {
        a[p++] = (byte) (b.values()[row] ? 1 : 0);
      } else if (longStructs[c] && v instanceof StructVector sv) {
        ColumnVector[] fields = sv.children();
        if (a.length - p < 9 * fields.length) a = grow(a, p, 9 * fields.length);
        for (ColumnVector f : fields) {
          if (f.isNullAt(row)) {
            a[p++] = 1;
          } else {
            a[p] = 0;
            LONG.set(a, p + 1, ((LongVector) f).get(row));
            p += 9;
          }
        }
      } else {
        buf.clear();
        writeValue(types[c], v.getObject(row));
        int len = buf.position();
        if (a.length - p < len) a = grow(a, p, len);
        System.arraycopy(buf.array(), 0, a, p, len);
        p += len;
      }
    }
    out = a;
    return Arrays.copyOf(a, p + extra);
  }

  private byte[] grow(byte[] a, int used, int need) {
    return Arrays.copyOf(a, Math.max(a.length * 2, used + need + 16));
  }

  /** Appends the decoded values of {@code row} to {@code columns}. */
  void decodeInto(byte[] row, ColumnVector[] columns) {
    ByteBuffer in = ByteBuffer.wrap(row);
    for (int c = 0; c < types.length; c++) {
      ColumnVector v = columns[c];
      if (in.get() == 1) {
        v.appendNull();
        continue;
      }
      if (v instanceof LongVector l) {
        l.append(in.getLong());
      } else if (v instanceof IntVector i) {
        i.append(in.getInt());
      } else if (v instanceof DoubleVector d) {
        d.append(in.getDouble());
      } else if (v instanceof BooleanVector b) {
        b.append(in.get() == 1);
      } else if (v instanceof BytesVector s) {
        int len = in.getInt();
        s.appendBytes(row, in.position(), len);
        in.position(in.position() + len);
      } else if (longStructs[c] && v instanceof StructVector sv) {
        readLongStruct(sv, in);
      } else {
        v.append(readValue(types[c], in));
      }
    }
  }

  /**
   * True when every field of {@code s} is stored as a long (timestamps, longs, day-time intervals):
   * a window column. Such structs are written and read field by field, with the bytes {@link
   * #writeValue} would give, without a row object.
   */
  private static boolean longFields(StructType s) {
    for (var f : s.fields()) {
      DataType t = f.dataType();
      if (!(t instanceof LongType
          || t instanceof TimestampType
          || t instanceof DayTimeIntervalType)) {
        return false;
      }
    }
    return true;
  }

  private static void readLongStruct(StructVector sv, ByteBuffer in) {
    for (ColumnVector f : sv.children()) {
      if (in.get() == 1) {
        f.appendNull();
      } else {
        ((LongVector) f).append(in.getLong());
      }
    }
    sv.appendRowOfChildren(false);
  }

  /** Empty vectors of the codec's types, ready for {@link #decodeInto}. */
  ColumnVector[] newColumns(int capacity) {
    ColumnVector[] out = new ColumnVector[types.length];
    for (int c = 0; c < types.length; c++) out[c] = ColumnVector.allocate(types[c], capacity);
    return out;
  }

  private void ensure(int n) {
    if (buf.remaining() >= n) return;
    ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
    buf.flip();
    bigger.put(buf);
    buf = bigger;
  }

  private void writeValue(DataType t, Object v) {
    if (v == null) {
      ensure(1);
      buf.put((byte) 1);
      return;
    }
    ensure(1);
    buf.put((byte) 0);
    if (t instanceof StringType || t instanceof BinaryType) {
      byte[] b = v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) v;
      ensure(4 + b.length);
      buf.putInt(b.length);
      buf.put(b);
    } else if (t instanceof BooleanType) {
      ensure(1);
      buf.put((byte) ((Boolean) v ? 1 : 0));
    } else if (t instanceof ByteType || t instanceof ShortType) {
      ensure(4);
      buf.putInt(((Number) v).intValue());
    } else if (t instanceof FloatType) {
      ensure(4);
      buf.putFloat((Float) v);
    } else if (t instanceof DoubleType) {
      ensure(8);
      buf.putDouble((Double) v);
    } else if (t instanceof DecimalType) {
      BigDecimal d = v instanceof BigDecimal bd ? bd : BigDecimal.valueOf(((Number) v).longValue());
      byte[] u = d.unscaledValue().toByteArray();
      ensure(8 + u.length);
      buf.putInt(d.scale());
      buf.putInt(u.length);
      buf.put(u);
    } else if (t instanceof CalendarIntervalType) {
      CalendarInterval c = (CalendarInterval) v;
      ensure(16);
      buf.putInt(c.months());
      buf.putInt(c.days());
      buf.putLong(c.microseconds());
    } else if (t instanceof StructType s) {
      Object[] fields = (Object[]) v;
      for (int i = 0; i < s.length(); i++) writeValue(s.fields()[i].dataType(), fields[i]);
    } else if (t instanceof ArrayType a) {
      Object[] elements = (Object[]) v;
      ensure(4);
      buf.putInt(elements.length);
      for (Object e : elements) writeValue(a.elementType(), e);
    } else if (t instanceof MapType m) {
      MapValue mv = (MapValue) v;
      ensure(4);
      buf.putInt(mv.size());
      for (int i = 0; i < mv.size(); i++) {
        writeValue(m.keyType(), mv.keys()[i]);
        writeValue(m.valueType(), mv.values()[i]);
      }
    } else if (t instanceof NullType) {
      // nothing beyond the null byte
    } else {
      // int-like and long-like types (date, timestamp, intervals) as longs
      ensure(8);
      buf.putLong(((Number) v).longValue());
    }
  }

  private static Object readValue(DataType t, ByteBuffer in) {
    if (in.get() == 1) return null;
    if (t instanceof StringType) {
      byte[] b = new byte[in.getInt()];
      in.get(b);
      return new String(b, StandardCharsets.UTF_8);
    }
    if (t instanceof BinaryType) {
      byte[] b = new byte[in.getInt()];
      in.get(b);
      return b;
    }
    if (t instanceof BooleanType) return in.get() == 1;
    if (t instanceof ByteType) return (byte) in.getInt();
    if (t instanceof ShortType) return (short) in.getInt();
    if (t instanceof FloatType) return in.getFloat();
    if (t instanceof DoubleType) return in.getDouble();
    if (t instanceof DecimalType) {
      int scale = in.getInt();
      byte[] u = new byte[in.getInt()];
      in.get(u);
      return new BigDecimal(new BigInteger(u), scale);
    }
    if (t instanceof CalendarIntervalType) {
      return new CalendarInterval(in.getInt(), in.getInt(), in.getLong());
    }
    if (t instanceof StructType s) {
      Object[] fields = new Object[s.length()];
      for (int i = 0; i < fields.length; i++) fields[i] = readValue(s.fields()[i].dataType(), in);
      return fields;
    }
    if (t instanceof ArrayType a) {
      Object[] elements = new Object[in.getInt()];
      for (int i = 0; i < elements.length; i++) elements[i] = readValue(a.elementType(), in);
      return elements;
    }
    if (t instanceof MapType m) {
      int n = in.getInt();
      Object[] keys = new Object[n];
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        keys[i] = readValue(m.keyType(), in);
        values[i] = readValue(m.valueType(), in);
      }
      return new MapValue(keys, values);
    }
    if (t instanceof NullType) return null;
    long l = in.getLong();
    if (t.defaultSize() <= 4) return (int) l;
    return l;
  }
}
