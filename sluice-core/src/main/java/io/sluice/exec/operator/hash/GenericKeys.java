package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.MapValue;
import io.sluice.types.CalendarInterval;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Canonical bytes of values in internal form, for keys of rare types (structs, arrays, maps, wide
 * decimals, intervals): equal keys give equal bytes. Slow path, one object per row.
 */
final class GenericKeys {
  private GenericKeys() {}

  static byte[] encode(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static int hash(Object value) {
    byte[] b = encode(value);
    return Hashing.hashBytes(b, 0, b.length, 7);
  }

  private static void write(Object v, DataOutputStream out) throws IOException {
    if (v == null) {
      out.writeByte(0);
    } else if (v instanceof Boolean b) {
      out.writeByte(1);
      out.writeBoolean(b);
    } else if (v instanceof Float f) {
      out.writeByte(2);
      out.writeLong(LongCodec.floatCode(f));
    } else if (v instanceof Double d) {
      out.writeByte(2);
      out.writeLong(LongCodec.doubleCode(d));
    } else if (v instanceof BigDecimal d) {
      out.writeByte(3);
      BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      byte[] u = s.unscaledValue().toByteArray();
      out.writeInt(s.scale());
      out.writeInt(u.length);
      out.write(u);
    } else if (v instanceof Number n) {
      out.writeByte(4);
      out.writeLong(n.longValue());
    } else if (v instanceof String s) {
      writeBytes(out, 5, s.getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof byte[] b) {
      writeBytes(out, 6, b);
    } else if (v instanceof Object[] a) {
      out.writeByte(7);
      out.writeInt(a.length);
      for (Object x : a) write(x, out);
    } else if (v instanceof MapValue m) {
      out.writeByte(8);
      out.writeInt(m.size());
      for (int i = 0; i < m.size(); i++) {
        write(m.keys()[i], out);
        write(m.values()[i], out);
      }
    } else if (v instanceof CalendarInterval c) {
      out.writeByte(9);
      out.writeInt(c.months());
      out.writeInt(c.days());
      out.writeLong(c.microseconds());
    } else {
      writeBytes(out, 10, String.valueOf(v).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeBytes(DataOutputStream out, int tag, byte[] b) throws IOException {
    out.writeByte(tag);
    out.writeInt(b.length);
    out.write(b);
  }
}
